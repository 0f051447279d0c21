import Foundation

/// The Google Ads API (REST) emulator: `/vNN/customers/{cid}/…` for v17–v26, `customers:listAccessibleCustomers`
/// and the OAuth token endpoint.
///
/// It speaks proto3 JSON checked against the official v23 schema (camelCase names, int64s as strings, enums as
/// names, unknown fields refused by the gateway), mutates campaign budgets, campaigns, ad groups, ad group ads,
/// assets and criteria through their services or atomically through `googleAds:mutate` with temporary ids, and
/// answers GAQL through `googleAds:search` and `:searchStream` with metrics from the world's delivery. Errors are
/// `{"error":{…,"details":[GoogleAdsFailure]}}` with the version called in the type URL; quota errors carry
/// `quotaErrorDetails.retryDelay`.
public struct GoogleAdsEmulator: PlatformEmulator {
    /// Creates the emulator.
    public init() {}

    /// The results of recent searches, which their page tokens page through.
    let searchSnapshots = ReportSnapshots<GoogleAdsSearch.Result>()

    /// `google`.
    public var platform: String { "google" }

    /// Paths under `/v{digits}/customers`, and the token paths.
    public func claims(_ request: MockRequest) -> Bool {
        GoogleAdsRoute.tokenPaths.contains(request.path) || GoogleAdsRoute.isGoogleAdsPath(request.segments)
    }

    /// The customer in the path.
    public func accountID(for request: MockRequest) -> String? { GoogleAdsRoute.customerID(in: request) }

    /// 10 MiB for `assets:mutate` and `googleAds:mutate` (image bytes travel inline as base64), 1 MiB otherwise.
    public func bodyLimit(for request: MockRequest) -> Int {
        guard let last = request.segments.last, request.segments.count == 4 else { return 1 << 20 }
        return last == "assets:mutate" || last == "googleAds:mutate" ? 10 << 20 : 1 << 20
    }

    /// Answers a request.
    public func handle(_ request: MockRequest, world: MockWorld) async -> MockResponse {
        let requestID = Self.newRequestID()
        if GoogleAdsRoute.tokenPaths.contains(request.path) { return GoogleAdsOAuth.respond(request, world: world) }
        guard let route = GoogleAdsRoute(request) else {
            return GoogleAdsErrorEnvelope.plain(
                httpStatus: 404, message: "The requested URL \(request.path) was not found on this server.",
                requestID: requestID)
        }
        let stream = route.method == .searchStream
        guard GoogleAdsRoute.supportedVersions.contains(route.versionNumber) else {
            let message =
                route.versionNumber < GoogleAdsRoute.supportedVersions.lowerBound
                ? "Version \(route.version) is deprecated. Requests to this version will be blocked."
                : "Version \(route.version) is not supported."
            return GoogleAdsErrorEnvelope.response(
                httpStatus: 404, errors: [GoogleAdsError("requestError", "UNSUPPORTED_VERSION")],
                version: route.version, requestID: requestID, message: message, stream: stream)
        }
        guard let method = route.method, method.httpMethod == request.method else {
            return GoogleAdsErrorEnvelope.plain(
                httpStatus: 404, message: "The requested URL \(request.path) was not found on this server.",
                requestID: requestID)
        }
        if let refusal = authenticate(request, route: route, requestID: requestID, stream: stream) { return refusal }
        if method == .listAccessibleCustomers {
            return listAccessibleCustomers(request, world: world, requestID: requestID)
        }
        guard let customerID = route.customerID, !customerID.isEmpty,
            customerID.allSatisfy({ $0.isASCII && $0.isNumber })
        else {
            return GoogleAdsErrorEnvelope.response(
                httpStatus: 400,
                errors: [
                    GoogleAdsError(
                        "requestError", "INVALID_CUSTOMER_ID",
                        trigger: GoogleAdsError.stringTrigger(route.customerID ?? ""),
                        location: [GoogleAdsError.PathElement("customer_id")])
                ], version: route.version, requestID: requestID, stream: stream)
        }
        switch method {
        case .mutate(let resource):
            return GoogleAdsMutateHandler(route: route, customerID: customerID, requestID: requestID).respond(
                request, resource: resource, world: world)
        case .googleAdsMutate:
            return GoogleAdsMutateHandler(route: route, customerID: customerID, requestID: requestID).respond(
                request, resource: nil, world: world)
        case .search, .searchStream:
            return GoogleAdsSearchHandler(
                route: route, customerID: customerID, requestID: requestID, stream: stream,
                snapshots: searchSnapshots
            ).respond(request, world: world)
        case .listAccessibleCustomers:
            return listAccessibleCustomers(request, world: world, requestID: requestID)
        }
    }

