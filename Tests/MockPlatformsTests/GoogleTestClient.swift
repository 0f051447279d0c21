import AdPlatformKit
import Foundation
import MockPlatforms

/// Sends hand-built Google Ads REST requests to a running emulator over a real socket and reads the answers with
/// the emulator-independent `MockJSON` parser (the Google Ads adapter module is not used).
struct GoogleTestClient {
    /// The customer the tests act for.
    static let customer = "1234567890"
    /// The version called.
    static let version = "v23"

    let baseURL: URL
    let transport = AsyncHTTPClientTransport()

    /// A reply: HTTP status, headers and the parsed body.
    struct Reply {
        let status: Int
        let headers: HTTPHeaderFields
        let json: MockJSON

        /// `error`, unwrapping the array `searchStream` errors come in.
        var error: MockJSON? { json["error"] ?? json.array?.first?["error"] }
        /// The first `details` entry (a `GoogleAdsFailure` or a `google.rpc.BadRequest`).
        var detail: MockJSON? { error?["details"]?.array?.first }
        /// The failure's errors.
        var errors: [MockJSON] { detail?["errors"]?.array ?? [] }
        /// `category.VALUE` of each error.
        var codes: [String] {
            errors.compactMap { error in
                error["errorCode"]?.members?.first.map { "\($0.0).\($0.1.string ?? "")" }
            }
        }
        /// The first error's location as `operations[0].create.name`.
        var fieldPath: String { Self.path(errors.first) }
        /// `results` of a search or mutate.
        var results: [MockJSON] { json["results"]?.array ?? [] }

        /// An error's location as a dotted path.
        static func path(_ error: MockJSON?) -> String {
            (error?["location"]?["fieldPathElements"]?.array ?? []).map { element in
                let name = element["fieldName"]?.string ?? ""
                return element["index"]?.int64.map { "\(name)[\($0)]" } ?? name
            }.joined(separator: ".")
        }
    }

    /// The headers every call carries unless a test removes them.
    static func headers(token: String? = "TEST-TOKEN", developerToken: String? = "DEV-TOKEN") -> HTTPHeaderFields {
        var headers = HTTPHeaderFields()
        if let token { headers.append(name: "Authorization", value: "Bearer \(token)") }
        if let developerToken { headers.append(name: "developer-token", value: developerToken) }
        headers.append(name: "login-customer-id", value: "1112223333")
        headers.append(name: "Content-Type", value: "application/json")
        return headers
    }

    /// `POST /v23/customers/{cid}/{method}` with a JSON body.
    func call(_ method: String, _ body: MockJSON, headers: HTTPHeaderFields = Self.headers()) async throws -> Reply {
        try await send(
            "POST", "/\(Self.version)/customers/\(Self.customer)/\(method)", body: Data(body.serialized.utf8),
            headers: headers)
    }

    /// `googleAds:search`.
    func search(_ query: String, pageToken: String? = nil) async throws -> Reply {
        var body: [(String, MockJSON)] = [("query", .string(query))]
        if let pageToken { body.append(("pageToken", .string(pageToken))) }
        return try await call("googleAds:search", .object(body))
    }

