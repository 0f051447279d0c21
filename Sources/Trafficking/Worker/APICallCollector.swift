import AdPlatformKit
import Foundation
import Synchronization

/// The platform calls of one running job or lifecycle action: it spends the account's rate budget before each call
/// and collects the calls, so they are written with the next ledger write instead of one transaction each. The job
/// launcher and the action runner bind one to ``current`` for the duration of a run; ``RecordingTransport`` uses it.
public final class APICallCollector: Sendable {
    /// The collector of the job running in this task, if any.
    @TaskLocal public static var current: APICallCollector?

    /// The job, when a job runs.
    public let jobID: UUID?
    /// The lifecycle action, when an action runs.
    public let actionID: UUID?
    /// The metrics sync run, when a sync runs.
    public let syncRunID: UUID?
    /// The job's platform.
    public let platform: PlatformID
    /// The platform's id of the job's ad account, for the rate budget.
    public let accountID: String
    /// The budgets to spend from.
    public let budget: RateBudget
    /// The time of day calls are stamped with.
    public let clock: WallClock
    private let sleep: @Sendable (Duration) async throws -> Void
    private let calls = Mutex<[APICallRecord]>([])

    /// Creates a collector for a job.
    public convenience init(
        jobID: UUID, platform: PlatformID, clock: WallClock, accountID: String = "", budget: RateBudget = .unlimited,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.init(
            jobID: jobID, actionID: nil, platform: platform, clock: clock, accountID: accountID, budget: budget,
            sleep: sleep)
    }

    /// Creates a collector for a lifecycle action, spending the same per-account rate budget as jobs.
    public convenience init(
        actionID: UUID, platform: PlatformID, clock: WallClock, accountID: String = "",
        budget: RateBudget = .unlimited,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.init(
            jobID: nil, actionID: actionID, platform: platform, clock: clock, accountID: accountID, budget: budget,
            sleep: sleep)
    }

    /// Creates a collector for a metrics sync run, spending the same per-account rate budget as jobs.
    public convenience init(
        syncRunID: UUID, platform: PlatformID, clock: WallClock, accountID: String = "",
        budget: RateBudget = .unlimited,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.init(
            jobID: nil, actionID: nil, syncRunID: syncRunID, platform: platform, clock: clock, accountID: accountID,
            budget: budget, sleep: sleep)
    }

    private init(
        jobID: UUID?, actionID: UUID?, syncRunID: UUID? = nil, platform: PlatformID, clock: WallClock,
        accountID: String, budget: RateBudget,
        sleep: @escaping @Sendable (Duration) async throws -> Void
    ) {
        self.jobID = jobID
        self.actionID = actionID
        self.syncRunID = syncRunID
        self.platform = platform
        self.accountID = accountID
        self.budget = budget
        self.clock = clock
        self.sleep = sleep
    }

    /// Waits for the account's rate budget to allow one more call.
    public func acquire() async throws {
        try await budget.acquire(platform: platform, account: accountID, sleep: sleep)
    }

    /// Adds a call.
    public func append(_ call: APICallRecord) { calls.withLock { $0.append(call) } }

    /// Returns the calls collected so far and forgets them.
    public func drain() -> [APICallRecord] {
        calls.withLock { calls in
            defer { calls = [] }; return calls
        }
    }
}
