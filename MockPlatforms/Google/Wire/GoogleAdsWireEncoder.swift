import Foundation

/// Writes the proto3 JSON the REST handlers answer with as a Google Ads protobuf message, driven by
/// ``GoogleAdsSchema``: the inverse of ``GoogleAdsWireDecoder``.
///
/// Every member must be a field of the message, so a response the schema cannot express fails loudly here rather
/// than reaching a client with a field missing.
struct GoogleAdsWireEncoder {
    /// The schema the messages are written with.
    let schema: GoogleAdsSchema

    /// Writes a message of a schema type (`services.MutateCampaignsResponse`).
    func encode(_ json: MockJSON, as messageName: String) throws(ProtobufWireError) -> [UInt8] {
        var writer = ProtobufWireWriter()
        try encode(json, as: messageName, depth: 0, into: &writer)
        return writer.bytes
    }

    private func encode(
        _ json: MockJSON, as messageName: String, depth: Int, into writer: inout ProtobufWireWriter
    ) throws(ProtobufWireError) {
        guard depth < GoogleAdsWireDecoder.maximumDepth else {
            throw ProtobufWireError("messages nested more than \(GoogleAdsWireDecoder.maximumDepth) deep")
        }
        guard let message = schema.message(messageName) else {
            throw ProtobufWireError("the emulator has no schema for \(messageName)")
        }
        guard case .object(let members) = json else {
            throw ProtobufWireError("expected an object for \(messageName)")
        }
        for (name, value) in members {
            if case .null = value { continue }
            guard let field = message.field(name) else {
                throw ProtobufWireError("\(messageName) has no field \"\(name)\"")
            }
            guard field.repeated else {
                do throws(ProtobufWireError) {
                    try write(value, of: field, depth: depth, into: &writer)
                } catch {
                    throw error.at(field.protoName)
                }
                continue
            }
            guard case .array(let elements) = value else {
                throw ProtobufWireError("expected an array").at(field.protoName)
            }
            var packed = ProtobufWireWriter()
            for (position, element) in elements.enumerated() {
                do throws(ProtobufWireError) {
                    if GoogleAdsWireDecoder.isPackable(field.kind) {
                        try writeScalar(element, of: field, into: &packed)
                    } else {
                        try write(element, of: field, depth: depth, into: &writer)
                    }
                } catch {
                    throw error.at("\(field.protoName)[\(position)]")
                }
            }
            if !packed.bytes.isEmpty {
                writer.writeTag(field.number, .lengthDelimited)
                writer.writeLengthDelimited(packed.bytes)
            }
        }
    }

    /// Writes one value of a field, with its tag.
    private func write(
        _ value: MockJSON, of field: GoogleAdsSchema.Field, depth: Int, into writer: inout ProtobufWireWriter
    ) throws(ProtobufWireError) {
        guard GoogleAdsWireDecoder.isLengthDelimitedMessage(field) else {
            writer.writeTag(field.number, GoogleAdsWireDecoder.wireType(of: field))
            try writeScalar(value, of: field, into: &writer)
            return
        }
        var nested = ProtobufWireWriter()
        switch (field.kind, field.wellKnownType) {
        case (.message(let name), _):
            try encode(value, as: name, depth: depth + 1, into: &nested)
        case (.string, ProtobufWellKnownTypes.fieldMask?):
            guard case .string(let text) = value else { throw ProtobufWireError("expected a field mask") }
            for fieldPath in ProtobufWellKnownTypes.fieldMaskPaths(text) {
                nested.writeTag(1, .lengthDelimited)
                nested.writeLengthDelimited(Array(fieldPath.utf8))
            }
        case (.string, ProtobufWellKnownTypes.duration?):
            guard let (seconds, nanos) = value.string.flatMap(ProtobufWellKnownTypes.duration) else {
                throw ProtobufWireError("\(value.serialized) is not a google.protobuf.Duration")
            }
            if seconds != 0 {
                nested.writeTag(1, .varint)
                nested.writeVarint(UInt64(bitPattern: seconds))
            }
            if nanos != 0 {
                nested.writeTag(2, .varint)
                nested.writeVarint(UInt64(bitPattern: Int64(nanos)))
            }
        case (.any, ProtobufWellKnownTypes.any?):
            guard case .object(let members) = value, let typeURL = value["@type"]?.string else {
                throw ProtobufWireError("an Any needs an \"@type\"")
            }
            let name = ProtobufWellKnownTypes.schemaName(ofTypeURL: typeURL)
            var payload = ProtobufWireWriter()
            try encode(.object(members.filter { $0.0 != "@type" }), as: name, depth: depth + 1, into: &payload)
            nested.writeTag(1, .lengthDelimited)
            nested.writeLengthDelimited(Array(typeURL.utf8))
            nested.writeTag(2, .lengthDelimited)
            nested.writeLengthDelimited(payload.bytes)
        default:
            throw ProtobufWireError("the emulator cannot write this field (it does not serve it)")
        }
        writer.writeTag(field.number, .lengthDelimited)
        writer.writeLengthDelimited(nested.bytes)
    }