    /// Any request with raw bytes.
    func send(
        _ method: String, _ path: String, body: Data? = nil, headers: HTTPHeaderFields = Self.headers()
    )
        async throws -> Reply
    {
        var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) ?? URLComponents()
        components.path = path
        guard let url = components.url else { throw URLError(.badURL) }
        let response = try await transport.send(
            PlatformHTTPRequest(method: HTTPMethod(rawValue: method) ?? .get, url: url, headers: headers, body: body))
        return Reply(status: response.status, headers: response.headers, json: MockJSON.parse(response.body) ?? .null)
    }

    /// A resource name of the test customer.
    static func name(_ collection: String, _ id: String) -> String { "customers/\(customer)/\(collection)/\(id)" }

    /// A `googleAds:mutate` body creating budget → campaign → ad group → responsive search ad (+ a location and a
    /// keyword), linked by temporary ids.
    static func hierarchy(
        name: String, status: String = "ENABLED", budgetMicros: Int64 = 50_000_000,
        finalURL: String = "https://example.test/signup?utm_source=google&utm_campaign=winter"
    ) -> MockJSON {
        let operations: [MockJSON] = [
            .object([
                (
                    "campaignBudgetOperation",
                    .object([
                        (
                            "create",
                            .object([
                                ("resourceName", .string(Self.name("campaignBudgets", "-1"))),
                                ("name", .string("\(name) budget")), ("amountMicros", .string(String(budgetMicros))),
                                ("deliveryMethod", .string("STANDARD")),
                            ])
                        )
                    ])
                )
            ]),
            .object([
                (
                    "campaignOperation",
                    .object([
                        (
                            "create",
                            .object([
                                ("resourceName", .string(Self.name("campaigns", "-2"))), ("name", .string(name)),
                                ("status", .string(status)), ("advertisingChannelType", .string("SEARCH")),
                                ("campaignBudget", .string(Self.name("campaignBudgets", "-1"))),
                                ("manualCpc", .object([("enhancedCpcEnabled", .bool(false))])),
                                (
                                    "containsEuPoliticalAdvertising",
                                    .string("DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING")
                                ),
                            ])
                        )
                    ])
                )
            ]),
            .object([
                (
                    "adGroupOperation",
                    .object([
                        (
                            "create",
                            .object([
                                ("resourceName", .string(Self.name("adGroups", "-3"))),
                                ("name", .string("\(name) ad group")),
                                ("campaign", .string(Self.name("campaigns", "-2"))), ("status", .string(status)),
                                ("type", .string("SEARCH_STANDARD")), ("cpcBidMicros", .string("1250000")),
                            ])
                        )
                    ])
                )
            ]),
            .object([
                (
                    "adGroupAdOperation",
                    .object([
                        (
                            "create",
                            .object([
                                ("adGroup", .string(Self.name("adGroups", "-3"))), ("status", .string(status)),
                                ("ad", rsa(finalURL: finalURL)),
                            ])
                        )
                    ])
                )
            ]),
            .object([
                (
                    "campaignCriterionOperation",
                    .object([
                        (
                            "create",
                            .object([
                                ("campaign", .string(Self.name("campaigns", "-2"))),
                                ("location", .object([("geoTargetConstant", .string("geoTargetConstants/2840"))])),
                            ])
                        )
                    ])
                )
            ]),
            .object([
                (
                    "adGroupCriterionOperation",
                    .object([
                        (
                            "create",
                            .object([
                                ("adGroup", .string(Self.name("adGroups", "-3"))), ("status", .string("ENABLED")),
                                (
                                    "keyword",
                                    .object([("text", .string("streaming service")), ("matchType", .string("BROAD"))])
                                ),
                            ])
                        )
                    ])
                )
            ]),
        ]
        return .object([("mutateOperations", .array(operations))])
    }

    /// A responsive search ad.
    static func rsa(
        finalURL: String = "https://example.test/signup",
        headlines: [String] = ["Stream it all", "Start today", "Plans for everyone"],
        descriptions: [String] = ["Movies and series in one place.", "Cancel anytime."], path1: String = "movies"
    ) -> MockJSON {
        .object([
            ("finalUrls", .array([.string(finalURL)])),
            (
                "responsiveSearchAd",
                .object([
                    ("headlines", .array(headlines.map { .object([("text", .string($0))]) })),
                    ("descriptions", .array(descriptions.map { .object([("text", .string($0))]) })),
                    ("path1", .string(path1)),
                ])
            ),
        ])
    }

    /// A service mutate body with one operation.
    static func operations(_ operations: [MockJSON], extra: [(String, MockJSON)] = []) -> MockJSON {
        .object([("operations", .array(operations))] + extra)
    }

    /// `{"create": {…}}`.
    static func create(_ members: [(String, MockJSON)]) -> MockJSON { .object([("create", .object(members))]) }
}