    /// The checks the API makes on every call: an OAuth bearer token (401 `UNAUTHENTICATED`), a `developer-token`
    /// (400 `DEVELOPER_TOKEN_PARAMETER_MISSING`) and, when given, a digits-only `login-customer-id`.
    private func authenticate(
        _ request: MockRequest, route: GoogleAdsRoute, requestID: String, stream: Bool
    )
        -> MockResponse?
    {
        let authorization = (request.header("authorization") ?? "").trimmingHTTPWhitespace
        let parts = authorization.split(separator: " ", maxSplits: 1)
        let token = parts.count == 2 ? parts[1].trimmingHTTPWhitespace : ""
        if authorization.isEmpty || (parts.first?.lowercased() == "bearer" && token.isEmpty) {
            return GoogleAdsErrorEnvelope.response(
                httpStatus: 401, errors: [GoogleAdsError("authenticationError", "AUTHENTICATION_ERROR")],
                version: route.version, requestID: requestID,
                message: "Request is missing required authentication credential. Expected OAuth 2 access token, "
                    + "login cookie or other valid authentication credential. See "
                    + "https://developers.google.com/identity/sign-in/web/devconsole-project.", stream: stream)
        }
        guard parts.first?.lowercased() == "bearer" else {
            return GoogleAdsErrorEnvelope.response(
                httpStatus: 401, errors: [GoogleAdsError("authenticationError", "OAUTH_TOKEN_HEADER_INVALID")],
                version: route.version, requestID: requestID, stream: stream)
        }
        let developerToken = (request.header("developer-token") ?? "").trimmingHTTPWhitespace
        if developerToken.isEmpty {
            return GoogleAdsErrorEnvelope.response(
                httpStatus: 400, errors: [GoogleAdsError("requestError", "DEVELOPER_TOKEN_PARAMETER_MISSING")],
                version: route.version, requestID: requestID, stream: stream)
        }
        if let login = request.header("login-customer-id"),
            login.isEmpty || !login.allSatisfy({ $0.isASCII && $0.isNumber })
        {
            return GoogleAdsErrorEnvelope.response(
                httpStatus: 400,
                errors: [
                    GoogleAdsError(
                        "headerError", "INVALID_LOGIN_CUSTOMER_ID", trigger: GoogleAdsError.stringTrigger(login))
                ], version: route.version, requestID: requestID, stream: stream)
        }
        return nil
    }

    /// `{"resourceNames":["customers/…"]}`: every customer with Google entities in the world, the login customer,
    /// or a default test customer when there is none.
    private func listAccessibleCustomers(_ request: MockRequest, world: MockWorld, requestID: String) -> MockResponse {
        var customers = world.withState { state in
            Set(state.entities.values.lazy.filter { $0.platform == "google" }.map(\.accountID))
        }
        if let login = request.header("login-customer-id"), !login.isEmpty { customers.insert(login) }
        if customers.isEmpty { customers.insert("1234567890") }
        let names = customers.sorted().map { MockJSON.string("customers/\($0)") }
        return .json(.object([("resourceNames", .array(names))]), headers: [("request-id", requestID)])
    }

