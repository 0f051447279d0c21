import Foundation

/// A Graph call's parameters: the query, then the form (or JSON, or multipart text) body on top.
///
/// Graph's clients send dicts, lists and booleans as compact JSON strings inside form values
/// (`special_ad_categories=%5B%5D`, `targeting={"geo_locations":…}`), so values that look like JSON objects or
/// arrays are decoded once here; everything else stays a string and the typed accessors read numbers from it.
struct MetaParams: Sendable {
    /// Values by name; the body wins over the query, the first occurrence wins within each.
    private(set) var values: [String: MockJSON]

    /// No parameters.
    init() { values = [:] }

    /// Parameters from query pairs and body pairs.
    init(query: [(String, String)], body: [(String, String)]) {
        values = Dictionary(minimumCapacity: query.count + body.count)
        for (name, value) in body where values[name] == nil { values[name] = Self.decode(value) }
        for (name, value) in query where values[name] == nil { values[name] = Self.decode(value) }
    }

    /// Adds JSON members (from an `application/json` body), which win over what is there.
    mutating func merge(_ members: [(String, MockJSON)]) {
        for (name, value) in members {
            if case .string(let text) = value {
                values[name] = Self.decode(text)
            } else {
                values[name] = value
            }
        }
    }

    /// Sets one value.
    mutating func set(_ name: String, _ value: MockJSON) { values[name] = value }

    /// Removes one value.
    mutating func remove(_ name: String) { values[name] = nil }

    /// A raw value.
    subscript(name: String) -> MockJSON? { values[name] }

    /// Whether a parameter was sent.
    func has(_ name: String) -> Bool { values[name] != nil }

    /// A form value decoded: JSON objects and arrays parsed, everything else kept as text.
    static func decode(_ raw: String) -> MockJSON {
        guard let first = raw.utf8.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }),
            first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        else { return .string(raw) }
        return MockJSON.parse(raw) ?? .string(raw)
    }

    // MARK: - Typed access; each failure is the error Graph gives for that parameter

    /// A text value (strings, and numbers or booleans as their text); `nil` when absent.
    func string(_ name: String) throws(MetaError) -> String? {
        guard let value = values[name] else { return nil }
        guard let text = value.text else { throw MetaError.param("param \(name) must be a string.") }
        return text
    }

    /// A required, non-empty text value.
    func requiredString(_ name: String) throws(MetaError) -> String {
        guard let text = try string(name) else { throw MetaError.required(name) }
        guard !MetaForm.isBlank(text) else {
            throw MetaError.param("param \(name) must be non-empty.")
        }
        return text
    }

    /// A non-negative whole number (`1000` or `"1000"`); `nil` when absent.
    func unsignedInt(_ name: String) throws(MetaError) -> Int64? {
        guard let value = values[name] else { return nil }
        let parsed: Int64?
        switch value {
        case .number(let text), .string(let text): parsed = Self.integer(text)
        default: parsed = nil
        }
        guard let parsed, parsed >= 0 else {
            throw MetaError.param("param \(name) must be a non-negative integer.")
        }
        return parsed
    }

    /// A whole number within a range; `nil` when absent.
    func int(_ name: String, in range: ClosedRange<Int64>) throws(MetaError) -> Int64? {
        guard let value = values[name] else { return nil }
        let parsed: Int64?
        switch value {
        case .number(let text), .string(let text): parsed = Self.integer(text)
        default: parsed = nil
        }
        guard let parsed, range.contains(parsed) else {
            throw MetaError.param(
                "param \(name) must be an integer between \(range.lowerBound) and \(range.upperBound).")
        }
        return parsed
    }

    /// A whole number from text, allowing surrounding spaces (trimmed only when the plain parse fails).
    private static func integer(_ text: String) -> Int64? {
        Int64(text) ?? Int64(text.trimmingCharacters(in: .whitespaces))
    }

    /// A Boolean (`true`/`false`, `1`/`0`); `nil` when absent.
    func bool(_ name: String) throws(MetaError) -> Bool? {
        guard let value = values[name] else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .string(let text), .number(let text):
            switch text.lowercased() {
            case "true", "1": return true
            case "false", "0", "": return false
            default: break
            }
        default: break
        }
        throw MetaError.param("param \(name) must be a boolean.")
    }

    /// A JSON object; `nil` when absent.
    func object(_ name: String) throws(MetaError) -> MockJSON? {
        guard let value = values[name] else { return nil }
        guard value.members != nil else { throw MetaError.param("param \(name) must be a JSON object.") }
        return value
    }

    /// A JSON array; `nil` when absent.
    func array(_ name: String) throws(MetaError) -> [MockJSON]? {
        guard let value = values[name] else { return nil }
        guard let elements = value.array else { throw MetaError.param("param \(name) must be an array.") }
        return elements
    }

    /// A list of strings, sent as a JSON array or as comma-separated text; `nil` when absent.
    func list(_ name: String) throws(MetaError) -> [String]? {
        guard let value = values[name] else { return nil }
        switch value {
        case .array(let elements):
            var items: [String] = []
            for element in elements {
                guard let text = element.text else { throw MetaError.param("param \(name) must be a list of strings.") }
                items.append(text)
            }
            return items
        case .string(let text):
            return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        default:
            throw MetaError.param("param \(name) must be a list of strings.")
        }
    }

    /// An enum value; `nil` when absent.
    func enumValue(_ name: String, _ allowed: MetaVocabulary.Enumeration) throws(MetaError) -> String? {
        guard let text = try string(name) else { return nil }
        guard allowed.contains(text) else { throw MetaError.notInEnum(name, allowed.ordered) }
        return text
    }

    /// A time (ISO 8601 or UNIX seconds); `nil` when absent or empty.
    func time(_ name: String) throws(MetaError) -> Date? {
        guard let text = try string(name), !text.isEmpty else { return nil }
        guard let date = MetaTime.parse(text) else {
            throw MetaError.param("param \(name) must be a valid ISO 8601 datetime or UNIX timestamp.")
        }
        return date
    }
}
