import Foundation

/// Reads a Google Ads protobuf message into the proto3 JSON the REST handlers take, driven by ``GoogleAdsSchema``:
/// camelCase names, int64s as strings, enums by name, bytes as base64, field masks and durations as strings.
///
/// It follows protobuf's parsing rules: unknown fields are skipped, the last value of a singular field wins,
/// repeated occurrences of a singular message merge, setting one member of a oneof clears the others, and repeated
/// numbers may come packed or not.
struct GoogleAdsWireDecoder {
    /// The schema the messages are read with.
    let schema: GoogleAdsSchema

    /// Messages nested deeper than this are refused, so a hostile message cannot exhaust the stack.
    static let maximumDepth = 64

    /// Reads a message of a schema type (`services.MutateCampaignsRequest`).
    func decode(_ bytes: ArraySlice<UInt8>, as messageName: String) throws(ProtobufWireError) -> MockJSON {
        try decode(bytes, as: messageName, depth: 0)
    }

    private func decode(
        _ bytes: ArraySlice<UInt8>, as messageName: String, depth: Int
    ) throws(ProtobufWireError) -> MockJSON {
        guard depth < Self.maximumDepth else {
            throw ProtobufWireError("messages nested more than \(Self.maximumDepth) deep")
        }
        guard let message = schema.message(messageName) else {
            throw ProtobufWireError("the emulator has no schema for \(messageName)")
        }
        var reader = ProtobufWireReader(bytes)
        var values: [Int: [MockJSON]] = [:]
        // Occurrences of a singular message field are concatenated and read once, which is protobuf's merge.
        var singularBytes: [Int: [UInt8]] = [:]
        var oneofMembers: [String: Int] = [:]
        while !reader.isAtEnd {
            let tag = try reader.readTag()
            guard let index = message.numbers[tag.number] else {
                try reader.skip(tag.wireType, number: tag.number)
                continue
            }
            let field = message.fields[index]
            let element = field.repeated ? "\(field.protoName)[\(values[index]?.count ?? 0)]" : field.protoName
            if let oneof = field.oneof {
                if let previous = oneofMembers[oneof], previous != index {
                    values[previous] = nil
                    singularBytes[previous] = nil
                }
                oneofMembers[oneof] = index
            }
            do throws(ProtobufWireError) {
                if Self.isLengthDelimitedMessage(field) {
                    guard tag.wireType == .lengthDelimited else { throw Self.wrongWireType(tag.wireType, field) }
                    let slice = try reader.readLengthDelimited()
                    if field.repeated {
                        values[index, default: []].append(try value(ofMessage: slice, field: field, depth: depth))
                    } else {
                        singularBytes[index, default: []].append(contentsOf: slice)
                    }
                } else if field.repeated, tag.wireType == .lengthDelimited, Self.isPackable(field.kind) {
                    var packed = ProtobufWireReader(try reader.readLengthDelimited())
                    while !packed.isAtEnd {
                        values[index, default: []].append(try scalar(field, reading: Self.wireType(of: field), &packed))
                    }
                } else {
                    let element = try scalar(field, reading: tag.wireType, &reader)
                    if field.repeated {
                        values[index, default: []].append(element)
                    } else {
                        values[index] = [element]
                    }
                }
            } catch {
                throw error.at(element)
            }
        }
        var members: [(String, MockJSON)] = []
        for (index, field) in message.fields.enumerated() {
            if let merged = singularBytes[index] {
                do throws(ProtobufWireError) {
                    members.append((field.jsonName, try value(ofMessage: merged[...], field: field, depth: depth)))
                } catch {
                    throw error.at(field.protoName)
                }
            } else if let found = values[index] {
                members.append((field.jsonName, field.repeated ? .array(found) : found[found.count - 1]))
            }
        }
        return .object(members)
    }

    /// A message-typed value: a schema message, a well-known type written as a string, an `Any`, or an opaque
    /// member the emulator does not serve (kept as `{}` so the REST handler can refuse it by name).
    private func value(
        ofMessage bytes: ArraySlice<UInt8>, field: GoogleAdsSchema.Field, depth: Int
    ) throws(ProtobufWireError) -> MockJSON {
        switch (field.kind, field.wellKnownType) {
        case (.message(let name), _): return try decode(bytes, as: name, depth: depth + 1)
        case (.string, ProtobufWellKnownTypes.fieldMask?):
            let paths = try Self.fields(of: bytes).compactMap { number, value -> String? in
                guard number == 1, case .bytes(let text) = value else { return nil }
                return String(decoding: text, as: UTF8.self)
            }
            return .string(ProtobufWellKnownTypes.fieldMaskJSON(paths))
        case (.string, ProtobufWellKnownTypes.duration?):
            var seconds: Int64 = 0
            var nanos: Int32 = 0
            for (number, value) in try Self.fields(of: bytes) {
                guard case .varint(let raw) = value else { continue }
                if number == 1 { seconds = Int64(bitPattern: raw) }
                if number == 2 { nanos = Int32(truncatingIfNeeded: raw) }
            }
            return .string(ProtobufWellKnownTypes.durationJSON(seconds: seconds, nanos: nanos))
        case (.any, ProtobufWellKnownTypes.any?):
            var typeURL = ""
            var payload: ArraySlice<UInt8> = []
            for (number, value) in try Self.fields(of: bytes) {
                guard case .bytes(let data) = value else { continue }
                if number == 1 { typeURL = String(decoding: data, as: UTF8.self) }
                if number == 2 { payload = data }
            }
            let name = ProtobufWellKnownTypes.schemaName(ofTypeURL: typeURL)
            guard schema.message(name) != nil,
                case .object(let members) = try decode(payload, as: name, depth: depth + 1)
            else { return .object([("@type", .string(typeURL))]) }
            return .object([("@type", .string(typeURL))] + members)
        default:
            return .object([])
        }
    }

