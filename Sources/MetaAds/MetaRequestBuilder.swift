import AdPlatformKit
import Foundation

/// Turns generic specs into Graph API requests, without sending them.
///
/// Every request carries `access_token` (and `appsecret_proof` when the account has an app secret) in its query
/// string, as Meta's SDK sends it, POSTs included. POST bodies are form-encoded; values that are objects, lists or
/// Booleans are sent as compact JSON strings and numbers as plain digits.
public struct MetaRequestBuilder: Sendable {
    /// The host and version requests go to.
    public let configuration: MetaAdsConfiguration
    /// The maps and budget unit requests are translated with.
    public let capabilities: PlatformCapabilities
    /// The page size for lookups and insights; Meta's own default is 25, which makes lookups slow.
    public let pageSize: Int

    /// Creates a builder.
    public init(
        configuration: MetaAdsConfiguration = MetaAdsConfiguration(),
        capabilities: PlatformCapabilities = MetaCapabilities.capabilities, pageSize: Int = 100
    ) {
        self.configuration = configuration
        self.capabilities = capabilities
        self.pageSize = pageSize
    }

    /// A request to `/{version}/{path…}` with the account's auth in the query and, for POSTs, a form body.
    func request(
        _ method: HTTPMethod, path: [String], trailingSlash: Bool = false, query: [(String, String)] = [],
        form: [(String, JSONValue)]? = nil, account: MetaAccount, operation: String
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        var text = "/" + ([configuration.apiVersion] + path).map(FormURLEncoding.escape).joined(separator: "/")
        if trailingSlash { text += "/" }
        guard let url = FormURLEncoding.url(configuration.baseURL, path: text, query: account.authQuery + query) else {
            throw AdPlatformError(
                code: .invalidParameter,
                message: "cannot build a Meta URL from base '\(configuration.baseURL)' and path '\(text)'",
                platform: .meta, operation: operation, fieldPath: "configuration.baseURL")
        }
        guard let form else { return PlatformHTTPRequest(method: method, url: url) }
        let body = FormURLEncoding.encode(form.map { ($0.0, Self.formText($0.1)) })
        return PlatformHTTPRequest(
            method: method, url: url, headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data(body.utf8))
    }

    /// A value as Meta's SDK writes it into a form or query: strings as they are, numbers in plain digits, and
    /// objects, lists and Booleans as compact JSON.
    static func formText(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .integer, .decimal, .double: value.scalarText ?? value.encodedString()
        case .null, .bool, .array, .object: value.encodedString()
        }
    }

    /// The platform value of an amount in the account's currency; throws `invalidParameter` at `fieldPath` when
    /// the currency differs or the amount is not exactly representable.
    func platformAmount(
        _ money: Money, account: MetaAccount, fieldPath: String, operation: String
    )
        throws(AdPlatformError) -> JSONValue
    {
        guard money.currency == account.currency else {
            throw AdPlatformError(
                code: .invalidParameter,
                message: "\(money) is not in the ad account's currency \(account.currency.code)", platform: .meta,
                operation: operation, fieldPath: fieldPath.replacingOccurrences(of: ".amount", with: ".currency"))
        }
        do {
            return try capabilities.budget.unit.platformValue(for: money)
        } catch {
            throw AdPlatformError(
                code: .invalidParameter, message: error.message, platform: .meta, operation: operation,
                fieldPath: fieldPath, cause: error)
        }
    }

    /// The budget's form field, `daily_budget` or `lifetime_budget`, and its value.
    func budgetField(
        _ budget: Budget, account: MetaAccount, operation: String
    ) throws(AdPlatformError)
        -> (name: String, value: JSONValue)
    {
        let value = try platformAmount(
            budget.amount, account: account, fieldPath: "budget.amount", operation: operation)
        return (budget.period == .daily ? "daily_budget" : "lifetime_budget", value)
    }

    /// Meta's value for a generic objective; throws `unsupported` for one the map lacks.
    func objectiveValue(_ objective: Objective, operation: String) throws(AdPlatformError) -> String {
        guard let value = capabilities.objectives[objective] else {
            throw AdPlatformError(
                code: .unsupported, message: "Meta has no objective for '\(objective.rawValue)'", platform: .meta,
                operation: operation, fieldPath: "objective")
        }
        return value
    }
}
