import Foundation

/// Renders Google's REST error body, `{"error":{"code","message","status","details":[…]}}`, with a
/// `GoogleAdsFailure` (or the gateway's `google.rpc.BadRequest`) in `details`, and maps HTTP statuses to the
/// canonical gRPC status names the body carries.
enum GoogleAdsErrorEnvelope {
    /// The canonical status name and message of an HTTP status, as Google's gateway writes them.
    static func canonical(_ httpStatus: Int) -> (status: String, message: String) {
        switch httpStatus {
        case 400: ("INVALID_ARGUMENT", "Request contains an invalid argument.")
        case 401:
            (
                "UNAUTHENTICATED",
                "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or "
                    + "other valid authentication credential. See "
                    + "https://developers.google.com/identity/sign-in/web/devconsole-project."
            )
        case 403: ("PERMISSION_DENIED", "The caller does not have permission")
        case 404: ("NOT_FOUND", "Requested entity was not found.")
        case 409: ("ABORTED", "The operation was aborted.")
        case 412: ("FAILED_PRECONDITION", "Precondition check failed.")
        case 413: ("INVALID_ARGUMENT", "Request payload size exceeds the limit.")
        case 416: ("OUT_OF_RANGE", "Value out of range.")
        case 429: ("RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).")
        case 499: ("CANCELLED", "The operation was cancelled.")
        case 501: ("UNIMPLEMENTED", "Operation is not implemented, or supported, or enabled.")
        case 502, 503: ("UNAVAILABLE", "The service is currently unavailable.")
        case 504: ("DEADLINE_EXCEEDED", "The request deadline was exceeded. Please try again.")
        case 500...599: ("INTERNAL", "Internal error encountered.")
        default: ("FAILED_PRECONDITION", "Precondition check failed.")
        }
    }

    /// The canonical status names with their gRPC code and the HTTP status Google's gateway answers them with: what
    /// a fault given by name answers over REST, and the code a REST error's `status` becomes over gRPC.
    static let canonicalCodes: [String: (grpc: Int, http: Int)] = [
        "CANCELLED": (1, 499), "UNKNOWN": (2, 500), "INVALID_ARGUMENT": (3, 400), "DEADLINE_EXCEEDED": (4, 504),
        "NOT_FOUND": (5, 404), "ALREADY_EXISTS": (6, 409), "PERMISSION_DENIED": (7, 403),
        "RESOURCE_EXHAUSTED": (8, 429), "FAILED_PRECONDITION": (9, 400), "ABORTED": (10, 409),
        "OUT_OF_RANGE": (11, 400), "UNIMPLEMENTED": (12, 501), "INTERNAL": (13, 500), "UNAVAILABLE": (14, 503),
        "DATA_LOSS": (15, 500), "UNAUTHENTICATED": (16, 401),
    ]

    /// The `@type` of a failure for the version called, e.g.
    /// `type.googleapis.com/google.ads.googleads.v23.errors.GoogleAdsFailure`.
    static func failureType(_ version: String) -> String {
        "type.googleapis.com/google.ads.googleads.\(version).errors.GoogleAdsFailure"
    }

    /// A `GoogleAdsFailure` as an `Any` detail.
    static func failure(_ errors: [GoogleAdsError], version: String, requestID: String) -> MockJSON {
        .object([
            ("@type", .string(failureType(version))), ("errors", .array(errors.map(\.json))),
            ("requestId", .string(requestID)),
        ])
    }

    /// The `{"error":{…}}` value.
    static func body(httpStatus: Int, message: String? = nil, details: [MockJSON] = []) -> MockJSON {
        let (status, canonicalMessage) = canonical(httpStatus)
        var members: [(String, MockJSON)] = [
            ("code", .int(httpStatus)), ("message", .string(message ?? canonicalMessage)), ("status", .string(status)),
        ]
        if !details.isEmpty { members.append(("details", .array(details))) }
        return .object([("error", .object(members))])
    }

    /// An error response carrying Google Ads errors; `stream` wraps the body in an array as `searchStream` does.
    static func response(
        httpStatus: Int, errors: [GoogleAdsError], version: String, requestID: String, message: String? = nil,
        stream: Bool = false
    ) -> MockResponse {
        let value = body(
            httpStatus: httpStatus, message: message,
            details: errors.isEmpty ? [] : [failure(errors, version: version, requestID: requestID)])
        return .json(stream ? .array([value]) : value, status: httpStatus, headers: [("request-id", requestID)])
    }

    /// The gateway's answer to a body that is not the request message: 400 with a `google.rpc.BadRequest` whose
    /// violation quotes the offending field, as `Invalid JSON payload received. Unknown name "x" at 'y': …`.
    static func badPayload(_ error: GoogleAdsPayloadError, requestID: String, stream: Bool = false) -> MockResponse {
        var violation: [(String, MockJSON)] = []
        if let field = error.field, !field.isEmpty { violation.append(("field", .string(field))) }
        violation.append(("description", .string(error.description)))
        let value = body(
            httpStatus: 400, message: error.description,
            details: [
                .object([
                    ("@type", .string("type.googleapis.com/google.rpc.BadRequest")),
                    ("fieldViolations", .array([.object(violation)])),
                ])
            ])
        return .json(stream ? .array([value]) : value, status: 400, headers: [("request-id", requestID)])
    }

    /// A status-only error (no `details`), as the front end sends for routing and transport failures.
    static func plain(httpStatus: Int, message: String? = nil, requestID: String) -> MockResponse {
        .json(body(httpStatus: httpStatus, message: message), status: httpStatus, headers: [("request-id", requestID)])
    }
}