    // MARK: - Faults and limits

    /// An injected fault as Google sends it: a `code` such as `quotaError.RESOURCE_EXHAUSTED` becomes a
    /// `GoogleAdsFailure` with that error under the status its category maps to (quota → 429 with
    /// `retryDelay`, authentication → 401, authorization → 403, internal → 500, others → 400); a canonical status name
    /// (`UNAVAILABLE`) or a bare HTTP status gives the status-only body.
    public func faultResponse(_ fault: InjectedFault, for request: MockRequest) -> MockResponse {
        let requestID = Self.newRequestID()
        if GoogleAdsRoute.tokenPaths.contains(request.path) {
            return GoogleAdsOAuth.error(
                fault.code ?? "invalid_grant", fault.message ?? "Token has been expired or revoked.",
                status: fault.status ?? 400)
        }
        let route = GoogleAdsRoute(request)
        let version = route?.version ?? "v23"
        let stream = route?.method == .searchStream
        guard let code = fault.code, !code.isEmpty else {
            let status = fault.status ?? 500
            return Self.statusOnly(status, name: nil, message: fault.message, requestID: requestID, stream: stream)
        }
        if let status = GoogleAdsErrorEnvelope.canonicalCodes[code]?.http {
            return Self.statusOnly(
                fault.status ?? status, name: code, message: fault.message, requestID: requestID, stream: stream)
        }
        let (category, value) = Self.errorCode(code)
        var error = GoogleAdsError(category, value, message: fault.message)
        if category == "quotaError" { error.details = Self.quotaDetails(retrySeconds: 30) }
        return GoogleAdsErrorEnvelope.response(
            httpStatus: fault.status ?? Self.httpStatus(category: category, value: value), errors: [error],
            version: version, requestID: requestID, stream: stream)
    }

    /// 429 `RESOURCE_EXHAUSTED` with a quota error whose `retryDelay` is the seconds until the budget's window
    /// resets (`RESOURCE_TEMPORARILY_EXHAUSTED` unless the budget names another quota code).
    public func rateLimitedResponse(_ usage: RateLimitUsage, for request: MockRequest) -> MockResponse {
        let requestID = Self.newRequestID()
        let route = GoogleAdsRoute(request)
        let seconds = max(1, Int(min(usage.resetSeconds, 1e9).rounded(.up)))
        var (category, value) = Self.errorCode(usage.budget.code ?? "quotaError.RESOURCE_TEMPORARILY_EXHAUSTED")
        if category != "quotaError" { (category, value) = ("quotaError", "RESOURCE_TEMPORARILY_EXHAUSTED") }
        let error = GoogleAdsError(
            category, value, message: "Too many requests. Retry in \(seconds) seconds.",
            details: Self.quotaDetails(retrySeconds: seconds))
        return GoogleAdsErrorEnvelope.response(
            httpStatus: 429, errors: [error], version: route?.version ?? "v23", requestID: requestID,
            stream: route?.method == .searchStream)
    }

    /// None: Google reports quota only through errors.
    public func usageHeaders(_ usage: RateLimitUsage, for request: MockRequest) -> [(String, String)] { [] }

    /// 413 with the gateway's payload-size message (the OAuth shape on the token paths).
    public func bodyTooLargeResponse(limit: Int, for request: MockRequest) -> MockResponse {
        if GoogleAdsRoute.tokenPaths.contains(request.path) {
            return GoogleAdsOAuth.error("invalid_request", "Request payload size exceeds the limit.", status: 413)
        }
        let value = GoogleAdsErrorEnvelope.body(
            httpStatus: 413, message: "Request payload size exceeds the limit: \(limit) bytes.")
        let stream = GoogleAdsRoute(request)?.method == .searchStream
        return .json(stream ? .array([value]) : value, status: 413, headers: [("request-id", Self.newRequestID())])
    }

    // MARK: - Helpers

