import Foundation

/// The messages and enums of the Google Ads v23 API that the emulator checks request bodies and GAQL field names
/// against, and reads and writes the gRPC wire format with, parsed once from ``GoogleAdsSchemaData``.
///
/// The real REST gateway rejects unknown field names, wrong JSON types and unknown enum names before the API sees a
/// request; knowing the official schema lets the emulator do the same, lets GAQL recognise exactly the fields a
/// resource has, and lets the gRPC face turn protobuf messages into proto3 JSON and back.
struct GoogleAdsSchema: Sendable {
    /// A field's type.
    enum Kind: Sendable, Hashable {
        case string, bytes, bool, int32, uint32, int64, uint64, float, double
        /// An enum, by schema name (`enums.CampaignStatusEnum.CampaignStatus`).
        case enumeration(String)
        /// A message, by schema name (`resources.Campaign`).
        case message(String)
        /// Any JSON (well-known `Struct`-like types and operations the emulator does not serve).
        case any
    }

    /// How an integer field is laid out on the wire.
    enum IntegerEncoding: Sendable, Hashable {
        /// A varint (`int32`, `int64`, `uint32`, `uint64`, enums, `bool`).
        case varint
        /// A zigzag varint (`sint32`, `sint64`).
        case zigzag
        /// Four or eight little-endian bytes (`fixed32`, `sfixed32`, `fixed64`, `sfixed64`).
        case fixed
    }

    /// One field of a message.
    struct Field: Sendable, Hashable {
        /// The proto name, `amount_micros`: GAQL and error locations use it.
        var protoName: String
        /// The proto3 JSON name, `amountMicros`.
        var jsonName: String
        /// The type.
        var kind: Kind
        /// Whether it is repeated.
        var repeated: Bool
        /// The real oneof it belongs to, if any.
        var oneof: String?
        /// The proto field number, which names the field on the wire.
        var number: Int = 0
        /// The wire layout of an integer field.
        var encoding: IntegerEncoding = .varint
        /// The well-known type behind a `string` or `any` field (`google.protobuf.FieldMask`, `google.protobuf.Any`).
        var wellKnownType: String?
    }

    /// One message.
    struct Message: Sendable {
        /// The schema name.
        var name: String
        /// Fields in declaration order.
        var fields: [Field] = []
        /// Field indices by proto and by JSON name (the gateway accepts both spellings).
        var index: [String: Int] = [:]
        /// Field indices by field number.
        var numbers: [Int: Int] = [:]

        /// A field by proto or JSON name.
        func field(_ name: String) -> Field? { index[name].map { fields[$0] } }

        /// A field by its number on the wire.
        func field(number: Int) -> Field? { numbers[number].map { fields[$0] } }
    }

    /// One enum.
    struct Enumeration: Sendable {
        /// The schema name.
        var name: String
        /// Numbers by value name.
        var numbers: [String: Int] = [:]
        /// Value names by number.
        var names: [Int: String] = [:]
    }

    /// Messages by schema name.
    let messages: [String: Message]
    /// Enums by schema name.
    let enums: [String: Enumeration]

    /// The v23 schema every emulated version is checked against (the REST layout is the same across versions).
    static let v23 = GoogleAdsSchema(text: GoogleAdsSchemaData.text)

