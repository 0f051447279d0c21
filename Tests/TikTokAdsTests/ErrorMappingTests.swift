import AdPlatformKit
import Foundation
import Testing
import TikTokAds

@Suite("Error mapping")
struct ErrorMappingTests {
    struct EnvelopeCase: Sendable, CustomStringConvertible {
        var platformCode: Int64
        var message: String
        var code: AdPlatformError.Code
        var fieldPath: String?
        var description: String { "\(platformCode) → \(code)" }
    }

    static let envelopeCases: [EnvelopeCase] = [
        EnvelopeCase(platformCode: 40100, message: "Requests made too frequently.", code: .rateLimited),
        EnvelopeCase(platformCode: 40132, message: "Request frequency limited.", code: .rateLimited),
        EnvelopeCase(platformCode: 61000, message: "Too many requests.", code: .rateLimited),
        EnvelopeCase(platformCode: 40102, message: "Access token expired.", code: .authExpired),
        EnvelopeCase(platformCode: 40103, message: "Refresh token expired.", code: .authInvalid),
        EnvelopeCase(platformCode: 40104, message: "Access token is empty.", code: .authInvalid),
        EnvelopeCase(platformCode: 40105, message: "Access token is invalid.", code: .authInvalid),
        EnvelopeCase(platformCode: 40107, message: "Refresh token is invalid.", code: .authInvalid),
        EnvelopeCase(platformCode: 40001, message: "No permission to operate advertiser.", code: .permissionDenied),
        EnvelopeCase(platformCode: 40003, message: "Forbidden.", code: .permissionDenied),
        EnvelopeCase(platformCode: 40130, message: "Scope not authorized.", code: .permissionDenied),
        EnvelopeCase(
            platformCode: 40000, message: "Invalid params: [adgroup_name] is too long.", code: .invalidParameter,
            fieldPath: "adgroup_name"),
        EnvelopeCase(
            platformCode: 40002, message: "location_ids: Invalid location id 1.", code: .invalidParameter,
            fieldPath: "location_ids"),
        EnvelopeCase(
            platformCode: 40002, message: "budget: The budget must be at least 20.00 USD.", code: .budgetTooLow,
            fieldPath: "budget"),
        EnvelopeCase(
            platformCode: 40002, message: "Budget is too low for this ad group.", code: .budgetTooLow,
            fieldPath: "budget"),
        EnvelopeCase(platformCode: 40700, message: "RPC validation error.", code: .invalidParameter),
        EnvelopeCase(platformCode: 40007, message: "Campaign does not exist.", code: .notFound),
        EnvelopeCase(platformCode: 40300, message: "Advertiser does not exist.", code: .notFound),
        EnvelopeCase(platformCode: 40050, message: "Duplicated request.", code: .duplicate),
        EnvelopeCase(platformCode: 40400, message: "Route not found.", code: .unsupported),
        EnvelopeCase(platformCode: 50000, message: "System error.", code: .transient),
        EnvelopeCase(platformCode: 50002, message: "System timeout.", code: .transient),
        EnvelopeCase(platformCode: 51000, message: "Downstream error.", code: .transient),
        EnvelopeCase(platformCode: 51234, message: "Downstream error.", code: .transient),
        EnvelopeCase(platformCode: 51999, message: "Downstream error.", code: .transient),
        EnvelopeCase(platformCode: 60001, message: "Under maintenance.", code: .transient),
        EnvelopeCase(platformCode: 40051, message: "Invalid API version.", code: .permanent),
        EnvelopeCase(platformCode: 40502, message: "Ad number limit.", code: .permanent),
        EnvelopeCase(platformCode: 40907, message: "File too large.", code: .permanent),
        EnvelopeCase(platformCode: 41000, message: "Blocked.", code: .permanent),
        EnvelopeCase(platformCode: 20001, message: "Partial OK.", code: .permanent),
        EnvelopeCase(platformCode: 52000, message: "Unknown.", code: .permanent),
    ]

