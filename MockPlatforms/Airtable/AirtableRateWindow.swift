import NIOConcurrencyHelpers

/// Airtable's per-base rate limit: at most ``Settings/requestsPerSecond`` requests in any sliding second of real
/// time; the request over it answers 429 and locks the base out for ``Settings/lockoutSeconds`` (Airtable
/// documents 30 seconds). Requests refused with 429 are not counted, and a lockout clears the window, so the
/// base starts afresh when it ends.
public final class AirtableRateWindow: Sendable {
    /// The limit and the lockout, settable through `PUT /_mock/airtable/settings`.
    public struct Settings: Sendable, Hashable, Codable {
        /// Requests per base per sliding second; Airtable's is 5.
        public var requestsPerSecond: Int
        /// How long a base answers 429 after going over, in seconds; Airtable's is 30.
        public var lockoutSeconds: Double

        /// Airtable's own: 5 requests per second, a 30-second lockout.
        public static let airtable = Settings(requestsPerSecond: 5, lockoutSeconds: 30)

        /// Creates settings.
        public init(requestsPerSecond: Int, lockoutSeconds: Double) {
            self.requestsPerSecond = requestsPerSecond
            self.lockoutSeconds = lockoutSeconds
        }
    }

    /// What the window decided for one request.
    public enum Decision: Sendable, Equatable {
        /// Serve it; it was counted.
        case allowed
        /// Answer 429; retry after this many seconds.
        case limited(retryAfter: Double)
    }

    private struct Window {
        var accepted: [ContinuousClock.Instant] = []
        var lockedUntil: ContinuousClock.Instant?
    }

    private struct State {
        var settings = Settings.airtable
        var windows: [String: Window] = [:]
    }

    private let state = NIOLockedValueBox(State())
    private let now: @Sendable () -> ContinuousClock.Instant

    /// Creates a window with Airtable's settings; `now` reads the time (real time, unless a test drives it).
    public init(now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.now = now
    }

    /// The settings in force.
    public var settings: Settings { state.withLockedValue { $0.settings } }

    /// Replaces the settings and forgets every base's window and lockout.
    public func configure(_ settings: Settings) {
        state.withLockedValue { state in
            state.settings = settings
            state.windows.removeAll()
        }
    }

    /// Back to Airtable's settings, with no window or lockout anywhere (a full `/_mock/reset`).
    public func reset() { configure(.airtable) }

    /// Counts a request to a base, or refuses it.
    public func admit(base: String) -> Decision {
        let now = self.now()
        return state.withLockedValue { state in
            var window = state.windows[base] ?? Window()
            defer { state.windows[base] = window.accepted.isEmpty && window.lockedUntil == nil ? nil : window }
            if let until = window.lockedUntil {
                if now < until { return .limited(retryAfter: Self.seconds(until - now)) }
                window.lockedUntil = nil
            }
            let second = Duration.seconds(1)
            window.accepted.removeAll { now - $0 >= second }
            guard window.accepted.count >= state.settings.requestsPerSecond else {
                window.accepted.append(now)
                return .allowed
            }
            let lockout = state.settings.lockoutSeconds
            guard lockout > 0 else {
                return .limited(retryAfter: Self.seconds(second - (now - (window.accepted.first ?? now))))
            }
            window.accepted.removeAll()
            window.lockedUntil = now + .milliseconds(Int64((lockout * 1_000).rounded(.up)))
            return .limited(retryAfter: lockout)
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