    /// `details` of a quota error.
    static func quotaDetails(retrySeconds: Int) -> MockJSON {
        .object([
            (
                "quotaErrorDetails",
                .object([
                    ("rateScope", .string("ACCOUNT")), ("rateName", .string("Requests per account")),
                    ("retryDelay", .string("\(retrySeconds)s")),
                ])
            )
        ])
    }

    /// A status-only error body with an explicit canonical name when given.
    private static func statusOnly(
        _ status: Int, name: String?, message: String?, requestID: String, stream: Bool
    )
        -> MockResponse
    {
        var value = GoogleAdsErrorEnvelope.body(httpStatus: status, message: message)
        if let name, case .object(let outer) = value, let inner = outer.first?.1 {
            value = .object([("error", inner.setting("status", .string(name)))])
        }
        return .json(stream ? .array([value]) : value, status: status, headers: [("request-id", requestID)])
    }

    /// Splits `quotaError.RESOURCE_EXHAUSTED` (or `quota_error.…`); a bare value gets the category that has it.
    static func errorCode(_ code: String) -> (category: String, value: String) {
        let parts = code.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2 { return (GoogleAdsSchema.camelCase(parts[0]), parts[1]) }
        let known: [(String, Set<String>)] = [
            (
                "quotaError",
                [
                    "RESOURCE_EXHAUSTED", "RESOURCE_TEMPORARILY_EXHAUSTED", "ACCESS_PROHIBITED",
                    "EXCESSIVE_SHORT_TERM_QUERY_RESOURCE_CONSUMPTION", "EXCESSIVE_LONG_TERM_QUERY_RESOURCE_CONSUMPTION",
                ]
            ),
            (
                "authenticationError",
                [
                    "AUTHENTICATION_ERROR", "OAUTH_TOKEN_INVALID", "OAUTH_TOKEN_EXPIRED", "OAUTH_TOKEN_REVOKED",
                    "OAUTH_TOKEN_DISABLED", "NOT_ADS_USER", "CUSTOMER_NOT_FOUND", "DEVELOPER_TOKEN_INVALID",
                ]
            ),
            (
                "authorizationError",
                [
                    "USER_PERMISSION_DENIED", "DEVELOPER_TOKEN_NOT_APPROVED", "DEVELOPER_TOKEN_PROHIBITED",
                    "CUSTOMER_NOT_ENABLED", "AUTHORIZATION_ERROR",
                ]
            ),
            ("internalError", ["INTERNAL_ERROR", "TRANSIENT_ERROR", "DEADLINE_EXCEEDED"]),
        ]
        for (category, values) in known where values.contains(code) { return (category, code) }
        return ("requestError", code)
    }

    /// The HTTP status an error category is answered with.
    static func httpStatus(category: String, value: String) -> Int {
        switch category {
        case "quotaError": 429
        case "authenticationError": 401
        case "authorizationError": 403
        case "internalError": value == "DEADLINE_EXCEEDED" ? 504 : (value == "TRANSIENT_ERROR" ? 503 : 500)
        default: 400
        }
    }

    /// A request id in Google's style: 22 URL-safe base64 characters, from 128 random bits (written directly;
    /// base64-encoding a `Data` and replacing characters showed in profiles of every call).
    static func newRequestID() -> String {
        var generator = SystemRandomNumberGenerator()
        let halves: (UInt64, UInt64) = (generator.next(), generator.next())
        return String(unsafeUninitializedCapacity: 22) { buffer in
            for index in 0..<22 {
                // 6 bits each, 11 from each half; the 11th of a half has only its last 4 bits.
                let sextet =
                    index < 11
                    ? (halves.0 >> UInt64(6 * index)) & 0x3F
                    : (halves.1 >> UInt64(6 * (index - 11))) & 0x3F
                buffer[index] = requestIDAlphabet[Int(sextet)]
            }
            return 22
        }
    }

    /// URL-safe base64's alphabet (RFC 4648 §5).
    private static let requestIDAlphabet = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
}