    /// Parses the schema text.
    ///
    /// It works on the UTF-8 bytes: the text is about 225 KB, and parsing it through `String.split` took tens of
    /// milliseconds, which the first Google Ads request (and the start of the gRPC face) used to wait for.
    init(text: String) {
        var text = text
        (messages, enums) = text.withUTF8 { Self.parse($0) }
    }

    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>
    ) -> (messages: [String: Message], enums: [String: Enumeration]) {
        var messages: [String: Message] = [:]
        var enums: [String: Enumeration] = [:]
        var message: Message?
        var enumeration: Enumeration?
        func flush() {
            if let done = message { messages[done.name] = done }
            if let done = enumeration { enums[done.name] = done }
            message = nil
            enumeration = nil
        }
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        var tokens: [Range<Int>] = []
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            tokens.removeAll(keepingCapacity: true)
            var position = lineStart
            while position < lineEnd {
                while position < lineEnd, bytes[position] == UInt8(ascii: " ") { position += 1 }
                let start = position
                while position < lineEnd, bytes[position] != UInt8(ascii: " ") { position += 1 }
                if start < position { tokens.append(start..<position) }
            }
            lineStart = lineEnd + 1
            guard let head = tokens.first else { continue }
            let marker = head.count == 1 ? bytes[head.lowerBound] : 0
            if marker == UInt8(ascii: "M"), tokens.count > 1 {
                flush()
                message = Message(name: string(tokens[1]))
            } else if marker == UInt8(ascii: "E"), tokens.count > 1 {
                flush()
                enumeration = Enumeration(name: expand(string(tokens[1])))
            } else if enumeration != nil {
                for token in tokens {
                    guard let equals = token.firstIndex(where: { bytes[$0] == UInt8(ascii: "=") }),
                        let number = Int(string(equals + 1..<token.upperBound))
                    else { continue }
                    let name = string(token.lowerBound..<equals)
                    enumeration?.numbers[name] = number
                    if enumeration?.names[number] == nil { enumeration?.names[number] = name }
                }
            } else if message != nil, tokens.count >= 2 {
                let field = Self.field(tokens, string)
                let position = message?.fields.count ?? 0
                message?.index[field.protoName] = position
                message?.index[field.jsonName] = position
                message?.numbers[field.number] = position
                message?.fields.append(field)
            }
        }
        flush()
        return (messages, enums)
    }

    /// One field line: `<proto_name> <kind>[*] [<type>] [@<oneof>] #<number>`.
    private static func field(_ tokens: [Range<Int>], _ string: (Range<Int>) -> String) -> Field {
        let protoName = string(tokens[0])
        var kindText = string(tokens[1])
        let repeated = kindText.hasSuffix("*")
        if repeated { kindText.removeLast() }
        var reference: String?
        var oneof: String?
        var number = 0
        for token in tokens.dropFirst(2) {
            let text = string(token)
            if text.hasPrefix("@") {
                oneof = String(text.dropFirst())
            } else if text.hasPrefix("#") {
                number = Int(text.dropFirst()) ?? 0
            } else {
                reference = expand(text)
            }
        }
        var encoding = IntegerEncoding.varint
        let kind: Kind
        switch kindText {
        case "s": kind = .string
        case "y": kind = .bytes
        case "b": kind = .bool
        case "i32": kind = .int32
        case "si32": (kind, encoding) = (.int32, .zigzag)
        case "sf32": (kind, encoding) = (.int32, .fixed)
        case "u32": kind = .uint32
        case "f32": (kind, encoding) = (.uint32, .fixed)
        case "i64": kind = .int64
        case "si64": (kind, encoding) = (.int64, .zigzag)
        case "sf64": (kind, encoding) = (.int64, .fixed)
        case "u64": kind = .uint64
        case "f64": (kind, encoding) = (.uint64, .fixed)
        case "f": kind = .float
        case "d": kind = .double
        case "e": kind = .enumeration(reference ?? "")
        case "m": kind = .message(reference ?? "")
        default: kind = .any
        }
        let wellKnownType: String? =
            switch kind {
            case .string, .any: reference
            default: nil
            }
        return Field(
            protoName: protoName, jsonName: camelCase(protoName), kind: kind, repeated: repeated, oneof: oneof,
            number: number, encoding: encoding, wellKnownType: wellKnownType)
    }

    /// A message by schema name.
    func message(_ name: String) -> Message? { messages[name] }

    /// Follows a GAQL path of proto names (`network_settings.target_google_search`) from a message; `nil` when a
    /// name does not exist. Repeated messages may only end a path, as in GAQL.
    func resolve(_ path: [Substring], from messageName: String) -> [Field]? {
        var fields: [Field] = []
        var current = messageName
        for (position, name) in path.enumerated() {
            guard let message = messages[current], let index = message.index[String(name)] else { return nil }
            let field = message.fields[index]
            guard field.protoName == name else { return nil }
            fields.append(field)
            if position < path.count - 1 {
                guard case .message(let next) = field.kind, !field.repeated else { return nil }
                current = next
            }
        }
        return fields
    }

    /// `amount_micros` → `amountMicros`, as proto3 JSON names fields.
    static func camelCase(_ protoName: String) -> String {
        guard protoName.utf8.contains(UInt8(ascii: "_")) else { return protoName }
        var result: [UInt8] = []
        result.reserveCapacity(protoName.utf8.count)
        var upper = false
        for byte in protoName.utf8 {
            if byte == UInt8(ascii: "_") {
                upper = true
            } else if upper {
                // Proto names are ASCII: a lower-case letter loses its 0x20 bit.
                result.append((UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 0x20 : byte)
                upper = false
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `campaignBudget` → `campaign_budget`: the inverse of ``camelCase(_:)``.
    static func snakeCase(_ jsonName: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(jsonName.utf8.count + 4)
        for character in jsonName {
            if character.isUppercase, !result.isEmpty { result += "_" }
            result += character.lowercased()
        }
        return result
    }

    /// `%Foo` → `enums.FooEnum.Foo`.
    private static func expand(_ reference: String) -> String {
        guard reference.hasPrefix("%") else { return reference }
        let name = reference.dropFirst()
        return "enums.\(name)Enum.\(name)"
    }
}
