/// How a step retries errors whose disposition is `retry`: exponential backoff with full jitter, capped, and never
/// sooner than the platform's retry-after.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts per step before the job is given back to the queue (the first attempt counts).
    public var maximumAttempts: Int
    /// The first backoff.
    public var baseDelay: Duration
    /// The longest backoff.
    public var maximumDelay: Duration

    /// Creates a policy.
    public init(
        maximumAttempts: Int = 6, baseDelay: Duration = .milliseconds(250), maximumDelay: Duration = .seconds(30)
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
    }

    /// The wait before retry number `retry` (0 for the first retry): a random point in
    /// `[0, min(maximum, base × 2^retry)]`, or the platform's retry-after when that is longer. Full jitter spreads
    /// retries from many workers so they do not hit a recovering platform together.
    public func delay(
        beforeRetry retry: Int, retryAfter: Duration?,
        random: (ClosedRange<Double>) -> Double = { Double.random(in: $0) }
    ) -> Duration {
        let exponential = baseDelay * Double(1 << min(retry, 20))
        let ceiling = min(exponential, maximumDelay)
        let jittered = ceiling * random(0...1)
        guard let retryAfter else { return jittered }
        return max(jittered, retryAfter)
    }
}
