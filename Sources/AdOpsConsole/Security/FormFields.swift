import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body or a query string, by name; a name sent more than once
/// keeps every value in order.
struct FormFields: Sendable {
    /// The values by name.
    private(set) var values: [String: [String]] = [:]

    /// Parses `a=1&b=two+words`; `+` is a space, and percent escapes are decoded (an invalid one is kept as sent).
    init(encoded text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    /// The body of a form post, read up to `maximumBytes`; more is refused as an invalid field rather than cut.
    static func read(_ request: Request, context: some RequestContext, maximumBytes: Int) async throws -> FormFields {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maximumBytes)
        } catch {
            throw ConsoleError(.invalidField, field: "body", "the form is larger than \(maximumBytes) bytes")
        }
        return FormFields(encoded: String(buffer: body))
    }

    /// The first value of a field, or `nil`.
    subscript(_ name: String) -> String? { values[name]?.first }

    /// Every value of a field.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The first value, trimmed, or an error naming the field when it is missing or blank.
    func required(_ name: String, label: String? = nil) throws -> String {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            throw ConsoleError(.invalidField, field: name, "\(label ?? name) is required")
        }
        return value
    }

    /// One form component decoded.
    private static func decode(_ component: Substring) -> String {
        let spaced = component.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
