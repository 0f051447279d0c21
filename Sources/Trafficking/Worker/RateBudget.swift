import AdPlatformKit
import Foundation
import Synchronization

/// Per-platform, per-ad-account request budgets: a token bucket for each pair, so a healthy run stays under a
/// platform's limits instead of discovering them through errors.
public final class RateBudget: Sendable {
    /// A sustained rate and a burst.
    public struct Rate: Sendable, Hashable {
        /// Requests per second, sustained.
        public var requestsPerSecond: Double
        /// Requests that may go at once after a quiet spell.
        public var burst: Int

        /// Creates a rate.
        public init(requestsPerSecond: Double, burst: Int) {
            self.requestsPerSecond = max(requestsPerSecond, 0.001)
            self.burst = max(burst, 1)
        }
    }

    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let rates: [PlatformID: Rate]
    private let defaultRate: Rate?
    private let buckets = Mutex<[String: Bucket]>([:])

    /// Creates budgets: `rates` per platform, `defaultRate` for the rest; `nil` there means unlimited.
    public init(rates: [PlatformID: Rate] = [:], defaultRate: Rate? = nil) {
        self.rates = rates
        self.defaultRate = defaultRate
    }

    /// A budget that never waits.
    public static let unlimited = RateBudget()

    /// The rate that applies to a platform, or `nil` when unlimited.
    public func rate(for platform: PlatformID) -> Rate? { rates[platform] ?? defaultRate }

    /// Waits until the account may send one more request, then takes its token.
    public func acquire(
        platform: PlatformID, account: String,
        sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) async throws {
        guard let rate = rate(for: platform) else { return }
        while true {
            let wait = take(key: "\(platform)/\(account)", rate: rate, now: .now)
            guard let wait else { return }
            try await sleep(wait)
        }
    }

    /// How much of an account's burst this process has in use now, from 0 (idle: a full bucket) to 1 (the next
    /// call waits), or `nil` when the platform is unlimited. Reading it takes no token.
    public func use(platform: PlatformID, account: String, now: ContinuousClock.Instant = .now) -> Double? {
        guard let rate = rate(for: platform) else { return nil }
        return buckets.withLock { buckets in
            guard let bucket = buckets["\(platform)/\(account)"] else { return 0 }
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let tokens = min(Double(rate.burst), bucket.tokens + seconds * rate.requestsPerSecond)
            return max(0, 1 - tokens / Double(rate.burst))
        }
    }

    /// Takes a token if one is there; otherwise returns how long until one will be.
    func take(key: String, rate: Rate, now: ContinuousClock.Instant) -> Duration? {
        buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: Double(rate.burst), updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(Double(rate.burst), bucket.tokens + seconds * rate.requestsPerSecond)
            bucket.updated = now
            defer { buckets[key] = bucket }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return .seconds((1 - bucket.tokens) / rate.requestsPerSecond)
        }
    }
}
