import AdPlatformKit
import Foundation
import GoogleAds
import Testing

/// Shared values and helpers for the Google Ads tests.
enum GoogleTestSupport {
    struct FixtureError: Error, CustomStringConvertible {
        var description: String
    }

    static let campaignMarker = IdempotencyMarker(value: "ao-1a2b3c4d5e")
    static let adGroupMarker = IdempotencyMarker(value: "ao-2b3c4d5e6f")
    static let adMarker = IdempotencyMarker(value: "ao-3c4d5e6f7a")

    static func account(
        currency: Currency = .usd, developerToken: String? = "DEVTOKEN",
        settings: [String: String] = ["login_customer_id": "111-222-3333", "time_zone": "America/New_York"]
    ) -> AccountContext {
        AccountContext(
            accountID: "123-456-7890", currency: currency,
            credentials: PlatformCredentials(accessToken: "TOKEN", developerToken: developerToken), settings: settings)
    }

    static let schedule = Schedule(
        start: Date(timeIntervalSince1970: 1_796_137_200), end: Date(timeIntervalSince1970: 1_798_718_400))

    static func campaignSpec(
        objective: Objective = .traffic, budget: Budget? = Budget(.daily, Money(minorUnits: 15_000, currency: .usd)),
        status: DeliveryStatus = .paused, countries: [String] = ["US"]
    ) -> CampaignSpec {
        CampaignSpec(
            name: campaignMarker.apply(to: "Winter launch"), marker: campaignMarker, objective: objective,
            status: status, budget: budget, schedule: schedule, targeting: Targeting(countries: countries))
    }

    static func adGroupSpec(
        bid: Money? = Money(minorUnits: 125, currency: .usd), countries: [String] = ["US", "CA"],
        keywords: [String] = ["streaming service", "watch movies online"]
    ) -> AdGroupSpec {
        AdGroupSpec(
            key: "adults", name: adGroupMarker.apply(to: "Search adults"), marker: adGroupMarker, objective: .traffic,
            status: .paused, budget: nil, bid: bid, schedule: schedule,
            targeting: Targeting(
                countries: countries, ageRange: AgeRange(minimum: 18, maximum: 49), genders: [.female],
                keywords: keywords))
    }

    static func adSpec(displayPaths: [String] = ["movies", "series"]) -> AdSpec {
        AdSpec(
            key: "adults/search/0", name: adMarker.apply(to: "Search ad"), marker: adMarker, status: .paused,
            creative: CreativeDefinition(
                key: "search", name: "Search creative",
                headlines: ["Stream it all", "Start today", "Plans for everyone"],
                descriptions: ["Movies and series in one place.", "Cancel anytime."],
                landingURL: "https://example.test/signup", displayPaths: displayPaths, platforms: [.google]),
            landingURL: "https://example.test/signup?utm_source=google&utm_medium=cpc")
    }

    static let campaignEntity = PlatformEntity(
        platform: .google, kind: .campaign, id: "22", name: "Winter launch [ao-1a2b3c4d5e]", status: .paused,
        attributes: [
            "resourceName": "customers/1234567890/campaigns/22",
            "budgetResourceName": "customers/1234567890/campaignBudgets/11",
        ])

    static let adGroupEntity = PlatformEntity(
        platform: .google, kind: .adGroup, id: "33", name: "Search adults [ao-2b3c4d5e6f]", status: .paused,
        parentID: "22", attributes: ["resourceName": "customers/1234567890/adGroups/33"])

