import Foundation

/// One Airtable error: the HTTP status and the body Airtable answers it with.
///
/// Airtable writes errors in three shapes, and clients parse each:
/// - `{"error":{"type":"UNKNOWN_FIELD_NAME","message":"Unknown field name: \"X\""}}` for almost everything;
/// - `{"error":"NOT_FOUND"}` (a bare string, 21 bytes) for an unknown base or route;
/// - `{"errors":[{"error":"RATE_LIMIT_REACHED","message":…}]}` for the per-base rate limit.
///
/// The types and messages come from captures of real answers; the ones with no outside source are marked in
/// `docs/mock-platforms.md` § Airtable.
struct AirtableError: Error, Sendable {
    /// Which of Airtable's body shapes the error takes.
    enum Shape: Sendable {
        /// `{"error":{"type","message"}}`.
        case typed
        /// `{"error":"TYPE"}`.
        case bare
        /// `{"errors":[{"error":"TYPE","message"}]}`.
        case list
    }

    /// The HTTP status.
    var status: Int
    /// Airtable's error type, e.g. `INVALID_VALUE_FOR_COLUMN`.
    var type: String
    /// The human-readable message; `nil` in the bare shape.
    var message: String?
    /// The body shape.
    var shape: Shape = .typed
    /// Extra headers (`Retry-After` on a 429).
    var headers: [(String, String)] = []

    /// The generic "your request is wrong" message Airtable sends with `INVALID_REQUEST_UNKNOWN`.
    static let parameterValidationMessage = "Invalid request: parameter validation failed. Check your request data."

    // MARK: - Authentication and lookup

    /// No `Authorization: Bearer` token (HTTP 401).
    static let authenticationRequired = AirtableError(
        status: 401, type: "AUTHENTICATION_REQUIRED", message: "Authentication required")

    /// An unknown base, or a path under `/v0/` that is no endpoint (HTTP 404, the bare shape).
    static let notFound = AirtableError(status: 404, type: "NOT_FOUND", message: nil, shape: .bare)

    /// A table that is neither a name nor an id in the base (HTTP 404).
    static func tableNotFound(_ table: String, base: String) -> AirtableError {
        AirtableError(
            status: 404, type: "TABLE_NOT_FOUND", message: "Could not find table \(table) in application \(base)")
    }

    /// A record id that is not in the table (HTTP 404).
    static let recordNotFound = AirtableError(status: 404, type: "MODEL_ID_NOT_FOUND", message: "Record not found")

    // MARK: - Request shape

    /// A body that is not JSON (HTTP 400: "the request can't be parsed as a valid JSON").
    static let malformedJSON = AirtableError(
        status: 400, type: "INVALID_REQUEST_UNKNOWN",
        message: "Invalid request: the request body could not be parsed as JSON.")

    /// A parameter or body member Airtable refuses (HTTP 422), with a detail when one helps.
    static func invalidRequest(_ detail: String? = nil) -> AirtableError {
        AirtableError(
            status: 422, type: "INVALID_REQUEST_UNKNOWN",
            message: detail.map { "Invalid request: \($0)" } ?? parameterValidationMessage)
    }

    /// A single-record write without a `fields` object (HTTP 422).
    static let missingFields = AirtableError(
        status: 422, type: "INVALID_REQUEST_MISSING_FIELDS",
        message: "Could not find field \"fields\" in the request body")

    /// A batch of records that is empty, over 10, or malformed, for creates (HTTP 422).
    static let invalidCreateRecords = AirtableError(
        status: 422, type: "INVALID_RECORDS",
        message: "You must provide an array of up to 10 record objects, each with a 'fields' object for cell values.")

    /// A batch of records that is empty, over 10, or malformed, for updates (HTTP 422).
    static let invalidUpdateRecords = AirtableError(
        status: 422, type: "INVALID_RECORDS",
        message: "You must provide an array of up to 10 record objects, each with an 'id' ID field and a 'fields' "
            + "object for cell values.")

    /// A delete naming no records, or more than 10 (HTTP 422).
    static let invalidDeleteRecords = AirtableError(
        status: 422, type: "INVALID_RECORDS", message: "You must provide an array of up to 10 record IDs.")

    // MARK: - Cell values

    /// A field name (or id) the table does not have (HTTP 422).
    static func unknownField(_ name: String) -> AirtableError {
        AirtableError(status: 422, type: "UNKNOWN_FIELD_NAME", message: "Unknown field name: \"\(name)\"")
    }

    /// A value of the wrong type for its field (HTTP 422).
    static func invalidValue(field: String) -> AirtableError {
        AirtableError(
            status: 422, type: "INVALID_VALUE_FOR_COLUMN",
            message: "Field \"\(field)\" cannot accept the provided value")
    }

    /// A select option that is not among the field's choices, written without `typecast` (HTTP 422). Airtable
    /// quotes the option twice over: its message reads `… option ""Paused""`.
    static func invalidChoice(_ option: String) -> AirtableError {
        AirtableError(
            status: 422, type: "INVALID_MULTIPLE_CHOICE_OPTIONS",
            message: "Insufficient permissions to create new select option \"\"\(option)\"\"")
    }

