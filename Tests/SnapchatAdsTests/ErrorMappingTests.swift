import AdPlatformKit
import Foundation
import SnapchatAds
import Testing

/// One row of the error table: what Snap answers and what the module must make of it.
struct SnapErrorCase: Sendable, CustomTestStringConvertible {
    var status: Int
    var errorCode: String?
    var debugMessage: String = "Something went wrong"
    var headers: [String: String] = [:]
    var rawBody: String?
    var code: AdPlatformError.Code
    var retryAfter: Duration?
    var fieldPath: String?

    var testDescription: String { "HTTP \(status) \(errorCode ?? "-") \(headers) → \(code)" }

    var response: PlatformHTTPResponse {
        var body: JSONValue = [
            "request_status": "ERROR", "request_id": "req-42", "debug_message": .string(debugMessage),
            "display_message": "We're sorry, something went wrong",
        ]
        if case .object(var members) = body, let errorCode {
            members["error_code"] = .string(errorCode)
            body = .object(members)
        }
        return PlatformHTTPResponse(
            status: status, headers: HTTPHeaderFields(headers.map { ($0.key, $0.value) }),
            body: rawBody.map { Data($0.utf8) } ?? body.encodedData())
    }
}

@Suite("Error mapping")
struct ErrorMappingTests {
    /// A fixed clock, so an epoch `X-Rate-Limit-Reset` becomes a known delay.
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    let mapper = SnapchatErrorMapper(clock: .fixed(at: ErrorMappingTests.now))

    static let cases: [SnapErrorCase] = [
        SnapErrorCase(
            status: 401, errorCode: "E1002", debugMessage: "The access token has expired", code: .authExpired),
        SnapErrorCase(
            status: 403, errorCode: "E1004", debugMessage: "Not authorized for this ad account", code: .permissionDenied
        ),
        SnapErrorCase(status: 404, errorCode: "E3001", debugMessage: "Unknown endpoint", code: .notFound),
        SnapErrorCase(status: 400, errorCode: "E3003", debugMessage: "Resource can not be found", code: .notFound),
        SnapErrorCase(
            status: 429, errorCode: "E1008", headers: ["Retry-After": "7"], code: .rateLimited, retryAfter: .seconds(7)),
        SnapErrorCase(
            status: 429, errorCode: "E1008", headers: ["X-Rate-Limit-Reset": "12"], code: .rateLimited,
            retryAfter: .seconds(12)),
        SnapErrorCase(
            status: 429, errorCode: "E1008", headers: ["X-Rate-Limit-Reset": "1800000030"], code: .rateLimited,
            retryAfter: .seconds(30)),
        SnapErrorCase(
            status: 429, errorCode: "E1008", headers: ["Retry-After": "Fri, 15 Jan 2027 08:00:05 GMT"],
            code: .rateLimited, retryAfter: .seconds(5)),
        SnapErrorCase(status: 429, errorCode: "E1008", code: .rateLimited, retryAfter: nil),
        SnapErrorCase(
            status: 400, errorCode: "E2002", debugMessage: "Invalid value for optimization_goal",
            code: .invalidParameter),
        SnapErrorCase(status: 422, errorCode: "E2003", debugMessage: "Unprocessable entity", code: .invalidParameter),
        SnapErrorCase(
            status: 400, errorCode: "E2006",
            debugMessage: "Daily budget is below the minimum of 5000000 micro-currency", code: .budgetTooLow,
            fieldPath: "budget.amount"),
        SnapErrorCase(status: 409, errorCode: "E2010", debugMessage: "Entity already exists", code: .duplicate),
        SnapErrorCase(status: 500, errorCode: "E4001", debugMessage: "Internal server error", code: .transient),
        SnapErrorCase(status: 503, errorCode: nil, debugMessage: "Service unavailable", code: .transient),
        SnapErrorCase(status: 418, errorCode: "E9999", debugMessage: "I'm a teapot", code: .permanent),
        SnapErrorCase(status: 405, errorCode: nil, debugMessage: "Method not allowed", code: .permanent),
    ]

    @Test("each Snap error maps to its code, status, platform code, retry-after and field", arguments: cases)
    func mapping(row: SnapErrorCase) {
        let error = mapper.error(for: row.response, operation: "createCampaign")
        #expect(error.code == row.code)
        #expect(error.platform == .snapchat)
        #expect(error.operation == "createCampaign")
        #expect(error.httpStatus == row.status)
        #expect(error.platformCode == row.errorCode)
        #expect(error.retryAfter == row.retryAfter)
        #expect(error.fieldPath == row.fieldPath)
        #expect(error.message == row.debugMessage)
        #expect(error.requestID == "req-42")
    }

    @Test("the reference's E3003 body, as a 404")
    func referenceNotFound() throws {
        let error = mapper.error(
            for: try Fixture.response("error_not_found_response", status: 404), operation: "readEntity")
        #expect(error.code == .notFound)
        #expect(error.platformCode == "E3003")
        #expect(error.message == "Resource can not be found")
        #expect(error.requestID == "5e0f1a2b00ff0b1c2d3e4f5a6b0001737e6164736170697363ee")
    }

    @Test("a body that is not Snap's error JSON keeps the status's code and says what was expected")
    func nonJSONBody() {
        let gateway = SnapErrorCase(status: 502, rawBody: "<html>Bad Gateway</html>", code: .transient)
        let error = mapper.error(for: gateway.response, operation: "createAd")
        #expect(error.code == .transient)
        #expect(error.platformCode == nil)
        #expect(error.message.contains("expected"))
        #expect(error.message.contains("Bad Gateway"))
        let empty = mapper.error(for: PlatformHTTPResponse(status: 401), operation: "createAd")
        #expect(empty.code == .authExpired)
    }

    @Test("the engine's disposition follows: refresh on 401, retry on 429 and 5xx, fail otherwise")
    func dispositions() {
        let expired = mapper.error(for: SnapErrorCase(status: 401, code: .authExpired).response, operation: "x")
        #expect(expired.disposition == .refreshCredentials)
        let limited = mapper.error(for: SnapErrorCase(status: 429, code: .rateLimited).response, operation: "x")
        #expect(limited.disposition == .retry)
        let invalid = mapper.error(for: SnapErrorCase(status: 400, code: .invalidParameter).response, operation: "x")
        #expect(invalid.disposition == .fail)
    }
}
