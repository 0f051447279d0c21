import AdPlatformKit
import Foundation

/// When an ad account's access token expires, as the store knows it without opening the sealed credentials.
public enum TokenExpiry: Sendable, Hashable, Codable, CustomStringConvertible {
    /// It expires at this instant; the engine refreshes it ahead of then.
    case at(Date)
    /// It does not expire on a timer: a TikTok long-term token, a Meta system-user token (credentials with neither
    /// an expiry nor a refresh token).
    case never
    /// It may expire, but when is not recorded: a refresh token without an expiry, or credentials stored before
    /// expiries were kept. It is refreshed when a call finds it expired.
    case unknown

    /// What credentials say about their own expiry: their ``PlatformCredentials/expiresAt``; else `never` without a
    /// refresh token (a long-lived token), `unknown` with one (a short-lived token whose expiry no one recorded).
    public init(of credentials: PlatformCredentials) {
        if let expiresAt = credentials.expiresAt {
            self = .at(expiresAt)
        } else {
            self = (credentials.refreshToken ?? "").isEmpty ? .never : .unknown
        }
    }

    /// The instant, when known.
    public var date: Date? {
        if case .at(let date) = self { return date }
        return nil
    }

    /// Whether it expires within `margin` of `now` (or has expired); never for `never` and `unknown`.
    public func isExpiring(within margin: Duration, of now: Date) -> Bool {
        guard let date else { return false }
        let (seconds, attoseconds) = margin.components
        return date.timeIntervalSince(now) <= TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }

    /// The ISO-8601 instant, `never` or `unknown`.
    public var description: String {
        switch self {
        case .at(let date): date.formatted(.iso8601)
        case .never: "never"
        case .unknown: "unknown"
        }
    }
}