    // MARK: - Lists

    /// A `filterByFormula` the emulator cannot parse or resolve (HTTP 422).
    static func invalidFormula(_ detail: String) -> AirtableError {
        AirtableError(
            status: 422, type: "INVALID_FILTER_BY_FORMULA",
            message: "The formula for filtering records is invalid: \(detail)")
    }

    /// An `offset` that names no live iterator (HTTP 422): unknown, from another table, or evicted.
    static let iteratorNotAvailable = AirtableError(
        status: 422, type: "LIST_RECORDS_ITERATOR_NOT_AVAILABLE",
        message: "This list records iterator is no longer available. Restart the listing without an offset.")

    /// A `view` that is not the table's grid view (HTTP 422).
    static func viewNotFound(_ view: String) -> AirtableError {
        AirtableError(status: 422, type: "VIEW_NAME_NOT_FOUND", message: "Could not find view \(view)")
    }

    // MARK: - Limits

    /// The per-base rate limit (HTTP 429), with `Retry-After` in whole seconds.
    static func rateLimited(retryAfter seconds: Double) -> AirtableError {
        AirtableError(
            status: 429, type: "RATE_LIMIT_REACHED", message: "Rate limit exceeded. Please try again later",
            shape: .list, headers: [("Retry-After", String(max(1, Int(seconds.rounded(.up)))))])
    }

    /// A body over the size limit (HTTP 413).
    static func tooLarge(limit: Int) -> AirtableError {
        AirtableError(
            status: 413, type: "REQUEST_TOO_LARGE", message: "Request body is too large: the limit is \(limit) bytes")
    }

    /// The error an injected fault asks for: a type picks its usual status (unless the rule gives one), a bare
    /// status picks its usual type.
    static func injected(status: Int?, code: String?, message: String?) -> AirtableError {
        let resolvedStatus = status ?? code.map(Self.status(forType:)) ?? 500
        let type = code ?? Self.type(forStatus: resolvedStatus)
        if type == "RATE_LIMIT_REACHED" || (code == nil && resolvedStatus == 429) {
            var error = rateLimited(retryAfter: 1)
            error.status = resolvedStatus
            error.message = message ?? error.message
            return error
        }
        if type == "NOT_FOUND", message == nil {
            var error = notFound
            error.status = resolvedStatus
            return error
        }
        return AirtableError(
            status: resolvedStatus, type: type,
            message: message ?? Self.usualMessage(type: type, status: resolvedStatus))
    }

    /// The usual status of an error type.
    static func status(forType type: String) -> Int {
        switch type {
        case "AUTHENTICATION_REQUIRED", "UNAUTHORIZED": 401
        case "INVALID_PERMISSIONS", "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND", "NOT_AUTHORIZED": 403
        case "NOT_FOUND", "TABLE_NOT_FOUND", "MODEL_ID_NOT_FOUND": 404
        case "REQUEST_TOO_LARGE": 413
        case "RATE_LIMIT_REACHED", "PUBLIC_API_BILLING_LIMIT_EXCEEDED": 429
        case "SERVER_ERROR": 500
        case "SERVICE_UNAVAILABLE": 503
        default: 422
        }
    }

    /// The usual type of a status.
    static func type(forStatus status: Int) -> String {
        switch status {
        case 400, 422: "INVALID_REQUEST_UNKNOWN"
        case 401: "AUTHENTICATION_REQUIRED"
        case 403: "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND"
        case 404: "NOT_FOUND"
        case 413: "REQUEST_TOO_LARGE"
        case 429: "RATE_LIMIT_REACHED"
        case 502: "BAD_GATEWAY"
        case 503: "SERVICE_UNAVAILABLE"
        default: status >= 500 ? "SERVER_ERROR" : "INVALID_REQUEST_UNKNOWN"
        }
    }

    private static func usualMessage(type: String, status: Int) -> String {
        switch (type, status) {
        case ("AUTHENTICATION_REQUIRED", _): "Authentication required"
        case ("INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND", _):
            "Invalid permissions, or the requested model was not found. Check that both your user and your token "
                + "have the required permissions, and that the model names and/or ids are correct."
        case ("INVALID_PERMISSIONS", _), ("NOT_AUTHORIZED", _): "You are not permitted to perform this operation"
        case ("PUBLIC_API_BILLING_LIMIT_EXCEEDED", _): "The API call limit for this workspace's plan has been reached"
        case (_, 500...): "Try again. If the problem persists, contact support."
        default: parameterValidationMessage
        }
    }

    // MARK: - Rendering

    /// The error body in its shape.
    var body: MockJSON {
        switch shape {
        case .bare:
            return .object([("error", .string(type))])
        case .list:
            return .object([
                ("errors", .array([.object([("error", .string(type)), ("message", .string(message ?? ""))])]))
            ])
        case .typed:
            var members: [(String, MockJSON)] = [("type", .string(type))]
            if let message { members.append(("message", .string(message))) }
            return .object([("error", .object(members))])
        }
    }

    /// The whole answer.
    var response: MockResponse { .json(body, status: status, headers: headers) }
}
