/// A request's parameters as TikTok reads them: the members of a JSON body, or query / multipart pairs whose
/// list and object values arrive as JSON text (`filtering={"campaign_ids":["1"]}`, `fields=["campaign_id"]`).
///
/// Every accessor validates type and answers TikTok's 40002 with a `<field>: <reason>` message, so handlers
/// read a field once and either get a usable value or a ready-made error.
struct TikTokParams {
    /// The members, in order; JSON `null` counts as absent.
    let members: [(String, MockJSON)]
    /// Whether values came from a query string or form parts: scalars are text, lists and objects JSON text.
    let textual: Bool

    /// Parameters from a JSON object's members.
    init(json members: [(String, MockJSON)]) {
        self.members = members
        textual = false
    }

    /// Parameters from query or form pairs.
    init(pairs: [(String, String)]) {
        members = pairs.map { ($0.0, MockJSON.string($0.1)) }
        textual = true
    }

    /// The raw value, `nil` when absent or `null`.
    func raw(_ name: String) -> MockJSON? {
        for (key, value) in members where key == name {
            if case .null = value { return nil }
            return value
        }
        return nil
    }

    /// Whether the field is present.
    func has(_ name: String) -> Bool { raw(name) != nil }

    // MARK: - Scalars

    /// A string; numbers and Booleans are not strings (TikTok's schema validation rejects them).
    func string(_ name: String) throws(TikTokError) -> String? {
        guard let value = raw(name) else { return nil }
        guard case .string(let text) = value else { throw .invalid(name, "Not a valid string.") }
        return text
    }

    /// A required string.
    func requiredString(_ name: String) throws(TikTokError) -> String {
        guard let text = try string(name) else { throw .missing(name) }
        return text
    }

