import AdPlatformKit
import Foundation

/// Turns generic specs into Google Ads REST requests, without sending them.
///
/// Bodies are proto3 JSON: camelCase field names, enums as strings and int64 values (ids, micros) as strings.
/// Every request carries `Authorization: Bearer …`, `developer-token`, `Content-Type: application/json` and, when
/// `account.settings["login_customer_id"]` is set, `login-customer-id`.
///
/// Settings read from ``AccountContext/settings``:
/// - `login_customer_id`: the manager account the call goes through (dashes allowed);
/// - `time_zone`: the account's IANA time zone for campaign start and end dates (default UTC).
public struct GoogleRequestBuilder: Sendable {
    /// Host and version.
    public var configuration: GoogleAdsConfiguration
    /// The capabilities whose budget unit converts money.
    public var capabilities: PlatformCapabilities

    /// Creates a builder.
    public init(
        configuration: GoogleAdsConfiguration = GoogleAdsConfiguration(),
        capabilities: PlatformCapabilities = GoogleCapabilities.capabilities
    ) {
        self.configuration = configuration
        self.capabilities = capabilities
    }

    /// The customer id of an account: its id without dashes, which must leave ten digits.
    public func customerID(for account: AccountContext, operation: String) throws(AdPlatformError) -> String {
        let digits = account.accountID.replacingOccurrences(of: "-", with: "")
        guard digits.utf8.count == 10, GoogleResourceName.isNumericID(digits) else {
            throw .google(
                .invalidParameter,
                "'\(account.accountID)' is not a Google Ads customer id (ten digits, dashes allowed)",
                operation: operation, fieldPath: "account.accountID")
        }
        return digits
    }

    /// The headers every call carries. Throws `authInvalid` without a developer token, which Google requires.
    public func headers(for account: AccountContext, operation: String) throws(AdPlatformError) -> HTTPHeaderFields {
        guard let developerToken = account.credentials.developerToken, !developerToken.isEmpty else {
            throw .google(
                .authInvalid, "Google Ads calls need a developer token in credentials.developerToken",
                operation: operation, fieldPath: "credentials.developerToken")
        }
        var headers: HTTPHeaderFields = [
            "Authorization": "Bearer \(account.credentials.accessToken)",
            "developer-token": developerToken,
        ]
        if let login = account.settings["login_customer_id"] {
            let digits = login.replacingOccurrences(of: "-", with: "")
            guard GoogleResourceName.isNumericID(digits) else {
                throw .google(
                    .invalidParameter, "login_customer_id '\(login)' is not a Google Ads customer id",
                    operation: operation, fieldPath: "account.settings.login_customer_id")
            }
            headers["login-customer-id"] = digits
        }
        headers["Content-Type"] = "application/json"
        return headers
    }

    /// A `POST /{version}/customers/{cid}/{method}` request with a JSON body, e.g. method `googleAds:mutate`.
    public func post(
        _ method: String, body: JSONValue, in account: AccountContext, operation: String
    )
        throws(AdPlatformError) -> PlatformHTTPRequest
    {
        let customerID = try customerID(for: account, operation: operation)
        let path = "/\(configuration.apiVersion)/customers/\(customerID)/\(method)"
        guard let url = FormURLEncoding.url(configuration.baseURL, path: path) else {
            throw .google(
                .invalidParameter, "cannot form a URL from \(configuration.baseURL) and \(path)",
                operation: operation)
        }
        return PlatformHTTPRequest(
            method: .post, url: url, headers: try headers(for: account, operation: operation),
            body: body.encodedData())
    }

    /// A `googleAds:search` request for one page of a GAQL query. Google fixes the page size (`pageSize` is
    /// rejected as `PAGE_SIZE_NOT_SUPPORTED`), so only the page token is sent.
    public func search(
        _ query: String, pageToken: String? = nil, in account: AccountContext, operation: String
    )
        throws(AdPlatformError) -> PlatformHTTPRequest
    {
        var body: [String: JSONValue] = ["query": .string(query)]
        if let pageToken { body["pageToken"] = .string(pageToken) }
        return try post("googleAds:search", body: .object(body), in: account, operation: operation)
    }

    /// An amount in micros as a proto3 int64 string. Throws `invalidParameter` at `fieldPath` when the amount is
    /// in another currency than the account's or does not convert exactly.
    func micros(
        _ money: Money, in account: AccountContext, fieldPath: String, operation: String
    )
        throws(AdPlatformError) -> JSONValue
    {
        guard money.currency == account.currency else {
            throw .google(
                .invalidParameter, "\(money) is not in the account currency \(account.currency)", operation: operation,
                fieldPath: fieldPath)
        }
        let value: JSONValue
        do {
            value = try capabilities.budget.unit.platformValue(for: money)
        } catch {
            throw .google(.invalidParameter, error.message, operation: operation, fieldPath: fieldPath, cause: error)
        }
        guard let text = value.scalarText else {
            throw .google(.invalidParameter, "\(money) has no micros value", operation: operation, fieldPath: fieldPath)
        }
        return .string(text)
    }

    /// The geo target constants of ISO country codes; throws naming the first unknown code.
    public func locationResourceNames(
        forCountries countries: [String], fieldPath: String, operation: String
    )
        throws(AdPlatformError) -> [String]
    {
        var result: [String] = []
        for (index, country) in countries.enumerated() {
            guard let resourceName = GoogleGeoTargets.resourceName(forCountry: country) else {
                let known = GoogleGeoTargets.countryCriterionIDs.keys.sorted().joined(separator: ", ")
                throw .google(
                    .invalidParameter, "country '\(country)' has no Google geo target in this module; known: \(known)",
                    operation: operation, fieldPath: "\(fieldPath)[\(index)]")
            }
            if !result.contains(resourceName) { result.append(resourceName) }
        }
        return result
    }

    /// The status a create call may send: `ENABLED` or `PAUSED`.
    func createStatus(
        _ status: DeliveryStatus, fieldPath: String, operation: String
    ) throws(AdPlatformError)
        -> JSONValue
    {
        guard status != .removed else {
            throw .google(
                .invalidParameter, "an entity cannot be created removed", operation: operation, fieldPath: fieldPath)
        }
        return .string(GoogleStatus.platformValue(for: status))
    }

    /// One `campaignCriterionOperation` that targets a location from a campaign.
    func locationCriterionOperation(campaign: String, location: String) -> JSONValue {
        [
            "campaignCriterionOperation": [
                "create": ["campaign": .string(campaign), "location": ["geoTargetConstant": .string(location)]]
            ]
        ]
    }
}
