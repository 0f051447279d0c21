import AdPlatformKit
import Foundation

/// Builds TikTok Marketing API requests from generic specs, without sending them.
///
/// POST bodies are JSON; GET parameters go in the query string, with list and object values as JSON text
/// (`filtering={"campaign_ids":["1"]}`). Every request carries the `Access-Token` header, never a Bearer token.
public struct TikTokRequestBuilder: Sendable {
    /// The host and API version.
    public var configuration: TikTokAdsConfiguration
    /// The limits and maps translation uses (objectives, calls to action, budget unit).
    public var capabilities: PlatformCapabilities

    /// Creates a builder.
    public init(
        configuration: TikTokAdsConfiguration = TikTokAdsConfiguration(),
        capabilities: PlatformCapabilities = TikTokCapabilities.capabilities
    ) {
        self.configuration = configuration
        self.capabilities = capabilities
    }

    /// A JSON POST to an endpoint such as `campaign/create`.
    public func post(
        _ endpoint: String, body: JSONValue, in account: AccountContext, operation: String
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        var headers = authorizationHeaders(account)
        headers["Content-Type"] = "application/json"
        return PlatformHTTPRequest(
            method: .post, url: try url(endpoint, query: [], operation: operation), headers: headers,
            body: body.encodedData())
    }

    /// A GET with query parameters, in order; list and object values must already be JSON text.
    public func get(
        _ endpoint: String, query: [(String, String)], in account: AccountContext, operation: String
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        PlatformHTTPRequest(
            method: .get, url: try url(endpoint, query: query, operation: operation),
            headers: authorizationHeaders(account))
    }

    /// A multipart POST, for uploads.
    public func multipart(
        _ endpoint: String, form: MultipartFormData, in account: AccountContext, operation: String
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        var headers = authorizationHeaders(account)
        headers["Content-Type"] = form.contentType
        return PlatformHTTPRequest(
            method: .post, url: try url(endpoint, query: [], operation: operation), headers: headers, body: form.data)
    }

    /// The platform value of an amount in the account currency; throws `invalidParameter` at `fieldPath` when
    /// the currency differs from the account's or the amount cannot be expressed exactly.
    func amount(
        _ money: Money, in account: AccountContext, operation: String, fieldPath: String
    ) throws(AdPlatformError) -> JSONValue {
        guard money.currency == account.currency else {
            throw AdPlatformError(
                code: .invalidParameter,
                message: "\(money) is not in the advertiser's currency \(account.currency.code)", platform: .tiktok,
                operation: operation, fieldPath: fieldPath)
        }
        do {
            return try capabilities.budget.unit.platformValue(for: money)
        } catch {
            throw AdPlatformError(
                code: .invalidParameter, message: "TikTok cannot take \(money): \(error.message)", platform: .tiktok,
                operation: operation, fieldPath: fieldPath, cause: error)
        }
    }

    private func authorizationHeaders(_ account: AccountContext) -> HTTPHeaderFields {
        ["Access-Token": account.credentials.accessToken]
    }

    private func url(_ endpoint: String, query: [(String, String)], operation: String) throws(AdPlatformError) -> URL {
        guard let url = FormURLEncoding.url(configuration.baseURL, path: configuration.path(endpoint), query: query)
        else {
            throw AdPlatformError(
                code: .invalidParameter,
                message: "cannot build a URL from base \(configuration.baseURL) and endpoint \(endpoint)",
                platform: .tiktok, operation: operation)
        }
        return url
    }
}