    static func fixtureData(_ name: String) throws -> Data {
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        guard let url = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Fixtures") else {
            throw FixtureError(description: "missing fixture \(name)")
        }
        return try Data(contentsOf: url)
    }

    static func fixtureText(_ name: String) throws -> String {
        String(decoding: try fixtureData(name), as: UTF8.self)
    }

    static func fixtureJSON(_ name: String) throws -> JSONValue {
        try JSONValue(parsing: try fixtureData(name))
    }

    static func response(_ name: String, status: Int = 200) throws -> PlatformHTTPResponse {
        PlatformHTTPResponse(
            status: status, headers: ["Content-Type": "application/json"], body: try fixtureData(name))
    }

    /// Compares a built request with a golden request fixture: method, host, path, each query item, each header
    /// (and no others), and the JSON body field by field.
    static func expectRequest(
        _ request: PlatformHTTPRequest, matches name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let fixture = try fixtureJSON(name)
        #expect(request.method.rawValue == fixture["method"]?.stringValue, sourceLocation: sourceLocation)
        #expect(request.url.scheme == "https", sourceLocation: sourceLocation)
        #expect(request.url.host() == "googleads.googleapis.com", sourceLocation: sourceLocation)
        #expect(request.url.path(percentEncoded: false) == fixture["path"]?.stringValue, sourceLocation: sourceLocation)
        let query = fixture["query"]?.objectValue ?? [:]
        #expect(request.queryItems.count == query.count, sourceLocation: sourceLocation)
        for (key, value) in query {
            #expect(request.queryValue(key) == value.stringValue, "query \(key)", sourceLocation: sourceLocation)
        }
        let headers = fixture["headers"]?.objectValue ?? [:]
        for (key, value) in headers {
            #expect(request.headers[key] == value.stringValue, "header \(key)", sourceLocation: sourceLocation)
        }
        #expect(Array(request.headers).count == headers.count, "header count", sourceLocation: sourceLocation)
        let body = try JSONValue(parsing: request.body ?? Data())
        let differences = jsonDifferences(expected: fixture["json"] ?? .null, actual: body, at: "json")
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    /// Every path at which two JSON values differ, so a failing comparison names the field.
    static func jsonDifferences(expected: JSONValue, actual: JSONValue, at path: String) -> [String] {
        switch (expected, actual) {
        case (.object(let lhs), .object(let rhs)):
            var result: [String] = []
            for key in Set(lhs.keys).union(rhs.keys).sorted() {
                switch (lhs[key], rhs[key]) {
                case (let left?, let right?):
                    result += jsonDifferences(expected: left, actual: right, at: "\(path).\(key)")
                case (nil, _):
                    result.append("\(path).\(key): unexpected in the request")
                case (_, nil):
                    result.append("\(path).\(key): missing from the request")
                }
            }
            return result
        case (.array(let lhs), .array(let rhs)):
            guard lhs.count == rhs.count else { return ["\(path): \(rhs.count) elements, expected \(lhs.count)"] }
            return zip(lhs, rhs).enumerated().flatMap { index, pair in
                jsonDifferences(expected: pair.0, actual: pair.1, at: "\(path)[\(index)]")
            }
        default:
            return expected == actual ? [] : ["\(path): \(actual) ≠ expected \(expected)"]
        }
    }

    /// The body of a request as JSON.
    static func body(_ request: PlatformHTTPRequest?) throws -> JSONValue {
        try JSONValue(parsing: request?.body ?? Data())
    }

    /// A Google Ads REST error body with one `GoogleAdsError`.
    static func errorBody(
        httpStatus: Int, status: String, kind: String?, value: String?, message: String = "It failed.",
        fieldPath: [(String, Int?)] = [], retryDelay: String? = nil, requestID: String = "req-1"
    ) -> String {
        var error: [String: JSONValue] = ["message": .string(message)]
        if let kind, let value { error["errorCode"] = .object([kind: .string(value)]) }
        if !fieldPath.isEmpty {
            error["location"] = [
                "fieldPathElements": .array(
                    fieldPath.map { name, index in
                        var element: [String: JSONValue] = ["fieldName": .string(name)]
                        if let index { element["index"] = .integer(Int64(index)) }
                        return .object(element)
                    })
            ]
        }
        if let retryDelay { error["details"] = ["quotaErrorDetails": ["retryDelay": .string(retryDelay)]] }
        var envelope: [String: JSONValue] = [
            "code": .integer(Int64(httpStatus)), "message": "Request failed.", "status": .string(status),
        ]
        if kind != nil {
            envelope["details"] = [
                [
                    "@type": "type.googleapis.com/google.ads.googleads.v23.errors.GoogleAdsFailure",
                    "errors": [.object(error)], "requestId": .string(requestID),
                ]
            ]
        }
        return JSONValue.object(["error": .object(envelope)]).encodedString()
    }
}
