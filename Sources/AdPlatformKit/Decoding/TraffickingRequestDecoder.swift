import Foundation

/// Reads a ``TraffickingRequest`` from JSON, turning every decoding failure into a
/// ``RequestDecodingError`` that names the field and says why.
public struct TraffickingRequestDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Decodes a request. Dates are ISO-8601 instants (`2026-12-01T00:00:00Z`, fractional seconds allowed) or
    /// plain days (`2026-12-01`, midnight UTC).
    public func decode(_ data: Data) throws(RequestDecodingError) -> TraffickingRequest {
        try decode(TraffickingRequest.self, from: data)
    }

    /// Decodes any `Decodable` with the same date rules and error messages, e.g. an API payload wrapping a
    /// request.
    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(RequestDecodingError) -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Self.parseDate(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "'\(text)' is not an ISO-8601 date such as 2026-12-01T00:00:00Z")
            }
            return date
        }
        do {
            return try decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw Self.describe(error)
        } catch {
            throw RequestDecodingError(fieldPath: "", message: "\(error)")
        }
    }

    static func parseDate(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        return try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day())
    }

    /// Turns a `DecodingError` into a field path and a sentence.
    public static func describe(_ error: DecodingError) -> RequestDecodingError {
        switch error {
        case .keyNotFound(let key, let context):
            return RequestDecodingError(
                fieldPath: path(context.codingPath + [key]), message: "is required but missing")
        case .valueNotFound(let type, let context):
            return RequestDecodingError(
                fieldPath: path(context.codingPath), message: "must be \(describe(type)), not null")
        case .typeMismatch(let type, let context):
            return RequestDecodingError(fieldPath: path(context.codingPath), message: "must be \(describe(type))")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let detail = (context.underlyingError as NSError?)?.userInfo["NSDebugDescription"] as? String
                return RequestDecodingError(
                    fieldPath: "", message: "the body is not valid JSON" + (detail.map { ": \($0)" } ?? ""))
            }
            // An amount that parses but breaks its currency's rules is a broken rule, not a malformed body.
            let money = context.underlyingError as? MoneyError
            return RequestDecodingError(
                fieldPath: path(context.codingPath), message: context.debugDescription,
                brokenRule: money.flatMap { $0.reason == .notADecimal ? nil : $0.reason.rawValue })
        @unknown default:
            return RequestDecodingError(fieldPath: "", message: "\(error)")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type, is Decimal.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        case is [String: Any].Type: "an object"
        default: "a \(type)"
        }
    }
}