    /// Writes a scalar value, without its tag.
    private func writeScalar(
        _ value: MockJSON, of field: GoogleAdsSchema.Field, into writer: inout ProtobufWireWriter
    ) throws(ProtobufWireError) {
        func invalid() -> ProtobufWireError {
            ProtobufWireError("\(value.serialized) is not \(GoogleAdsWireDecoder.kindName(field.kind, article: true))")
        }
        switch field.kind {
        case .string:
            guard case .string(let text) = value else { throw invalid() }
            writer.writeLengthDelimited(Array(text.utf8))
        case .bytes:
            guard let text = value.string, let data = Self.base64(text) else { throw invalid() }
            writer.writeLengthDelimited(Array(data))
        case .bool:
            guard let flag = value.bool else { throw invalid() }
            writer.writeVarint(flag ? 1 : 0)
        case .float:
            guard let number = Self.double(value) else { throw invalid() }
            writer.writeFixed32(Float(number).bitPattern)
        case .double:
            guard let number = Self.double(value) else { throw invalid() }
            writer.writeFixed64(number.bitPattern)
        case .enumeration(let name):
            let number: Int?
            if case .string(let text) = value {
                number = schema.enums[name]?.numbers[text]
            } else {
                number = value.int64.flatMap { Int32(exactly: $0) }.map(Int.init)
            }
            guard let number else { throw invalid() }
            writer.writeVarint(UInt64(bitPattern: Int64(number)))
        case .int32, .int64:
            guard let number = value.text.flatMap({ Int64($0) }) ?? value.int64,
                field.kind == .int64 || Int32(exactly: number) != nil
            else { throw invalid() }
            switch field.encoding {
            case .varint: writer.writeVarint(UInt64(bitPattern: number))
            case .zigzag: writer.writeVarint(UInt64(bitPattern: (number << 1) ^ (number >> 63)))
            case .fixed:
                if field.kind == .int32 {
                    writer.writeFixed32(UInt32(bitPattern: Int32(truncatingIfNeeded: number)))
                } else {
                    writer.writeFixed64(UInt64(bitPattern: number))
                }
            }
        case .uint32, .uint64:
            guard let number = value.text.flatMap({ UInt64($0) }),
                field.kind == .uint64 || UInt32(exactly: number) != nil
            else { throw invalid() }
            switch (field.encoding, field.kind) {
            case (.fixed, .uint32): writer.writeFixed32(UInt32(truncatingIfNeeded: number))
            case (.fixed, _): writer.writeFixed64(number)
            default: writer.writeVarint(number)
            }
        case .message, .any:
            throw invalid()
        }
    }

    /// A JSON number, or one of proto3 JSON's non-finite strings.
    private static func double(_ value: MockJSON) -> Double? {
        switch value {
        case .number(let text): Double(text)
        case .string("NaN"): .nan
        case .string("Infinity"): .infinity
        case .string("-Infinity"): -.infinity
        case .string(let text): Double(text)
        default: nil
        }
    }

    /// Standard or URL-safe base64, with or without padding, as proto3 JSON accepts.
    private static func base64(_ text: String) -> Data? {
        var normalized = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while normalized.count % 4 != 0 { normalized += "=" }
        return Data(base64Encoded: normalized)
    }
}
