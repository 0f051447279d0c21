import Foundation

/// One Snap error: the HTTP status, Snap's `error_code` and its two messages.
///
/// Snap answers a failed call with
/// `{"request_status":"ERROR","request_id","debug_message","display_message","error_code"}` and a 4xx/5xx status.
/// Only `E3003` (resource not found) is corroborated (reference §3.3, and Snap's own Creator-Ads troubleshooting
/// page); Snap publishes no code table, so the other codes are this emulator's own, chosen once and used
/// consistently:
///
/// | code | status | meaning |
/// | --- | --- | --- |
/// | `E1001` | 401 | missing, empty or malformed bearer token |
/// | `E1002` | 401 | expired token (only through injected faults) |
/// | `E1004` | 403 | forbidden (only through injected faults) |
/// | `E1008` | 429 | rate limit exceeded |
/// | `E2002` | 400 / 413 | invalid request: body, field, enum, limit, query |
/// | `E3001` | 404 / 405 | unknown endpoint, or a method the endpoint does not take |
/// | `E3003` | 404 | resource can not be found |
/// | `E4001` | 5xx | internal error (only through injected faults) |
struct SnapchatError: Error, Sendable {
    /// The HTTP status.
    var status: Int
    /// Snap's `error_code`; omitted from the body when `nil`.
    var code: String?
    /// The developer-facing `debug_message`.
    var debugMessage: String
    /// The user-facing `display_message`.
    var displayMessage: String

    /// A field, body or query the platform would reject (HTTP 400, `E2002`).
    static func invalid(_ message: String) -> SnapchatError {
        SnapchatError(
            status: 400, code: "E2002", debugMessage: message,
            displayMessage: "We're sorry, but the request is invalid. Please check the request and try again.")
    }

    /// An entity that does not exist, or not where the path says (HTTP 404, `E3003`, Snap's own wording).
    static func notFound(_ message: String = "Resource can not be found") -> SnapchatError {
        SnapchatError(
            status: 404, code: "E3003", debugMessage: message,
            displayMessage: "We're sorry, but the requested resource is not available at this time")
    }

    /// No bearer token (HTTP 401, `E1001`).
    static let unauthorized = SnapchatError(
        status: 401, code: "E1001", debugMessage: "Unauthorized",
        displayMessage: "We're sorry, but you are not authorized to perform this request. Please sign in again.")

    /// A path under `/v1/` that is no endpoint (HTTP 404, `E3001`).
    static func unknownEndpoint(_ method: String, _ path: String) -> SnapchatError {
        SnapchatError(
            status: 404, code: "E3001", debugMessage: "Unknown endpoint: \(method) \(path)",
            displayMessage: "We're sorry, but the requested resource is not available at this time")
    }

    /// A known endpoint called with a method it does not take (HTTP 405, `E3001`).
    static func methodNotAllowed(_ method: String, _ path: String, allowed: [String]) -> SnapchatError {
        SnapchatError(
            status: 405, code: "E3001",
            debugMessage: "Method \(method) is not allowed on \(path); allowed: \(allowed.joined(separator: ", "))",
            displayMessage: "We're sorry, but this request is not supported.")
    }

    /// A body over the size limit (HTTP 413, `E2002`).
    static func tooLarge(limit: Int) -> SnapchatError {
        SnapchatError(
            status: 413, code: "E2002", debugMessage: "Request entity too large: the limit is \(limit) bytes",
            displayMessage: "We're sorry, but the file or request is too large.")
    }

    /// A spent rate-limit budget (HTTP 429, `E1008`).
    static let rateLimited = SnapchatError(
        status: 429, code: "E1008", debugMessage: "Too many requests: the rate limit for this ad account is exceeded",
        displayMessage: "We're sorry, but you have made too many requests. Please try again later.")

    /// The error an injected fault asks for: a code picks its usual status (unless the rule gives one), a bare
    /// status picks its usual code.
    static func injected(status: Int?, code: String?, message: String?) -> SnapchatError {
        let resolvedStatus = status ?? code.map(Self.status(forCode:)) ?? 500
        let resolvedCode = code ?? Self.code(forStatus: resolvedStatus)
        let usual: String =
            switch (resolvedCode, resolvedStatus) {
            case ("E3003", _), (_, 404): "Resource can not be found"
            case ("E1001", _), ("E1002", _), (_, 401): "Unauthorized"
            case ("E1008", _), (_, 429): "Too many requests"
            case ("E3001", _): "Unknown endpoint"
            case (_, 403): "Forbidden: not authorized for this ad account"
            case (_, 500...): "Internal server error"
            case (_, 400): "Invalid request"
            default: "Request failed with HTTP \(resolvedStatus)"
            }
        let display: String =
            switch resolvedStatus {
            case 401: unauthorized.displayMessage
            case 404: notFound().displayMessage
            case 429: rateLimited.displayMessage
            case 500...: "We're sorry, something went wrong. Please try again later."
            default: invalid("").displayMessage
            }
        return SnapchatError(
            status: resolvedStatus, code: resolvedCode, debugMessage: message ?? usual, displayMessage: display)
    }

    /// The usual status of a code.
    static func status(forCode code: String) -> Int {
        switch code {
        case "E1001", "E1002": 401
        case "E1004": 403
        case "E1008": 429
        case "E3001", "E3003": 404
        case "E4001": 500
        default: 400
        }
    }

    /// The usual code of a status; `nil` where none fits, and the body then carries no `error_code`.
    static func code(forStatus status: Int) -> String? {
        switch status {
        case 400, 413, 422: "E2002"
        case 401: "E1001"
        case 403: "E1004"
        case 404: "E3003"
        case 405: "E3001"
        case 429: "E1008"
        case 500...: "E4001"
        default: nil
        }
    }

    /// The text a failed batch item carries in `sub_request_error_reason`, in the form third-party captures of
    /// Snap show: `Error code: E3004, message: Entity does not exist …`.
    var reason: String {
        "Error code: \(code ?? "E2002"), message: \(debugMessage)"
    }

    /// The error body.
    func body(requestID: String) -> MockJSON {
        var members: [(String, MockJSON)] = [
            ("request_status", .string("ERROR")), ("request_id", .string(requestID)),
            ("debug_message", .string(debugMessage)), ("display_message", .string(displayMessage)),
        ]
        if let code { members.append(("error_code", .string(code))) }
        return .object(members)
    }

    /// The whole answer, with `WWW-Authenticate` on a 401 as Snap sends it.
    func response(requestID: String, headers extra: [(String, String)] = []) -> MockResponse {
        var headers = extra
        if status == 401, !headers.contains(where: { $0.0.lowercased() == "www-authenticate" }) {
            headers.append(("WWW-Authenticate", "Bearer"))
        }
        return .json(body(requestID: requestID), status: status, headers: headers)
    }
}