    /// Reads one scalar of a field.
    private func scalar(
        _ field: GoogleAdsSchema.Field, reading wireType: ProtobufWireReader.WireType,
        _ reader: inout ProtobufWireReader
    ) throws(ProtobufWireError) -> MockJSON {
        let expected = Self.wireType(of: field)
        guard wireType == expected else { throw Self.wrongWireType(wireType, field) }
        switch field.kind {
        case .string:
            let bytes = try reader.readLengthDelimited()
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ProtobufWireError("a string that is not valid UTF-8")
            }
            return .string(text)
        case .bytes: return .string(Data(try reader.readLengthDelimited()).base64EncodedString())
        case .float:
            return Self.number(Double(Float(bitPattern: try reader.readFixed32())), shortest: true)
        case .double: return Self.number(Double(bitPattern: try reader.readFixed64()), shortest: false)
        default: break
        }
        let raw: UInt64
        switch wireType {
        case .fixed32: raw = UInt64(try reader.readFixed32())
        case .fixed64: raw = try reader.readFixed64()
        default: raw = try reader.readVarint()
        }
        switch field.kind {
        case .bool: return .bool(raw != 0)
        case .int32:
            let value: Int32 =
                switch field.encoding {
                case .varint: Int32(truncatingIfNeeded: raw)
                case .zigzag: Int32(truncatingIfNeeded: Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
                case .fixed: Int32(bitPattern: UInt32(truncatingIfNeeded: raw))
                }
            return .int(Int(value))
        case .uint32: return .number(String(UInt32(truncatingIfNeeded: raw)))
        case .int64:
            let value =
                field.encoding == .zigzag
                ? Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1) : Int64(bitPattern: raw)
            return .string(String(value))
        case .uint64: return .string(String(raw))
        case .enumeration(let name):
            let number = Int(Int32(truncatingIfNeeded: raw))
            return schema.enums[name]?.names[number].map(MockJSON.string) ?? .int(number)
        default: return .int(Int(truncatingIfNeeded: raw))
        }
    }

    /// A number as proto3 JSON writes it: non-finite values as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`.
    private static func number(_ value: Double, shortest: Bool) -> MockJSON {
        guard value.isFinite else { return .string(value.isNaN ? "NaN" : value < 0 ? "-Infinity" : "Infinity") }
        return shortest ? .number(String(Float(value))) : .double(value)
    }

    /// A raw field value, for the small well-known messages read without a schema.
    private enum RawValue {
        case varint(UInt64)
        case bytes(ArraySlice<UInt8>)
    }

    /// The fields of a small message, in order, without a schema (fixed-width values are skipped).
    private static func fields(of bytes: ArraySlice<UInt8>) throws(ProtobufWireError) -> [(Int, RawValue)] {
        var reader = ProtobufWireReader(bytes)
        var result: [(Int, RawValue)] = []
        while !reader.isAtEnd {
            let tag = try reader.readTag()
            switch tag.wireType {
            case .varint: result.append((tag.number, .varint(try reader.readVarint())))
            case .lengthDelimited: result.append((tag.number, .bytes(try reader.readLengthDelimited())))
            default: try reader.skip(tag.wireType, number: tag.number)
            }
        }
        return result
    }

    /// Whether a field's values are length-delimited messages (including well-known types and opaque members).
    static func isLengthDelimitedMessage(_ field: GoogleAdsSchema.Field) -> Bool {
        switch field.kind {
        case .message, .any: true
        case .string: field.wellKnownType != nil
        default: false
        }
    }

    /// Whether repeated values of a kind may be packed.
    static func isPackable(_ kind: GoogleAdsSchema.Kind) -> Bool {
        switch kind {
        case .string, .bytes, .message, .any: false
        default: true
        }
    }

    /// The wire type a scalar field's values use.
    static func wireType(of field: GoogleAdsSchema.Field) -> ProtobufWireReader.WireType {
        switch field.kind {
        case .string, .bytes, .message, .any: .lengthDelimited
        case .float: .fixed32
        case .double: .fixed64
        case .int32, .uint32: field.encoding == .fixed ? .fixed32 : .varint
        case .int64, .uint64: field.encoding == .fixed ? .fixed64 : .varint
        case .bool, .enumeration: .varint
        }
    }

    private static func wrongWireType(
        _ wireType: ProtobufWireReader.WireType, _ field: GoogleAdsSchema.Field
    ) -> ProtobufWireError {
        ProtobufWireError(
            "wire type \(wireType.rawValue), but field \(field.number) is \(kindName(field.kind, article: true))")
    }

    /// A kind as the proto source names it, for error messages, with "a" or "an" in front when asked.
    static func kindName(_ kind: GoogleAdsSchema.Kind, article: Bool = false) -> String {
        let name = sourceName(kind)
        guard article else { return name }
        return (["a", "e", "i", "o", "u"].contains(name.prefix(1)) ? "an " : "a ") + name
    }

    private static func sourceName(_ kind: GoogleAdsSchema.Kind) -> String {
        switch kind {
        case .string: "string"
        case .bytes: "bytes"
        case .bool: "bool"
        case .int32: "int32"
        case .uint32: "uint32"
        case .int64: "int64"
        case .uint64: "uint64"
        case .float: "float"
        case .double: "double"
        case .enumeration(let name): "enum \(name)"
        case .message(let name): "message \(name)"
        case .any: "message"
        }
    }
}
