import AdPlatformKit
import Foundation
import Testing

@testable import MetaAds

/// One row of the error table: a Meta failure and what it must map to.
struct MetaErrorCase: Sendable, CustomTestStringConvertible {
    var label: String
    var status: Int = 400
    var body: String
    var headers: [String: String] = [:]
    var code: AdPlatformError.Code
    var platformCode: String?
    var platformSubcode: String?
    var retryAfterSeconds: Int64?
    var fieldPath: String?

    var testDescription: String { label }

    static func error(
        code: Int, subcode: Int? = nil, message: String = "(#0) failure", title: String? = nil
    )
        -> String
    {
        var members: [String: JSONValue] = [
            "message": .string(message), "type": "OAuthException", "code": .integer(Int64(code)),
            "fbtrace_id": "TRACE",
        ]
        if let subcode { members["error_subcode"] = .integer(Int64(subcode)) }
        if let title { members["error_user_title"] = .string(title) }
        return JSONValue.object(["error": .object(members)]).encodedString()
    }
}

@Suite("Meta error mapping")
struct MetaErrorMapperTests {
    static let bucHeader =
        #"{"123":[{"type":"ads_management","call_count":100,"total_cputime":20,"total_time":20,"estimated_time_to_regain_access":5},{"type":"ads_insights","call_count":40,"estimated_time_to_regain_access":2}]}"#
    static let accountHeader =
        #"{"acc_id_util_pct":100,"reset_time_duration":120,"ads_api_access_tier":"standard_access"}"#

