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
    /// Claims from the queue (the first, and one after each time a step ran out of retries) after which a job whose
    /// retries keep running out ends rather than going back to the queue. Takeovers of a lease that ran out do not
    /// count: a worker's crash is not the job's fault.
    public var maximumClaims: Int
    /// Takeovers after which a job is given up (`abandoned`): a job that brings down every worker that runs it must
    /// not do so forever. It ends PARTIAL_SUCCESS, listing what exists, or FAILED if nothing does, and `adops jobs
    /// retry` resumes it from its ledger.
    public var maximumTakeovers: Int
    /// How long a job whose step ran out of retries waits in the queue before it is claimed again.
    public var requeueDelay: Duration
    /// How long before its expiry an access token is refreshed, before a call would use it.
    public var tokenRefreshMargin: Duration
    /// Per-platform, per-account request budgets; share one across the worker and the syncer of a process. There is
    /// no default: a configuration that runs without budgets says `.unlimited`.
    public var rateBudget: RateBudget
    /// The usage the platforms report and the holds it sets; share one across the worker and the syncer of a
    /// process, like the rate budget.
    public var usage: UsageThrottle
    /// Sleeps for backoff and rate budgets; tests replace it.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Creates a configuration; `rateBudget` is required, so running without one is a visible choice.
    public init(
        owner: String = WorkerConfiguration.defaultOwner(), concurrency: Int = 4, lease: Duration = .seconds(60),
        pollInterval: Duration = .milliseconds(200), retry: RetryPolicy = RetryPolicy(), maximumClaims: Int = 5,
        maximumTakeovers: Int = 20, requeueDelay: Duration = .seconds(30), tokenRefreshMargin: Duration = .seconds(600),
        rateBudget: RateBudget, usage: UsageThrottle = UsageThrottle(),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.owner = owner
        self.concurrency = max(1, concurrency)
        self.lease = lease
        self.pollInterval = pollInterval
        self.retry = retry
        self.maximumClaims = max(1, maximumClaims)
        self.maximumTakeovers = max(0, maximumTakeovers)
        self.requeueDelay = requeueDelay
        self.tokenRefreshMargin = tokenRefreshMargin
        self.rateBudget = rateBudget
        self.usage = usage
        self.sleep = sleep
    }

    /// `host:pid:random`, so two workers never share a name.
    public static func defaultOwner() -> String {
        let info = ProcessInfo.processInfo
        return "\(info.hostName):\(info.processIdentifier):\(UUID().uuidString.prefix(8))"
    }
}
