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

    /// Creates credentials; only the access token is required.
    public init(
        accessToken: String, refreshToken: String? = nil, developerToken: String? = nil, clientID: String? = nil,
        clientSecret: String? = nil
    ) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.developerToken = developerToken
        self.clientID = clientID
        self.clientSecret = clientSecret
    }

    /// Names which secrets are present, never their values.
    public var description: String {
        let present = [
            ("accessToken", true), ("refreshToken", refreshToken != nil), ("developerToken", developerToken != nil),
            ("clientID", clientID != nil), ("clientSecret", clientSecret != nil),
        ]
        return "PlatformCredentials(" + present.filter(\.1).map { "\($0.0): <redacted>" }.joined(separator: ", ") + ")"
    }
}