    static let cases: [MetaErrorCase] = [
        MetaErrorCase(
            label: "4 app limit with BUC header", body: MetaErrorCase.error(code: 4),
            headers: ["X-Business-Use-Case-Usage": bucHeader], code: .rateLimited, platformCode: "4",
            retryAfterSeconds: 300),
        MetaErrorCase(
            label: "17 user limit with ad account usage", body: MetaErrorCase.error(code: 17, subcode: 2_446_079),
            headers: ["X-Ad-Account-Usage": accountHeader], code: .rateLimited, platformCode: "17",
            platformSubcode: "2446079", retryAfterSeconds: 120),
        MetaErrorCase(
            label: "613 ad-account throttling without headers",
            body: MetaErrorCase.error(code: 613, subcode: 1_487_742),
            code: .rateLimited, platformCode: "613", platformSubcode: "1487742"),
        MetaErrorCase(
            label: "80000 insights BUC", body: MetaErrorCase.error(code: 80000),
            headers: [
                "X-Business-Use-Case-Usage": #"{"1":[{"type":"ads_insights","estimated_time_to_regain_access":0}]}"#,
                "X-Ad-Account-Usage": #"{"reset_time_duration":0}"#,
            ],
            code: .rateLimited, platformCode: "80000"),
        MetaErrorCase(
            label: "80004 ads_management BUC", body: MetaErrorCase.error(code: 80004),
            headers: ["X-Business-Use-Case-Usage": bucHeader, "X-Ad-Account-Usage": accountHeader],
            code: .rateLimited, platformCode: "80004", retryAfterSeconds: 300),
        MetaErrorCase(
            label: "80014 BUC", body: MetaErrorCase.error(code: 80014),
            headers: [
                "X-Business-Use-Case-Usage": #"{"1":[{"type":"x","estimated_time_to_regain_access":0}]}"#,
                "X-Ad-Account-Usage": accountHeader,
            ],
            code: .rateLimited, platformCode: "80014", retryAfterSeconds: 120),
        MetaErrorCase(
            label: "80015 is outside the BUC range", body: MetaErrorCase.error(code: 80015),
            headers: ["X-Business-Use-Case-Usage": bucHeader], code: .permanent, platformCode: "80015"),
        MetaErrorCase(
            label: "190/463 expired token", status: 401, body: MetaErrorCase.error(code: 190, subcode: 463),
            code: .authExpired, platformCode: "190", platformSubcode: "463"),
        MetaErrorCase(
            label: "190/460 password changed", body: MetaErrorCase.error(code: 190, subcode: 460), code: .authInvalid,
            platformCode: "190", platformSubcode: "460"),
        MetaErrorCase(
            label: "190/467 invalid token", body: MetaErrorCase.error(code: 190, subcode: 467), code: .authInvalid,
            platformCode: "190", platformSubcode: "467"),
        MetaErrorCase(
            label: "190 without subcode", body: MetaErrorCase.error(code: 190), code: .authInvalid, platformCode: "190"),
        MetaErrorCase(
            label: "10 permission", status: 403, body: MetaErrorCase.error(code: 10), code: .permissionDenied,
            platformCode: "10"),
        MetaErrorCase(
            label: "200 permissions error", body: MetaErrorCase.error(code: 200), code: .permissionDenied,
            platformCode: "200"),
        MetaErrorCase(
            label: "294 ads_management missing", body: MetaErrorCase.error(code: 294), code: .permissionDenied,
            platformCode: "294"),
        MetaErrorCase(
            label: "299 end of the permission range", body: MetaErrorCase.error(code: 299), code: .permissionDenied,
            platformCode: "299"),
        MetaErrorCase(
            label: "100 naming a param",
            body: MetaErrorCase.error(code: 100, message: "(#100) param name must be non-empty"),
            code: .invalidParameter, platformCode: "100", fieldPath: "name"),
        MetaErrorCase(
            label: "100 naming a parameter",
            body: MetaErrorCase.error(
                code: 100, subcode: 1_487_694, message: "(#100) The parameter targeting[geo_locations] is required"),
            code: .invalidParameter, platformCode: "100", platformSubcode: "1487694",
            fieldPath: "targeting[geo_locations]"),
        MetaErrorCase(
            label: "100 generic invalid parameter",
            body: MetaErrorCase.error(code: 100, message: "(#100) Invalid parameter"),
            code: .invalidParameter, platformCode: "100"),
        MetaErrorCase(
            label: "100/33 object does not exist",
            body: MetaErrorCase.error(
                code: 100, subcode: 33, message: "Unsupported get request. Object with ID '9' does not exist"),
            code: .notFound, platformCode: "100", platformSubcode: "33"),
        MetaErrorCase(
            label: "100/1885272 budget too low", body: MetaErrorCase.error(code: 100, subcode: 1_885_272),
            code: .budgetTooLow, platformCode: "100", platformSubcode: "1885272", fieldPath: "budget.amount"),
        MetaErrorCase(
            label: "100 budget too low by title",
            body: MetaErrorCase.error(
                code: 100, subcode: 1_111, message: "Invalid parameter", title: "Your Budget Is Too Low"),
            code: .budgetTooLow, platformCode: "100", platformSubcode: "1111", fieldPath: "budget.amount"),
        MetaErrorCase(
            label: "1 unknown", status: 500, body: MetaErrorCase.error(code: 1), code: .transient, platformCode: "1"),
        MetaErrorCase(
            label: "2 service", status: 503, body: MetaErrorCase.error(code: 2), code: .transient, platformCode: "2"),
        MetaErrorCase(
            label: "error object with HTTP 200", status: 200, body: MetaErrorCase.error(code: 100),
            code: .invalidParameter,
            platformCode: "100"),
        MetaErrorCase(
            label: "another code is permanent", body: MetaErrorCase.error(code: 1_487_056), code: .permanent,
            platformCode: "1487056"),
        MetaErrorCase(
            label: "another code at HTTP 500 is still permanent", status: 500, body: MetaErrorCase.error(code: 368),
            code: .permanent, platformCode: "368"),
        MetaErrorCase(
            label: "HTTP 502 without error object", status: 502, body: "<html>Bad gateway</html>", code: .transient),
        MetaErrorCase(label: "HTTP 500 with other JSON", status: 500, body: #"{"oops":true}"#, code: .transient),
        MetaErrorCase(label: "HTTP 404 without error object", status: 404, body: "Not Found", code: .permanent),
        MetaErrorCase(label: "error as a string", status: 400, body: #"{"error":"boom"}"#, code: .malformedResponse),
    ]

    @Test("each Meta failure maps to its code", arguments: cases)
    func mapping(_ row: MetaErrorCase) throws {
        let response = PlatformHTTPResponse(
            status: row.status,
            headers: HTTPHeaderFields(row.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
            body: Data(row.body.utf8))
        let error = try #require(MetaErrorMapper.error(in: response, operation: "createCampaign"))
        #expect(error.code == row.code)
        #expect(error.platform == .meta)
        #expect(error.operation == "createCampaign")
        #expect(error.httpStatus == row.status)
        #expect(error.platformCode == row.platformCode)
        #expect(error.platformSubcode == row.platformSubcode)
        #expect(error.retryAfter == row.retryAfterSeconds.map { Duration.seconds($0) })
        #expect(error.fieldPath == row.fieldPath)
        if row.platformCode != nil { #expect(error.requestID == "TRACE") }
    }

    @Test("a success has no error")
    func success() throws {
        #expect(MetaErrorMapper.error(in: try Fixture.response("create_campaign_response"), operation: "x") == nil)
        #expect(MetaErrorMapper.error(in: PlatformHTTPResponse(status: 204), operation: "x") == nil)
        let nullError = PlatformHTTPResponse(status: 200, body: Data(#"{"id":"1","error":null}"#.utf8))
        #expect(MetaErrorMapper.error(in: nullError, operation: "x") == nil)
    }

    @Test("fixture bodies: message, user text, trace id and disposition")
    func fixtures() throws {
        let expired = try #require(
            MetaErrorMapper.error(in: try Fixture.response("error_token_expired", status: 400), operation: "readEntity")
        )
        #expect(expired.code == .authExpired)
        #expect(expired.disposition == .refreshCredentials)
        #expect(expired.requestID == "EJplcsCHuLu")
        #expect(expired.message.hasPrefix("Error validating access token: Session has expired"))

        let invalid = try #require(
            MetaErrorMapper.error(in: try Fixture.response("error_invalid_parameter", status: 400), operation: "x"))
        #expect(invalid.message == "(#100) param name must be non-empty (Missing Name: Give your campaign a name.)")
        #expect(invalid.fieldPath == "name")
        #expect(invalid.disposition == .fail)

        let throttled = try #require(
            MetaErrorMapper.error(
                in: try Fixture.response(
                    "error_ad_account_throttled", status: 400,
                    headers: ["X-Business-Use-Case-Usage": Self.bucHeader]), operation: "x"))
        #expect(throttled.code == .rateLimited)
        #expect(throttled.retryAfter == .seconds(300))
        #expect(throttled.disposition == .retry)

        let missing = try #require(
            MetaErrorMapper.error(in: try Fixture.response("error_object_missing", status: 400), operation: "x"))
        #expect(missing.code == .notFound)

        let budget = try #require(
            MetaErrorMapper.error(in: try Fixture.response("error_budget_too_low", status: 400), operation: "x"))
        #expect(budget.code == .budgetTooLow)
        #expect(budget.message.contains("must be at least $1.00"))
    }

    @Test("the BUC header wins over the ad account header; fractional minutes round up to a second")
    func retryAfter() {
        let both: HTTPHeaderFields = [
            "x-business-use-case-usage": #"{"9":[{"estimated_time_to_regain_access":"0.5"}]}"#,
            "x-ad-account-usage": Self.accountHeader,
        ]
        #expect(MetaErrorMapper.retryAfter(from: both) == .seconds(30))
        #expect(MetaErrorMapper.retryAfter(from: ["X-Ad-Account-Usage": "not json"]) == nil)
        #expect(MetaErrorMapper.retryAfter(from: [:]) == nil)
    }
}
