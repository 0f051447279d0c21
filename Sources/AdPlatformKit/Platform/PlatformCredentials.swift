import Foundation

/// The secrets a platform call needs. Their description never prints a secret.
public struct PlatformCredentials: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The OAuth access token (Meta, Snapchat, Google) or the TikTok `Access-Token`.
    public var accessToken: String
    /// The refresh token, where the platform issues one (Snapchat, Google).
    public var refreshToken: String?
    /// Google's `developer-token`.
    public var developerToken: String?
    /// The OAuth client or app id, for refreshing tokens.
    public var clientID: String?
    /// The OAuth client or app secret; Meta also uses it for `appsecret_proof`.
    public var clientSecret: String?
    /// When the access token expires, where the platform said (`expires_in` of a refresh or exchange) or a person
    /// recorded it; `nil` when it does not expire (TikTok's long-term tokens, Meta system-user tokens) or no one
    /// knows. Not a secret. Stored credentials from before it existed decode with `nil`.
    public var expiresAt: Date?

    /// Creates credentials; only the access token is required.
    public init(
        accessToken: String, refreshToken: String? = nil, developerToken: String? = nil, clientID: String? = nil,
        clientSecret: String? = nil, expiresAt: Date? = nil
    ) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.developerToken = developerToken
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.expiresAt = expiresAt
    }

    /// Whether the access token expires within `margin` of `now` (or has expired); `false` when its expiry is not
    /// known. The engine refreshes such a token before it uses it.
    public func expires(within margin: Duration, of now: Date) -> Bool {
        guard let expiresAt else { return false }
        let (seconds, attoseconds) = margin.components
        return expiresAt.timeIntervalSince(now) <= TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }

    /// The expiry an answer's `expires_in` (seconds, a number or a numeric string) gives for a token received at
    /// `receivedAt`; `nil` when the answer has none, or one that is not a positive number of seconds.
    public static func expiry(expiresIn value: JSONValue?, receivedAt: Date) -> Date? {
        guard let seconds = value?.doubleValue, seconds.isFinite, seconds > 0 else { return nil }
        return receivedAt.addingTimeInterval(seconds)
    }

    /// Names which secrets are present, never their values, and the expiry, which is not a secret.
    public var description: String {
        let present = [
            ("accessToken", true), ("refreshToken", refreshToken != nil), ("developerToken", developerToken != nil),
            ("clientID", clientID != nil), ("clientSecret", clientSecret != nil),
        ]
        var fields = present.filter(\.1).map { "\($0.0): <redacted>" }
        if let expiresAt { fields.append("expiresAt: \(expiresAt.formatted(.iso8601))") }
        return "PlatformCredentials(" + fields.joined(separator: ", ") + ")"
    }
}
