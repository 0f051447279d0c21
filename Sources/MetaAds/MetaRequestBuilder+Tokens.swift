import AdPlatformKit
import Foundation

extension MetaRequestBuilder {
    /// The long-lived token exchange (reference §1.5): `GET /{version}/oauth/access_token?grant_type=
    /// fb_exchange_token&client_id&client_secret&fb_exchange_token`, which trades a valid user token for one that
    /// lasts about 60 days. Throws `authInvalid` naming the missing field when the credentials have no app id or
    /// app secret: Meta has no refresh token, so the app's pair is what renews a token.
    public func exchangeToken(_ credentials: PlatformCredentials) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "refreshCredentials"
        let fields: [(name: String, value: String?)] = [
            ("clientID", credentials.clientID), ("clientSecret", credentials.clientSecret),
            ("accessToken", credentials.accessToken),
        ]
        for field in fields where (field.value ?? "").isEmpty {
            throw AdPlatformError(
                code: .authInvalid,
                message: "cannot exchange the Meta access token for a long-lived one: the account's credentials have "
                    + "no \(field.name)",
                platform: .meta, operation: operation, fieldPath: "credentials.\(field.name)")
        }
        let path =
            "/"
            + [configuration.apiVersion, "oauth", "access_token"].map(FormURLEncoding.escape)
            .joined(separator: "/")
        let query = [
            ("grant_type", "fb_exchange_token"), ("client_id", credentials.clientID ?? ""),
            ("client_secret", credentials.clientSecret ?? ""), ("fb_exchange_token", credentials.accessToken),
        ]
        guard let url = FormURLEncoding.url(configuration.baseURL, path: path, query: query) else {
            throw AdPlatformError(
                code: .invalidParameter,
                message: "cannot build a Meta URL from base '\(configuration.baseURL)' and path '\(path)'",
                platform: .meta, operation: operation, fieldPath: "configuration.baseURL")
        }
        return PlatformHTTPRequest(method: .get, url: url)
    }
}
