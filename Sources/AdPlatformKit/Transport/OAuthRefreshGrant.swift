import Foundation

/// The OAuth 2.0 refresh-token grant (RFC 6749 §6), as Snapchat's and Google's token endpoints take it: a form
/// POST of `grant_type=refresh_token`, `client_id`, `client_secret` and `refresh_token`, answered with
/// `{"access_token", "expires_in", "token_type"[, "refresh_token"]}` or an RFC 6749 error object.
///
/// Both platforms speak the standard here, so the request and the answer are read once, in the core; each
/// platform module supplies its token URL and platform id.
public struct OAuthRefreshGrant: Sendable {
    /// The token endpoint.
    public var tokenURL: URL
    /// The platform, for errors.
    public var platform: PlatformID

    /// A grant against one token endpoint.
    public init(tokenURL: URL, platform: PlatformID) {
        self.tokenURL = tokenURL
        self.platform = platform
    }

    /// The token request for these credentials; `authInvalid` naming the missing field when the refresh token,
    /// client id or client secret is absent or empty.
    public func request(for credentials: PlatformCredentials) throws(AdPlatformError) -> PlatformHTTPRequest {
        let fields: [(name: String, value: String?)] = [
            ("refreshToken", credentials.refreshToken), ("clientID", credentials.clientID),
            ("clientSecret", credentials.clientSecret),
        ]
        for field in fields where (field.value ?? "").isEmpty {
            throw AdPlatformError(
                code: .authInvalid,
                message: "cannot refresh the access token: the account's credentials have no \(field.name)",
                platform: platform, operation: "refreshCredentials", fieldPath: "credentials.\(field.name)")
        }
        let body = FormURLEncoding.encode([
            ("grant_type", "refresh_token"), ("client_id", credentials.clientID ?? ""),
            ("client_secret", credentials.clientSecret ?? ""), ("refresh_token", credentials.refreshToken ?? ""),
        ])
        return PlatformHTTPRequest(
            method: .post, url: tokenURL,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"],
            body: Data(body.utf8))
    }

    /// The credentials the answer gives: a new access token, and a new refresh token when the platform rotates
    /// it, expiring `expires_in` seconds after `receivedAt` (`nil` when the answer has no `expires_in`). A refused grant (400 or 401, `invalid_grant`, `invalid_client`) is `authInvalid`; 429 is `rateLimited`;
    /// 5xx is `transient`; an answer without an access token is `malformedResponse`.
    public func credentials(
        from response: PlatformHTTPResponse, replacing credentials: PlatformCredentials, receivedAt: Date
    ) throws(AdPlatformError) -> PlatformCredentials {
        let object = try? JSONValue(parsing: response.body)
        guard response.isSuccess else {
            let reason = [object?["error"]?.stringValue, object?["error_description"]?.stringValue]
                .compactMap { $0 }.joined(separator: ": ")
            let message =
                "the token endpoint refused the refresh (HTTP \(response.status))"
                + (reason.isEmpty ? "" : ": \(reason)")
            let code: AdPlatformError.Code =
                switch response.status {
                case 429: .rateLimited
                case 500...: .transient
                default: .authInvalid
                }
            throw AdPlatformError(
                code: code, message: message, platform: platform, operation: "refreshCredentials",
                httpStatus: response.status, platformCode: object?["error"]?.stringValue)
        }
        guard let token = object?["access_token"]?.stringValue, !token.isEmpty else {
            throw AdPlatformError(
                code: .malformedResponse, message: "the token endpoint answered without an access_token",
                platform: platform, operation: "refreshCredentials", httpStatus: response.status)
        }
        var refreshed = credentials
        refreshed.accessToken = token
        refreshed.expiresAt = PlatformCredentials.expiry(expiresIn: object?["expires_in"], receivedAt: receivedAt)
        if let rotated = object?["refresh_token"]?.stringValue, !rotated.isEmpty { refreshed.refreshToken = rotated }
        return refreshed
    }
}
