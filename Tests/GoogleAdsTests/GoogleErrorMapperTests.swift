import AdPlatformKit
import Foundation
import GoogleAds
import Testing

@Suite("Google error mapping")
struct GoogleErrorMapperTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var httpStatus: Int
        var status: String
        var kind: String?
        var value: String?
        var fieldPath: [(String, Int?)] = []
        var retryDelay: String?
        var code: AdPlatformError.Code
        var platformCode: String
        var expectedFieldPath: String?
        var retryAfter: Duration?

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "quota error with retry delay", httpStatus: 429, status: "RESOURCE_EXHAUSTED", kind: "quotaError",
            value: "RESOURCE_EXHAUSTED", retryDelay: "30s", code: .rateLimited,
            platformCode: "quotaError.RESOURCE_EXHAUSTED", retryAfter: .seconds(30)),
        Case(
            name: "temporary quota error with a fractional delay", httpStatus: 429, status: "RESOURCE_EXHAUSTED",
            kind: "quotaError", value: "RESOURCE_TEMPORARILY_EXHAUSTED", retryDelay: "1.5s", code: .rateLimited,
            platformCode: "quotaError.RESOURCE_TEMPORARILY_EXHAUSTED", retryAfter: .milliseconds(1_500)),
        Case(
            name: "quota error under another status", httpStatus: 400, status: "INVALID_ARGUMENT", kind: "quotaError",
            value: "EXCESSIVE_SHORT_TERM_QUERY_RESOURCE_CONSUMPTION", code: .rateLimited,
            platformCode: "quotaError.EXCESSIVE_SHORT_TERM_QUERY_RESOURCE_CONSUMPTION"),
        Case(
            name: "bare 429", httpStatus: 429, status: "RESOURCE_EXHAUSTED", code: .rateLimited,
            platformCode: "RESOURCE_EXHAUSTED"),
        Case(
            name: "expired token", httpStatus: 401, status: "UNAUTHENTICATED", kind: "authenticationError",
            value: "OAUTH_TOKEN_EXPIRED", code: .authExpired, platformCode: "authenticationError.OAUTH_TOKEN_EXPIRED"),
        Case(
            name: "revoked token", httpStatus: 401, status: "UNAUTHENTICATED", kind: "authenticationError",
            value: "OAUTH_TOKEN_REVOKED", code: .authInvalid, platformCode: "authenticationError.OAUTH_TOKEN_REVOKED"),
        Case(
            name: "bare 401", httpStatus: 401, status: "UNAUTHENTICATED", code: .authInvalid,
            platformCode: "UNAUTHENTICATED"),
        Case(
            name: "developer token not approved", httpStatus: 403, status: "PERMISSION_DENIED",
            kind: "authorizationError", value: "DEVELOPER_TOKEN_NOT_APPROVED", code: .permissionDenied,
            platformCode: "authorizationError.DEVELOPER_TOKEN_NOT_APPROVED"),
        Case(
            name: "user permission denied", httpStatus: 403, status: "PERMISSION_DENIED", kind: "authorizationError",
            value: "USER_PERMISSION_DENIED", code: .permissionDenied,
            platformCode: "authorizationError.USER_PERMISSION_DENIED"),
        Case(
            name: "bare 403", httpStatus: 403, status: "PERMISSION_DENIED", code: .permissionDenied,
            platformCode: "PERMISSION_DENIED"),
        Case(
            name: "budget below the per-day minimum", httpStatus: 400, status: "INVALID_ARGUMENT",
            kind: "campaignBudgetError", value: "BUDGET_BELOW_PER_DAY_MINIMUM",
            fieldPath: [
                ("mutateOperations", 0), ("campaignBudgetOperation", nil), ("create", nil), ("amountMicros", nil),
            ],
            code: .budgetTooLow, platformCode: "campaignBudgetError.BUDGET_BELOW_PER_DAY_MINIMUM",
            expectedFieldPath: "mutateOperations[0].campaignBudgetOperation.create.amountMicros"),
        Case(
            name: "budget under the minimum CPC", httpStatus: 400, status: "INVALID_ARGUMENT",
            kind: "campaignBudgetError", value: "MONEY_AMOUNT_LESS_THAN_CURRENCY_MINIMUM_CPC", code: .budgetTooLow,
            platformCode: "campaignBudgetError.MONEY_AMOUNT_LESS_THAN_CURRENCY_MINIMUM_CPC"),
        Case(
            name: "range error on the budget amount", httpStatus: 400, status: "INVALID_ARGUMENT", kind: "rangeError",
            value: "TOO_LOW", fieldPath: [("operations", 0), ("update", nil), ("amountMicros", nil)],
            code: .budgetTooLow, platformCode: "rangeError.TOO_LOW",
            expectedFieldPath: "operations[0].update.amountMicros"),
        Case(
            name: "budget not a multiple of the currency unit", httpStatus: 400, status: "INVALID_ARGUMENT",
            kind: "campaignBudgetError", value: "NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT", code: .invalidParameter,
            platformCode: "campaignBudgetError.NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT"),
        Case(
            name: "resource not found", httpStatus: 400, status: "INVALID_ARGUMENT", kind: "mutateError",
            value: "RESOURCE_NOT_FOUND", fieldPath: [("operations", 0), ("update", nil), ("resourceName", nil)],
            code: .notFound, platformCode: "mutateError.RESOURCE_NOT_FOUND",
            expectedFieldPath: "operations[0].update.resourceName"),
        Case(
            name: "id not found", httpStatus: 400, status: "INVALID_ARGUMENT", kind: "idError", value: "NOT_FOUND",
            code: .notFound, platformCode: "idError.NOT_FOUND"),
        Case(
            name: "bare 404", httpStatus: 404, status: "NOT_FOUND", code: .notFound, platformCode: "NOT_FOUND"),
        Case(
            name: "duplicate campaign name", httpStatus: 400, status: "INVALID_ARGUMENT", kind: "campaignError",
            value: "DUPLICATE_CAMPAIGN_NAME",
            fieldPath: [("mutateOperations", 1), ("campaignOperation", nil), ("create", nil), ("name", nil)],
            code: .duplicate, platformCode: "campaignError.DUPLICATE_CAMPAIGN_NAME",
            expectedFieldPath: "mutateOperations[1].campaignOperation.create.name"),
        Case(
            name: "duplicate ad group name", httpStatus: 400, status: "INVALID_ARGUMENT", kind: "adGroupError",
            value: "DUPLICATE_ADGROUP_NAME", code: .duplicate, platformCode: "adGroupError.DUPLICATE_ADGROUP_NAME"),
        Case(
            name: "duplicate asset", httpStatus: 400, status: "INVALID_ARGUMENT", kind: "assetError",
            value: "DUPLICATE_ASSET", code: .duplicate, platformCode: "assetError.DUPLICATE_ASSET"),
        Case(
            name: "resource already exists", httpStatus: 400, status: "INVALID_ARGUMENT", kind: "mutateError",
            value: "RESOURCE_ALREADY_EXISTS", code: .duplicate, platformCode: "mutateError.RESOURCE_ALREADY_EXISTS"),
        Case(
            name: "internal error", httpStatus: 500, status: "INTERNAL", kind: "internalError",
            value: "INTERNAL_ERROR", code: .transient, platformCode: "internalError.INTERNAL_ERROR"),
        Case(
            name: "concurrent modification", httpStatus: 409, status: "ABORTED", kind: "databaseError",
            value: "CONCURRENT_MODIFICATION", code: .transient, platformCode: "databaseError.CONCURRENT_MODIFICATION"),
        Case(
            name: "unavailable", httpStatus: 503, status: "UNAVAILABLE", code: .transient, platformCode: "UNAVAILABLE"),
        Case(
            name: "deadline exceeded", httpStatus: 504, status: "DEADLINE_EXCEEDED", code: .transient,
            platformCode: "DEADLINE_EXCEEDED"),
        Case(
            name: "required field", httpStatus: 400, status: "INVALID_ARGUMENT", kind: "fieldError", value: "REQUIRED",
            fieldPath: [("operations", 0), ("create", nil), ("name", nil)], code: .invalidParameter,
            platformCode: "fieldError.REQUIRED", expectedFieldPath: "operations[0].create.name"),
        Case(
            name: "headline too long", httpStatus: 400, status: "INVALID_ARGUMENT", kind: "stringLengthError",
            value: "TOO_LONG",
            fieldPath: [
                ("operations", 0), ("create", nil), ("ad", nil), ("responsiveSearchAd", nil), ("headlines", 2),
                ("text", nil),
            ], code: .invalidParameter, platformCode: "stringLengthError.TOO_LONG",
            expectedFieldPath: "operations[0].create.ad.responsiveSearchAd.headlines[2].text"),
        Case(
            name: "bad query", httpStatus: 400, status: "INVALID_ARGUMENT", kind: "queryError",
            value: "INVALID_VALUE_WITH_DURING_OPERATOR", code: .invalidParameter,
            platformCode: "queryError.INVALID_VALUE_WITH_DURING_OPERATOR"),
        Case(
            name: "unknown JSON field", httpStatus: 400, status: "INVALID_ARGUMENT", code: .invalidParameter,
            platformCode: "INVALID_ARGUMENT"),
        Case(
            name: "failed precondition", httpStatus: 400, status: "FAILED_PRECONDITION", code: .permanent,
            platformCode: "FAILED_PRECONDITION"),
        Case(
            name: "unimplemented", httpStatus: 501, status: "UNIMPLEMENTED", code: .permanent,
            platformCode: "UNIMPLEMENTED"),
    ]

    @Test("each Google error maps to its code", arguments: cases)
    func mapping(_ row: Case) {
        let body = GoogleTestSupport.errorBody(
            httpStatus: row.httpStatus, status: row.status, kind: row.kind, value: row.value,
            message: "Platform says: \(row.name).", fieldPath: row.fieldPath, retryDelay: row.retryDelay)
        let response = PlatformHTTPResponse(status: row.httpStatus, body: Data(body.utf8))
        let error = GoogleErrorMapper.error(from: response, operation: "createCampaign")
        #expect(error.code == row.code)
        #expect(error.platformCode == row.platformCode)
        #expect(error.httpStatus == row.httpStatus)
        #expect(error.retryAfter == row.retryAfter)
        #expect(error.fieldPath == row.expectedFieldPath)
        #expect(error.platform == .google)
        #expect(error.operation == "createCampaign")
        if row.kind != nil {
            #expect(error.message == "Platform says: \(row.name).")
            #expect(error.requestID == "req-1")
        } else {
            #expect(error.message == "Request failed.")
        }
    }

    @Test("the reference's INVALID_ARGUMENT body: code, path, message and request id")
    func referenceShape() throws {
        let error = GoogleErrorMapper.error(
            from: try GoogleTestSupport.response("error_field_required.json", status: 400), operation: "createAdGroup")
        #expect(error.code == .invalidParameter)
        #expect(error.platformCode == "fieldError.REQUIRED")
        #expect(error.fieldPath == "operations[0].create.name")
        #expect(error.message == "The required field was not present.")
        #expect(error.requestID == "FAk-3h1TY-uJkxzKVt6jJg")
        #expect(error.retryAfter == nil)
    }

    @Test("a quota failure gives its retry delay")
    func quota() throws {
        let error = GoogleErrorMapper.error(
            from: try GoogleTestSupport.response("error_quota.json", status: 429), operation: "fetchMetrics")
        #expect(error.code == .rateLimited)
        #expect(error.retryAfter == .seconds(30))
        #expect(error.requestID == "q-77Xx1")
        #expect(error.message == "Too many requests. Retry in 30 seconds.")
        #expect(error.disposition == .retry)
    }

    @Test("a too-small amount on a budget's amount_micros (proto field names, as Google sends them) is budgetTooLow")
    func budgetTooSmallByProtoPath() throws {
        let body = """
            {"error":{"code":400,"message":"Request contains an invalid argument.","status":"INVALID_ARGUMENT",
              "details":[{"@type":"type.googleapis.com/google.ads.googleads.v23.errors.GoogleAdsFailure",
                "errors":[{"errorCode":{"rangeError":"TOO_LOW"},"message":"Too low.",
                  "location":{"fieldPathElements":[{"fieldName":"operations","index":0},{"fieldName":"create"},
                    {"fieldName":"amount_micros"}]}}],"requestId":"r-1"}]}}
            """
        let error = GoogleErrorMapper.error(
            from: PlatformHTTPResponse(status: 400, body: Data(body.utf8)), operation: "createCampaign")
        #expect(error.code == .budgetTooLow)
        #expect(error.fieldPath == "operations[0].create.amount_micros")
    }

    @Test("searchStream errors wrapped in an array are read too")
    func streamShape() throws {
        let error = GoogleErrorMapper.error(
            from: try GoogleTestSupport.response("error_stream.json", status: 400), operation: "fetchMetrics")
        #expect(error.code == .invalidParameter)
        #expect(error.platformCode == "queryError.INVALID_VALUE_WITH_DURING_OPERATOR")
        #expect(error.message == "Invalid value with DURING operator.")
        #expect(error.requestID == "s-1")
    }

    @Test("without failure details, the envelope's message and the request-id header are used")
    func plainEnvelope() throws {
        var response = try GoogleTestSupport.response("error_unauthenticated.json", status: 401)
        response.headers["request-id"] = "hdr-9"
        let error = GoogleErrorMapper.error(from: response, operation: "createAd")
        #expect(error.code == .authInvalid)
        #expect(error.platformCode == "UNAUTHENTICATED")
        #expect(error.message.hasPrefix("Request had invalid authentication credentials."))
        #expect(error.requestID == "hdr-9")
    }

    @Test(
        "bodies that are not Google errors keep the status's meaning or are malformed",
        arguments: [
            (502, AdPlatformError.Code.transient), (503, .transient), (429, .rateLimited), (401, .authInvalid),
            (404, .notFound), (400, .malformedResponse), (418, .malformedResponse),
        ])
    func unparsed(status: Int, code: AdPlatformError.Code) {
        let response = PlatformHTTPResponse(
            status: status, headers: ["Retry-After": "7"], body: Data("<html>Bad gateway</html>".utf8))
        let error = GoogleErrorMapper.error(from: response, operation: "createAd")
        #expect(error.code == code)
        #expect(error.httpStatus == status)
        #expect(error.message.contains("expected {\"error\""))
        #expect(error.retryAfter == (code == .rateLimited ? .seconds(7) : nil))
    }

    @Test(
        "protobuf durations",
        arguments: [
            (JSONValue.string("30s"), Duration?.some(.seconds(30))), (.string("1.5s"), .milliseconds(1_500)),
            (.string("0.000001s"), .microseconds(1)),
            (JSONValue.object(["seconds": "2", "nanos": 500_000_000]), .milliseconds(2_500)),
            (.string("30"), nil), (.string("-1s"), nil), (.integer(3), nil),
        ])
    func durations(value: JSONValue, expected: Duration?) {
        #expect(GoogleErrorMapper.duration(value) == expected)
    }
}
