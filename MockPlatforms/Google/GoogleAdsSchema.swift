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
    init(text: String) {
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
        for rawLine in text.split(separator: "\n") {
            let tokens = rawLine.split(separator: " ")
            guard let head = tokens.first else { continue }
            if head == "M", tokens.count > 1 {
                flush()
                message = Message(name: String(tokens[1]))
            } else if head == "E", tokens.count > 1 {
                flush()
                enumeration = Enumeration(name: Self.expand(String(tokens[1])))
            } else if var current = enumeration {
                for token in tokens {
                    let parts = token.split(separator: "=")
                    guard parts.count == 2, let number = Int(parts[1]) else { continue }
                    current.numbers[String(parts[0])] = number
                    if current.names[number] == nil { current.names[number] = String(parts[0]) }
                }
                enumeration = current
            } else if var current = message, tokens.count >= 2 {
                let protoName = String(tokens[0])
                var kindText = Substring(tokens[1])
                let repeated = kindText.hasSuffix("*")
                if repeated { kindText = kindText.dropLast() }
                var reference: String?
                var oneof: String?
                var number = 0
                for token in tokens.dropFirst(2) {
                    if token.hasPrefix("@") {
                        oneof = String(token.dropFirst())
                    } else if token.hasPrefix("#") {
                        number = Int(token.dropFirst()) ?? 0
                    } else {
                        reference = Self.expand(String(token))
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
                let field = Field(
                    protoName: protoName, jsonName: Self.camelCase(protoName), kind: kind, repeated: repeated,
                    oneof: oneof, number: number, encoding: encoding, wellKnownType: wellKnownType)
                current.index[field.protoName] = current.fields.count
                current.index[field.jsonName] = current.fields.count
                current.numbers[number] = current.fields.count
                current.fields.append(field)
                message = current
            }
        }
        flush()
        self.messages = messages
        self.enums = enums
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
        guard protoName.contains("_") else { return protoName }
        var result = ""
        result.reserveCapacity(protoName.count)
        var upper = false
        for character in protoName {
            if character == "_" {
                upper = true
            } else if upper {
                result += character.uppercased()
                upper = false
            } else {
                result.append(character)
            }
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
