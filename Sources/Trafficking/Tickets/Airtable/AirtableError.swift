import AdPlatformKit
import Foundation

/// A failed Airtable call: which operation, the HTTP status, and Airtable's own error type and message.
///
/// Airtable writes errors in three shapes, and ``init(operation:status:body:)`` reads each:
/// `{"error":{"type":…,"message":…}}`, `{"error":"NOT_FOUND"}` and `{"errors":[{"error":…,"message":…}]}`.
/// Nothing here ever holds the access token.
public struct AirtableError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a small evolvable set of codes. New codes may be added; switch with a default.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case rejected, rateLimited, unavailable, malformedResponse, invalidConfiguration
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// Airtable refused the request (a 4xx other than 429): see ``AirtableError/type`` and
        /// ``AirtableError/message``.
        public static let rejected = Code(.rejected)
        /// Airtable still answered 429 after every retry.
        public static let rateLimited = Code(.rateLimited)
        /// A 5xx, or no answer at all (connection refused, timeout), after every retry.
        public static let unavailable = Code(.unavailable)
        /// A success whose body this client could not read.
        public static let malformedResponse = Code(.malformedResponse)
        /// The configuration cannot make a valid URL.
        public static let invalidConfiguration = Code(.invalidConfiguration)

        /// The code's name, e.g. `rateLimited`.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// The client operation that failed, e.g. `listRecords`.
    public var operation: String
    /// The HTTP status, when Airtable answered.
    public var httpStatus: Int?
    /// Airtable's error type, e.g. `INVALID_VALUE_FOR_COLUMN` or `NOT_FOUND`.
    public var type: String?
    /// Airtable's message, or what this client found wrong.
    public var message: String

    /// Creates an error.
    public init(code: Code, operation: String, httpStatus: Int? = nil, type: String? = nil, message: String) {
        self.code = code
        self.operation = operation
        self.httpStatus = httpStatus
        self.type = type
        self.message = message
    }

    /// Reads Airtable's error body for a non-2xx answer; a body in none of the three shapes keeps its text as the
    /// message.
    public init(operation: String, status: Int, body: Data) {
        let (type, message) = Self.parse(body)
        let code: Code =
            switch status {
            case 429: .rateLimited
            case 500...: .unavailable
            default: .rejected
            }
        self.init(
            code: code, operation: operation, httpStatus: status, type: type,
            message: message ?? type.map { _ in "" } ?? Self.bodyText(body))
    }

    /// `Airtable listRecords failed: HTTP 422 INVALID_FILTER_BY_FORMULA: The formula … is invalid`.
    public var description: String {
        var parts = ["Airtable \(operation) failed"]
        if let httpStatus { parts.append("HTTP \(httpStatus)") }
        if let type { parts.append(type) }
        if !message.isEmpty { parts.append(message) }
        return parts.joined(separator: ": ")
    }

    /// The error type and message of the three body shapes, or `nil`s.
    static func parse(_ body: Data) -> (type: String?, message: String?) {
        guard let json = try? JSONValue(parsing: body) else { return (nil, nil) }
        if let error = json["error"] {
            if let type = error.stringValue { return (type, json["message"]?.stringValue) }
            return (error["type"]?.stringValue, error["message"]?.stringValue)
        }
        if let first = json["errors"]?[0] {
            return (first["error"]?.stringValue ?? first["type"]?.stringValue, first["message"]?.stringValue)
        }
        return (nil, nil)
    }

    private static func bodyText(_ body: Data) -> String {
        let text = String(decoding: body.prefix(500), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "no error body" : text
    }
}
