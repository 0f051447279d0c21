import AdPlatformKit
import Foundation

/// Turns generic specs into Snap Marketing API requests, without sending them.
///
/// Every request carries `Authorization: Bearer <access token>`; bodies are JSON, with entities wrapped in a
/// plural array (`{"campaigns":[{…}]}`). Paths are `/v1/…` on ``SnapchatAdsConfiguration/baseURL``.
/// Account settings read: `profile_id` (the public profile every creative needs).
public struct SnapchatRequestBuilder: Sendable {
    /// Host, version and page sizes.
    public let configuration: SnapchatAdsConfiguration
    /// The maps (objectives, calls to action) and budget unit used to translate specs.
    public let capabilities: PlatformCapabilities

    /// Creates a builder.
    public init(
        configuration: SnapchatAdsConfiguration = SnapchatAdsConfiguration(),
        capabilities: PlatformCapabilities = SnapchatCapabilities.capabilities
    ) {
        self.configuration = configuration
        self.capabilities = capabilities
    }

    // MARK: - Shared pieces

    /// A request to a path under the configured host, with the bearer token and, when given, a JSON body.
    func request(
        _ method: HTTPMethod, path: String, query: [(String, String)] = [], json: JSONValue? = nil,
        account: AccountContext, operation: String
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        guard let url = FormURLEncoding.url(configuration.baseURL, path: path, query: query) else {
            throw AdPlatformError(
                code: .invalidParameter,
                message: "'\(configuration.baseURL.absoluteString)' and '\(path)' do not form a valid URL",
                platform: .snapchat, operation: operation, fieldPath: "configuration.baseURL")
        }
        var headers = HTTPHeaderFields([("Authorization", "Bearer \(account.credentials.accessToken)")])
        var body: Data?
        if let json {
            headers["Content-Type"] = "application/json"
            body = json.encodedData()
        }
        return PlatformHTTPRequest(method: method, url: url, headers: headers, body: body)
    }

    /// `/v1/seg/seg/…`, each segment percent-encoded so an id cannot change the path.
    func path(_ segments: String...) -> String {
        "/" + ([configuration.apiVersion] + segments).map(Self.escapePathSegment).joined(separator: "/")
    }

    /// Snap's value for a delivery status on create and update; `removed` is a `DELETE`, never a field value.
    func statusValue(_ status: DeliveryStatus, operation: String) throws(AdPlatformError) -> JSONValue {
        switch status {
        case .active: return "ACTIVE"
        case .paused: return "PAUSED"
        default:
            throw AdPlatformError(
                code: .invalidParameter,
                message: "Snapchat entities are created and updated as ACTIVE or PAUSED; \(status) is a deletion",
                platform: .snapchat, operation: operation, fieldPath: "status")
        }
    }

    /// Money in the account currency converted exactly with the capability's budget unit (micros for Snap).
    func platformAmount(
        _ money: Money, field: String, account: AccountContext, operation: String
    )
        throws(AdPlatformError) -> JSONValue
    {
        guard money.currency == account.currency else {
            throw AdPlatformError(
                code: .invalidParameter,
                message: "\(field) is in \(money.currency) but the Snapchat account bills in \(account.currency)",
                platform: .snapchat, operation: operation, fieldPath: field)
        }
        do {
            return try capabilities.budget.unit.platformValue(for: money)
        } catch {
            throw AdPlatformError(
                code: .invalidParameter, message: error.message, platform: .snapchat, operation: operation,
                fieldPath: field, cause: error)
        }
    }

    private static let pathSegmentCharacters: CharacterSet = {
        var set = CharacterSet()
        set.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return set
    }()

    private static func escapePathSegment(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: pathSegmentCharacters) ?? segment
    }
}
