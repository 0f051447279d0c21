import AdPlatformKit
import Foundation
import Hummingbird
import NIOFoundationCompat

/// An RFC 9457 problem: the body of every error response, sent as `application/problem+json`.
///
/// Route handlers throw problems; ``ProblemMiddleware`` turns them, and every other error, into responses. Each
/// problem names the fields at fault in ``violations`` so a caller can fix the request without guessing.
public struct Problem: Error, Sendable, Hashable, Encodable, CustomStringConvertible {
    /// A URI naming the kind of problem, e.g. `tag:adops-lab,2026:problem/invalid-request`.
    public var type: String
    /// A short summary of the kind, the same for every occurrence.
    public var title: String
    /// The HTTP status code.
    public var status: Int
    /// What went wrong this time, for people.
    public var detail: String
    /// Every field at fault, with the rule it breaks.
    public var violations: [ProblemViolation]
    /// Extra response headers, e.g. `WWW-Authenticate` on 401; not part of the body.
    public var headers: HTTPFields

    /// Creates a problem; `kind` becomes the last segment of ``type``.
    public init(
        status: HTTPResponse.Status, kind: String, title: String, detail: String,
        violations: [ProblemViolation] = [], headers: HTTPFields = [:]
    ) {
        self.type = Self.typePrefix + kind
        self.title = title
        self.status = status.code
        self.detail = detail
        self.violations = violations
        self.headers = headers
    }

    /// Problem types are tag URIs (RFC 4151): stable names that nobody is meant to dereference.
    public static let typePrefix = "tag:adops-lab,2026:problem/"

    /// The media type of problem bodies.
    public static let contentType = "application/problem+json"

    private enum CodingKeys: String, CodingKey {
        case type, title, status, detail, violations
    }

    /// `status title: detail`.
    public var description: String { "\(status) \(title): \(detail)" }

    /// The problem as a response.
    public func response() -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings and integers cannot fail; the fallback keeps the status even so.
        let data = (try? encoder.encode(self)) ?? Data(#"{"status":\#(status)}"#.utf8)
        var fields = headers
        fields[.contentType] = Self.contentType
        fields[.contentLength] = String(data.count)
        return Response(
            status: HTTPResponse.Status(code: status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(data: data)))
    }
}

extension Problem {
    /// 405: the path exists but does not answer this method; `Allow` lists the methods it does answer.
    static func methodNotAllowed(_ method: HTTPRequest.Method, allowed: [HTTPRequest.Method]) -> Problem {
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        return Problem(
            status: .methodNotAllowed, kind: "method-not-allowed", title: "Method not allowed",
            detail: "\(method) is not allowed here; use \(list)", headers: [.allow: list])
    }

    /// 400: a query or path parameter is malformed.
    static func invalidParameter(_ name: String, _ message: String) -> Problem {
        Problem(
            status: .badRequest, kind: "invalid-parameter", title: "Invalid parameter", detail: "\(name): \(message)",
            violations: [ProblemViolation(field: name, rule: "invalidValue", message: message)])
    }

    /// 400: the body could not be read as the route's JSON, naming the field; 422 when it could, but a value breaks
    /// a rule of its own (an amount more precise than its currency).
    static func malformedBody(_ error: RequestDecodingError) -> Problem {
        let field = error.fieldPath.isEmpty ? "body" : error.fieldPath
        if let rule = error.brokenRule {
            // Well-formed but against a rule the schema cannot state (a currency's decimals): 422, like other rules.
            return invalidRequest(
                "\(field): \(error.message)", [ProblemViolation(field: field, rule: rule, message: error.message)])
        }
        return Problem(
            status: .badRequest, kind: "malformed-body", title: "Malformed request body",
            detail: "\(field): \(error.message)",
            violations: [ProblemViolation(field: field, rule: "malformed", message: error.message)])
    }

    /// 404: nothing has this id.
    static func notFound(_ what: String, field: String? = nil) -> Problem {
        Problem(
            status: .notFound, kind: "not-found", title: "Not found", detail: what,
            violations: field.map { [ProblemViolation(field: $0, rule: "notFound", message: what)] } ?? [])
    }

    /// 413: the body is over the configured limit.
    static func payloadTooLarge(limit: Int) -> Problem {
        Problem(
            status: .contentTooLarge, kind: "payload-too-large", title: "Request body too large",
            detail: "the body is larger than the limit of \(limit) bytes",
            violations: [
                ProblemViolation(
                    field: "body", rule: "tooLarge", message: "bodies may be at most \(limit) bytes",
                    limit: "\(limit) bytes")
            ])
    }

    /// 422: the body is well-formed JSON but breaks rules, each listed.
    static func invalidRequest(_ detail: String, _ violations: [ProblemViolation]) -> Problem {
        Problem(
            status: .unprocessableContent, kind: "invalid-request", title: "Request breaks the rules",
            detail: detail, violations: violations)
    }

    /// 500: something unexpected; the detail says nothing about internals.
    static let internalError = Problem(
        status: .internalServerError, kind: "internal", title: "Internal server error",
        detail: "the server could not complete the request; it has been logged")
}