    /// A numeric id, given as a string of digits or a whole JSON number.
    func id(_ name: String) throws(TikTokError) -> String? {
        guard let value = raw(name) else { return nil }
        let text: String
        switch value {
        case .string(let string): text = string
        case .number(let number): text = number
        default: throw .invalid(name, "Not a valid id.")
        }
        guard !text.isEmpty, text.utf8.count <= 32, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw .invalid(name, "Not a valid id.")
        }
        return text
    }

    /// A required numeric id.
    func requiredID(_ name: String) throws(TikTokError) -> String {
        guard let text = try id(name) else { throw .missing(name) }
        return text
    }

    /// A number (JSON number, or numeric text in textual parameters), with the text it was written with.
    func number(_ name: String) throws(TikTokError) -> (value: Double, text: String)? {
        guard let value = raw(name) else { return nil }
        switch value {
        case .number(let text):
            guard let double = Double(text), double.isFinite else { throw .invalid(name, "Not a valid number.") }
            return (double, text)
        case .string(let text) where textual || Self.isNumeric(text):
            guard let double = Double(text), double.isFinite, Self.isNumeric(text) else {
                throw .invalid(name, "Not a valid number.")
            }
            return (double, text)
        default:
            throw .invalid(name, "Not a valid number.")
        }
    }

    /// A whole number (JSON number or digits).
    func int(_ name: String) throws(TikTokError) -> Int? {
        guard let value = raw(name) else { return nil }
        switch value {
        case .number(let text):
            if let int = Int(text) { return int }
            if let double = Double(text), double.rounded() == double, abs(double) < 1e15 { return Int(double) }
            throw .invalid(name, "Not a valid integer.")
        case .string(let text):
            guard let int = Int(text) else { throw .invalid(name, "Not a valid integer.") }
            return int
        default:
            throw .invalid(name, "Not a valid integer.")
        }
    }

    /// A Boolean: JSON `true`/`false`, or `true`/`false`/`True`/`False` in textual parameters (Python sends the
    /// capitalised form).
    func bool(_ name: String) throws(TikTokError) -> Bool? {
        guard let value = raw(name) else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .string(let text) where textual:
            switch text {
            case "true", "True", "TRUE", "1": return true
            case "false", "False", "FALSE", "0": return false
            default: throw .invalid(name, "Not a valid boolean.")
            }
        default: throw .invalid(name, "Not a valid boolean.")
        }
    }

    /// One of a fixed set of strings.
    func enumValue(_ name: String, _ allowed: [String]) throws(TikTokError) -> String? {
        guard let text = try string(name) else { return nil }
        guard allowed.contains(text) else { throw Self.enumError(name, allowed) }
        return text
    }

    /// A required enum value.
    func requiredEnum(_ name: String, _ allowed: [String]) throws(TikTokError) -> String {
        guard let text = try enumValue(name, allowed) else { throw .missing(name) }
        return text
    }

    /// The 40002 for a value outside an enum.
    static func enumError(_ name: String, _ allowed: [String]) -> TikTokError {
        .invalid(name, "Must be one of: " + allowed.joined(separator: ", ") + ".")
    }

    // MARK: - Lists and objects

    /// A list; textual parameters carry it as JSON text.
    func list(_ name: String) throws(TikTokError) -> [MockJSON]? {
        guard let value = raw(name) else { return nil }
        switch value {
        case .array(let elements): return elements
        case .string(let text) where textual:
            guard let parsed = MockJSON.parse(text), case .array(let elements) = parsed else {
                throw .invalid(name, "Not a valid list. Send a JSON array, e.g. [\"a\",\"b\"].")
            }
            return elements
        default: throw .invalid(name, "Not a valid list.")
        }
    }

    /// A list of strings (ids may be given as numbers).
    func stringList(_ name: String) throws(TikTokError) -> [String]? {
        guard let elements = try list(name) else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for element in elements {
            switch element {
            case .string(let text): strings.append(text)
            case .number(let text): strings.append(text)
            default: throw .invalid(name, "Not a valid list of strings.")
            }
        }
        return strings
    }

    /// A required, non-empty list of strings of at most `maximum` elements.
    func requiredStringList(_ name: String, maximum: Int) throws(TikTokError) -> [String] {
        guard let strings = try stringList(name) else { throw .missing(name) }
        guard !strings.isEmpty, strings.count <= maximum else {
            throw .invalid(name, "Length must be between 1 and \(maximum).")
        }
        return strings
    }

    /// A list of enum values.
    func enumList(_ name: String, _ allowed: [String]) throws(TikTokError) -> [String]? {
        guard let strings = try stringList(name) else { return nil }
        for string in strings where !allowed.contains(string) {
            throw .invalid(name, "Must be one of: " + allowed.joined(separator: ", ") + ".")
        }
        return strings
    }

    /// An object; textual parameters carry it as JSON text.
    func object(_ name: String) throws(TikTokError) -> [(String, MockJSON)]? {
        guard let value = raw(name) else { return nil }
        switch value {
        case .object(let members): return members
        case .string(let text) where textual:
            guard let parsed = MockJSON.parse(text), case .object(let members) = parsed else {
                throw .invalid(name, "Not a valid JSON object.")
            }
            return members
        default: throw .invalid(name, "Not a valid JSON object.")
        }
    }

    // MARK: - Common fields

    /// The required `advertiser_id`.
    func advertiserID() throws(TikTokError) -> String { try requiredID("advertiser_id") }

    /// `page` (default 1) and `page_size` (default 10, at most 1000).
    func paging() throws(TikTokError) -> (page: Int, size: Int) {
        let page = try int("page") ?? 1
        guard page >= 1, page <= 99_999 else { throw .invalid("page", "Must be between 1 and 99999.") }
        let size = try int("page_size") ?? 10
        guard size >= 1, size <= 1000 else { throw .invalid("page_size", "Must be between 1 and 1000.") }
        return (page, size)
    }

    private static func isNumeric(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy {
                ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
                    || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "+")
            }
    }
}
