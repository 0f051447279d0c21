import Foundation
import Synchronization

/// Keeps Airtable calls under the per-base limit: at most N requests in any rolling second for each base, waiting
/// when the window is full, so a healthy run never sees 429 (which Airtable follows with a 30-second penalty).
///
/// Share one pacer among all clients of the same base; ``AirtableClient`` makes its own when given none.
public final class AirtableRequestPacer: Sendable {
    private let window: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let sent = Mutex<[String: [ContinuousClock.Instant]]>([:])

    /// The default window: Airtable's second plus a margin. Requests are timed here when sent but counted by
    /// Airtable when they arrive, and a first request that took a few milliseconds longer to arrive than the sixth
    /// would put six in Airtable's second and start its 30-second lockout.
    public static let defaultWindow: Duration = .milliseconds(1_100)

    /// Creates a pacer over a window (``defaultWindow`` by default); `now` is injectable for tests.
    public init(
        window: Duration = defaultWindow, now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) {
        self.window = window
        self.now = now
    }

    /// Waits until the base may send one more request within `limit` per window, then counts it as sent.
    public func acquire(
        base: String, limit: Int, sleep: @Sendable (Duration) async throws -> Void
    ) async throws {
        while let wait = take(base: base, limit: max(1, limit)) {
            try await sleep(wait)
        }
    }

    /// Counts a request if the window has room; otherwise returns how long until the oldest one leaves it.
    func take(base: String, limit: Int) -> Duration? {
        let now = now()
        return sent.withLock { sent in
            var times = sent[base, default: []].filter { now - $0 < window }
            defer { sent[base] = times }
            guard times.count >= limit else {
                times.append(now)
                return nil
            }
            return times[times.count - limit] + window - now
        }
    }
}
