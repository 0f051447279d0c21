import Foundation

/// One entry of a batch body (`{"campaigns":[{…}, …]}`), read field by field with Snap's validation: every read
/// either returns a well-typed value or throws the `E2002` error naming the field.
///
/// `null` counts as absent, as it does for Snap's JSON binding.
struct SnapchatItem {
    /// The entry, an object.
    let json: MockJSON

    /// Wraps an entry; anything but an object is rejected.
    init(_ json: MockJSON) throws(SnapchatError) {
        guard json.members != nil else { throw .invalid("Each entry of the array must be a JSON object") }
        self.json = json
    }

    private func value(_ key: String) -> MockJSON? {
        guard let value = json[key] else { return nil }
        if case .null = value { return nil }
        return value
    }

    /// Whether a field is present and not `null`.
    func has(_ key: String) -> Bool { value(key) != nil }

    /// An optional string field.
    func string(_ key: String, maxLength: Int? = nil) throws(SnapchatError) -> String? {
        guard let raw = value(key) else { return nil }
        guard let text = raw.string else { throw .invalid("\(key) must be a string") }
        // Counting characters walks grapheme clusters; a UTF-8 length within the limit already proves it fits.
        if let maxLength, text.utf8.count > maxLength, text.count > maxLength {
            throw .invalid("\(key) must be at most \(maxLength) characters (got \(text.count))")
        }
        return text
    }

    /// A required string field; blank counts as missing.
    func requiredString(_ key: String, maxLength: Int? = nil) throws(SnapchatError) -> String {
        guard let text = try string(key, maxLength: maxLength) else { throw .invalid("\(key) is required") }
        guard text.contains(where: { !$0.isWhitespace }) else { throw .invalid("\(key) must not be empty") }
        return text
    }

    /// An optional string field that must be one of a fixed set.
    func enumeration(_ key: String, _ allowed: [String]) throws(SnapchatError) -> String? {
        guard let text = try string(key) else { return nil }
        guard allowed.contains(text) else {
            throw .invalid("Invalid value '\(text)' for \(key); expected one of \(allowed.joined(separator: ", "))")
        }
        return text
    }

    /// A required string field that must be one of a fixed set.
    func requiredEnumeration(_ key: String, _ allowed: [String]) throws(SnapchatError) -> String {
        guard let text = try enumeration(key, allowed) else { throw .invalid("\(key) is required") }
        return text
    }

    /// A whole-number field (a JSON number, or a string of digits as Snap's Java binding accepts).
    func integer(_ key: String) throws(SnapchatError) -> Int64? {
        guard let raw = value(key) else { return nil }
        switch raw {
        case .number, .string:
            guard let number = raw.int64 else { throw .invalid("\(key) must be a whole number") }
            return number
        default:
            throw .invalid("\(key) must be a whole number")
        }
    }

    /// A Boolean field.
    func boolean(_ key: String) throws(SnapchatError) -> Bool? {
        guard let raw = value(key) else { return nil }
        guard let flag = raw.bool else { throw .invalid("\(key) must be true or false") }
        return flag
    }

    /// An optional object field.
    func object(_ key: String) throws(SnapchatError) -> MockJSON? {
        guard let raw = value(key) else { return nil }
        guard raw.members != nil else { throw .invalid("\(key) must be an object") }
        return raw
    }

    /// A required object field.
    func requiredObject(_ key: String) throws(SnapchatError) -> MockJSON {
        guard let object = try object(key) else { throw .invalid("\(key) is required") }
        return object
    }

    /// An optional ISO 8601 timestamp field.
    func time(_ key: String) throws(SnapchatError) -> Date? {
        guard let text = try string(key) else { return nil }
        guard let date = SnapchatTime.parse(text) else {
            throw .invalid("\(key) must be an ISO 8601 timestamp such as 2026-12-01T00:00:00.000Z (got '\(text)')")
        }
        return date
    }

    /// A required ISO 8601 timestamp field.
    func requiredTime(_ key: String) throws(SnapchatError) -> Date {
        guard let date = try time(key) else { throw .invalid("\(key) is required") }
        return date
    }
}