    @Test(arguments: envelopeCases)
    func envelopeCodes(_ row: EnvelopeCase) throws {
        let body: JSONValue = [
            "code": .integer(row.platformCode), "message": .string(row.message), "request_id": "req-1", "data": [:],
        ]
        let response = PlatformHTTPResponse(status: 200, body: body.encodedData())
        let error = try #require(throws: AdPlatformError.self) {
            try TikTokResponseParser.data(from: response, operation: "createAdGroup")
        }
        #expect(error.code == row.code)
        #expect(error.platform == .tiktok)
        #expect(error.operation == "createAdGroup")
        #expect(error.httpStatus == 200)
        #expect(error.platformCode == String(row.platformCode))
        #expect(error.platformSubcode == nil)
        #expect(error.message == row.message)
        #expect(error.requestID == "req-1")
        #expect(error.fieldPath == row.fieldPath)
        // TikTok's envelopes never say how long to wait.
        #expect(error.retryAfter == nil)
    }

    struct HTTPCase: Sendable, CustomStringConvertible {
        var status: Int
        var headers: [String: String]
        var code: AdPlatformError.Code
        var retryAfter: Duration?
        var description: String { "HTTP \(status) → \(code)" }
    }

    static let httpCases: [HTTPCase] = [
        HTTPCase(status: 500, headers: [:], code: .transient),
        HTTPCase(status: 503, headers: ["Retry-After": "10"], code: .transient),
        HTTPCase(status: 429, headers: ["Retry-After": "30"], code: .rateLimited, retryAfter: .seconds(30)),
        HTTPCase(status: 429, headers: [:], code: .rateLimited),
        HTTPCase(status: 404, headers: [:], code: .permanent),
        HTTPCase(status: 401, headers: [:], code: .permanent),
    ]

    @Test(arguments: httpCases)
    func httpStatuses(_ row: HTTPCase) throws {
        let response = PlatformHTTPResponse(
            status: row.status, headers: HTTPHeaderFields(row.headers.map { ($0.key, $0.value) }),
            body: Data("<html>bad gateway</html>".utf8))
        let error = try #require(throws: AdPlatformError.self) {
            try TikTokResponseParser.data(from: response, operation: "fetchMetrics")
        }
        #expect(error.code == row.code)
        #expect(error.httpStatus == row.status)
        #expect(error.retryAfter == row.retryAfter)
        #expect(error.operation == "fetchMetrics")
        #expect(error.platform == .tiktok)
    }

    @Test func nonSuccessStatusWithEnvelopeKeepsItsDetails() throws {
        let response = try Fixtures.response("error_rate_limited", status: 502)
        let error = TikTokErrorMapper.error(httpResponse: response, operation: "readEntity")
        #expect(error.code == .transient)
        #expect(error.platformCode == "40100")
        #expect(error.requestID == "202603011200000099")
        #expect(error.message == "Requests made too frequently, please try again later.")
    }

    @Test func budgetTooLowFixture() throws {
        let error = try #require(throws: AdPlatformError.self) {
            try TikTokResponseParser.data(from: Fixtures.response("error_budget_too_low"), operation: "createAdGroup")
        }
        #expect(error.code == .budgetTooLow)
        #expect(error.fieldPath == "budget")
        #expect(error.platformCode == "40002")
        #expect(error.requestID == "202603011200000098")
    }

    @Test(
        arguments: [
            ("budget: too small", "budget"),
            ("Field [schedule_end_time] must be after start", "schedule_end_time"),
            ("creatives[0].ad_text: contains emoji", "creatives[0].ad_text"),
            ("Invalid params: bad value", nil),
            ("Error: Something [Not a field] failed", nil),
            ("no field here", nil),
        ] as [(String, String?)])
    func fieldPathExtraction(message: String, field: String?) {
        #expect(TikTokErrorMapper.fieldPath(in: message) == field)
    }
}
