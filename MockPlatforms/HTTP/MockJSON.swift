import Foundation

/// A JSON value as the emulators read and write it.
///
/// The emulators deliberately share no parsing or encoding code with the platform modules (which use
/// `JSONValue` and `FormURLEncoding` from the core): if a codec had a bug, both sides would agree on it and
/// every test would still pass.
public enum MockJSON: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept as the text it was written with so nothing is lost (`50.10`, `120210000000000001`).
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([MockJSON])
    /// An object; member order is kept so responses read like the platform's.
    case object([(String, MockJSON)])

    /// A number from an integer.
    public static func int(_ value: Int64) -> MockJSON { .number(String(value)) }
    /// A number from an integer.
    public static func int(_ value: Int) -> MockJSON { .number(String(value)) }
    /// A number from a double, written without exponent where possible.
    public static func double(_ value: Double) -> MockJSON {
        value.rounded() == value && abs(value) < 1e15 ? .number(String(Int64(value))) : .number(String(value))
    }

    /// Equality that ignores object member order.
    public static func == (lhs: MockJSON, rhs: MockJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b || Double(a) == Double(b)
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && a.allSatisfy { key, value in b.first { $0.0 == key }?.1 == value }
        default: false
        }
    }

    /// Hashes by kind and scalar content.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .number(let value): hasher.combine(Double(value) ?? 0)
        case .string(let value): hasher.combine(value)
        case .array(let value): hasher.combine(value)
        case .object(let members): hasher.combine(members.count)
        }
    }

    /// A member of an object.
    public subscript(key: String) -> MockJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The string, or `nil`.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// A string, or a number's text: platforms accept ids both ways.
    public var text: String? {
        switch self {
        case .string(let value): value
        case .number(let value): value
        case .bool(let value): String(value)
        default: nil
        }
    }

    /// A whole number from a number or a string of digits.
    public var int64: Int64? {
        switch self {
        case .number(let value): Int64(value) ?? Double(value).flatMap { $0.rounded() == $0 ? Int64(exactly: $0) : nil }
        case .string(let value): Int64(value)
        default: nil
        }
    }

    /// The exact decimal of a number or numeric string.
    public var decimal: Decimal? {
        switch self {
        case .number(let value), .string(let value): Decimal(string: value, locale: Locale(identifier: "en_US_POSIX"))
        default: nil
        }
    }

    /// The elements, or `nil`.
    public var array: [MockJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, or `nil`.
    public var members: [(String, MockJSON)]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The Boolean, or `nil`.
    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// A copy with a member set (replacing any existing one in place).
    public func setting(_ key: String, _ value: MockJSON) -> MockJSON {
        guard case .object(var members) = self else { return .object([(key, value)]) }
        if let index = members.firstIndex(where: { $0.0 == key }) {
            members[index].1 = value
        } else {
            members.append((key, value))
        }
        return .object(members)
    }
}

extension MockJSON {
    /// Parses JSON text; `nil` when it is not JSON.
    public static func parse(_ data: Data) -> MockJSON? {
        var parser = MockJSONParser(bytes: [UInt8](data))
        return parser.parseDocument()
    }

    /// Parses JSON text; `nil` when it is not JSON.
    public static func parse(_ text: String) -> MockJSON? { parse(Data(text.utf8)) }

    /// Compact JSON text.
    public var serialized: String {
        var output = ""
        output.reserveCapacity(128)
        write(into: &output)
        return output
    }

    func write(into output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value): output += value
        case .string(let value): MockJSON.writeString(value, into: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.write(into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                MockJSON.writeString(member.0, into: &output)
                output += ":"
                member.1.write(into: &output)
            }
            output += "}"
        }
    }

    static func writeString(_ value: String, into output: inout String) {
        output += "\""
        // Most strings need no escaping: append them whole instead of scalar by scalar.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E }) {
            output += value
            output += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            default:
                if scalar.value < 0x20 {
                    output += String(format: "\\u%04x", scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}

/// A small recursive-descent JSON parser (RFC 8259) with a depth limit, so hostile bodies cannot exhaust the
/// stack.
struct MockJSONParser {
    let bytes: [UInt8]
    var index = 0
    var depth = 0
    static let maximumDepth = 64

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseDocument() -> MockJSON? {
        skipWhitespace()
        guard let value = parseValue() else { return nil }
        skipWhitespace()
        return index == bytes.count ? value : nil
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func parseValue() -> MockJSON? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"): return parseObject()
        case UInt8(ascii: "["): return parseArray()
        case UInt8(ascii: "\""): return parseString().map(MockJSON.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return parseNumber()
        }
    }

    private mutating func literal(_ word: String, _ value: MockJSON) -> MockJSON? {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else { return nil }
        index += utf8.count
        return value
    }

    private mutating func parseNumber() -> MockJSON? {
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let firstDigit = index
        var digits = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            index += 1
            digits += 1
        }
        // JSON forbids leading zeros: `0` and `0.5` are numbers, `01` is not.
        guard digits > 0, digits == 1 || bytes[firstDigit] != UInt8(ascii: "0") else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var fraction = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                index += 1
                fraction += 1
            }
            guard fraction > 0 else { return nil }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            var exponent = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                index += 1
                exponent += 1
            }
            guard exponent > 0 else { return nil }
        }
        return .number(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private mutating func parseString() -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush(_ end: Int, _ scalars: inout String.UnicodeScalarView) {
            if end > run {
                scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars)
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                // No escape so far (each appends a scalar): the bytes are the string, decoded once.
                if scalars.isEmpty { return String(decoding: bytes[run..<index], as: UTF8.self) }
                flush(index, &scalars)
                return String(scalars)
            }
            if byte < 0x20 { return nil }
            if byte == UInt8(ascii: "\\") {
                flush(index, &scalars)
                index += 1
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    guard var code = hex4() else { return nil }
                    if (0xD800...0xDBFF).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    {
                        index += 2
                        guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default: return nil
                }
                run = index
                continue
            }
            index += 1
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count,
            let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { return nil }
        index += 4
        return value
    }

    private mutating func parseArray() -> MockJSON? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { return nil }
        index += 1
        var elements: [MockJSON] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            guard let value = parseValue() else { return nil }
            elements.append(value)
            skipWhitespace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            } else {
                return nil
            }
        }
    }

    private mutating func parseObject() -> MockJSON? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { return nil }
        index += 1
        var members: [(String, MockJSON)] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard let key = parseString() else { return nil }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipWhitespace()
            guard let value = parseValue() else { return nil }
            members.append((key, value))
            skipWhitespace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            } else {
                return nil
            }
        }
    }
}
