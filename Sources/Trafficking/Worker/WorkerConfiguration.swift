import Foundation

/// How a worker claims and runs jobs.
public struct WorkerConfiguration: Sendable {
    /// The worker's name in leases; unique per process.
    public var owner: String
    /// Jobs run at once.
    public var concurrency: Int
    /// How long a claim holds a job; the worker renews it at a third of this while the job runs, so a job is taken
    /// over only when its worker died.
    public var lease: Duration
    /// How long an idle worker waits before looking for jobs again.
    public var pollInterval: Duration
    /// How steps retry transient errors and rate limits.
    public var retry: RetryPolicy
    /// Claims after which a job that keeps losing its worker or its retries is failed rather than claimed again.
    public var maximumClaims: Int
    /// How long a job whose step ran out of retries waits in the queue before it is claimed again.
    public var requeueDelay: Duration
    /// Per-platform, per-account request budgets.
    public var rateBudget: RateBudget
    /// Sleeps for backoff and rate budgets; tests replace it.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Creates a configuration.
    public init(
        owner: String = WorkerConfiguration.defaultOwner(), concurrency: Int = 4, lease: Duration = .seconds(60),
        pollInterval: Duration = .milliseconds(200), retry: RetryPolicy = RetryPolicy(), maximumClaims: Int = 5,
        requeueDelay: Duration = .seconds(30), rateBudget: RateBudget = .unlimited,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.owner = owner
        self.concurrency = max(1, concurrency)
        self.lease = lease
        self.pollInterval = pollInterval
        self.retry = retry
        self.maximumClaims = max(1, maximumClaims)
        self.requeueDelay = requeueDelay
        self.rateBudget = rateBudget
        self.sleep = sleep
    }

    /// `host:pid:random`, so two workers never share a name.
    public static func defaultOwner() -> String {
        let info = ProcessInfo.processInfo
        return "\(info.hostName):\(info.processIdentifier):\(UUID().uuidString.prefix(8))"
    }
}
