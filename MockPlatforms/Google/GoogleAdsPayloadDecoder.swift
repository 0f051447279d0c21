import Foundation

/// Reads a request body as the REST gateway does: proto3 JSON checked against the official schema, accepting both
/// `camelCase` and `snake_case` names, int64s as strings or numbers and enums as names or numbers, and rewrites it in
/// canonical form (JSON names, int64s as strings, enums as names) so the emulator stores and returns exactly what
/// the API would.
struct GoogleAdsPayloadDecoder: Sendable {
    /// The schema to check against.
    var schema: GoogleAdsSchema = .v23
    /// The version called, for type URLs in messages.
    var version: String

    /// Decodes a body as a message; an empty body is the empty message, as the gateway treats it.
    func decodeBody(_ body: Data, as messageName: String) throws(GoogleAdsPayloadError) -> MockJSON {
        if body.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) { return .object([]) }
        guard let json = MockJSON.parse(body) else {
            throw GoogleAdsPayloadError(field: nil, description: "Invalid JSON payload received. Unexpected token.")
        }
        guard case .object = json else {
            throw GoogleAdsPayloadError(
                field: nil,
                description: "Invalid JSON payload received. Root element must be a message, got \(Self.render(json)).")
        }
        return try decode(json, message: messageName, path: "")
    }

    /// Decodes a JSON object as a message at a path (proto names, `operations[0].create`).
    func decode(_ value: MockJSON, message messageName: String, path: String) throws(GoogleAdsPayloadError) -> MockJSON
    {
        guard let message = schema.message(messageName), case .object(let members) = value else { return value }
        var output: [(String, MockJSON)] = []
        output.reserveCapacity(members.count)
        var oneofs: [String: String] = [:]
        for (key, member) in members {
            guard let field = message.field(key) else {
                throw GoogleAdsPayloadError(
                    field: path,
                    description:
                        "Invalid JSON payload received. Unknown name \"\(key)\"\(Self.at(path)): Cannot find field.")
            }
            if case .null = member { continue }
            if let oneof = field.oneof {
                if let other = oneofs[oneof], other != field.protoName {
                    throw GoogleAdsPayloadError(
                        field: path,
                        description:
                            "Invalid JSON payload received. Multiple values for oneof \"\(oneof)\"\(Self.at(path)): "
                            + "\"\(other)\" and \"\(field.protoName)\".")
                }
                oneofs[oneof] = field.protoName
            }
            let fieldPath = path.isEmpty ? field.protoName : "\(path).\(field.protoName)"
            let decoded: MockJSON
            if field.repeated {
                guard case .array(let elements) = member else {
                    throw GoogleAdsPayloadError(
                        field: fieldPath,
                        description: "Invalid value at '\(fieldPath)' (\(typeName(field.kind))), \(Self.render(member))"
                    )
                }
                var values: [MockJSON] = []
                values.reserveCapacity(elements.count)
                for (index, element) in elements.enumerated() {
                    values.append(
                        try decodeValue(element, field: field, key: key, parent: path, path: "\(fieldPath)[\(index)]"))
                }
                if values.isEmpty { continue }
                decoded = .array(values)
            } else {
                if case .array = member, field.kind != .any {
                    throw GoogleAdsPayloadError(
                        field: path,
                        description: "Invalid JSON payload received. Unknown name \"\(key)\"\(Self.at(path)): Proto "
                            + "field is not repeating, cannot start list.")
                }
                decoded = try decodeValue(member, field: field, key: key, parent: path, path: fieldPath)
            }
            if let existing = output.firstIndex(where: { $0.0 == field.jsonName }) {
                output[existing].1 = decoded
            } else {
                output.append((field.jsonName, decoded))
            }
        }
        return .object(output)
    }

    private func decodeValue(
        _ value: MockJSON, field: GoogleAdsSchema.Field, key: String, parent: String, path: String
    ) throws(GoogleAdsPayloadError) -> MockJSON {
        // Built only when thrown: it renders the value, and most values are valid.
        func invalid() -> GoogleAdsPayloadError {
            GoogleAdsPayloadError(
                field: path, description: "Invalid value at '\(path)' (\(typeName(field.kind))), \(Self.render(value))")
        }
        if case .object = value {
            switch field.kind {
            case .message, .any: break
            default:
                throw GoogleAdsPayloadError(
                    field: parent,
                    description: "Invalid JSON payload received. Unknown name \"\(key)\"\(Self.at(parent)): Starting "
                        + "an object on a scalar field.")
            }
        }
        switch field.kind {
        case .any:
            return value
        case .string:
            guard case .string = value else { throw invalid() }
            return value
        case .bytes:
            guard case .string(let text) = value, Self.isBase64(text) else { throw invalid() }
            return value
        case .bool:
            guard case .bool = value else { throw invalid() }
            return value
        case .int32, .uint32:
            guard let number = Self.integer(value), number >= (field.kind == .int32 ? Int64(Int32.min) : 0),
                number <= (field.kind == .int32 ? Int64(Int32.max) : Int64(UInt32.max))
            else { throw invalid() }
            return .int(number)
        case .int64:
            guard let number = Self.integer(value) else { throw invalid() }
            return .string(String(number))
        case .uint64:
            guard let text = value.text,
                let number = UInt64(text) ?? Self.integer(value).flatMap({ UInt64(exactly: $0) })
            else { throw invalid() }
            return .string(String(number))
        case .float, .double:
            switch value {
            case .number: return value
            case .string(let text):
                if ["NaN", "Infinity", "-Infinity"].contains(text) { return value }
                guard Double(text) != nil, let parsed = MockJSON.parse(text), case .number = parsed else {
                    throw invalid()
                }
                return parsed
            default: throw invalid()
            }
        case .enumeration(let name):
            guard let enumeration = schema.enums[name] else { return value }
            switch value {
            case .string(let text):
                guard enumeration.numbers[text] != nil else { throw invalid() }
                return value
            case .number:
                guard let number = Self.integer(value), let text = enumeration.names[Int(number)] else {
                    throw invalid()
                }
                return .string(text)
            default:
                throw invalid()
            }
        case .message(let name):
            guard case .object = value else { throw invalid() }
            return try decode(value, message: name, path: path)
        }
    }

    /// The gateway's name of a field type: `TYPE_INT64`, or a type URL for enums and messages.
    private func typeName(_ kind: GoogleAdsSchema.Kind) -> String {
        switch kind {
        case .string: "TYPE_STRING"
        case .bytes: "TYPE_BYTES"
        case .bool: "TYPE_BOOL"
        case .int32: "TYPE_INT32"
        case .uint32: "TYPE_UINT32"
        case .int64: "TYPE_INT64"
        case .uint64: "TYPE_UINT64"
        case .float: "TYPE_FLOAT"
        case .double: "TYPE_DOUBLE"
        case .any: "google.protobuf.Value"
        case .enumeration(let name), .message(let name): "type.googleapis.com/google.ads.googleads.\(version).\(name)"
        }
    }

    private static func at(_ path: String) -> String { path.isEmpty ? "" : " at '\(path)'" }

    /// A whole number from a JSON number or a string of digits.
    static func integer(_ value: MockJSON) -> Int64? {
        switch value {
        case .number(let text):
            return Int64(text) ?? Double(text).flatMap { $0.rounded() == $0 ? Int64(exactly: $0) : nil }
        case .string(let text):
            return Int64(text.trimmingCharacters(in: .whitespaces))
        default:
            return nil
        }
    }

    /// Standard or URL-safe base64, padded or not.
    static func isBase64(_ text: String) -> Bool {
        var normalized = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while normalized.count % 4 != 0 { normalized += "=" }
        return Data(base64Encoded: normalized) != nil
    }

    /// The bytes of standard or URL-safe base64.
    static func base64Data(_ text: String) -> Data? {
        var normalized = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while normalized.count % 4 != 0 { normalized += "=" }
        return Data(base64Encoded: normalized)
    }

    /// A value as the gateway quotes it in messages.
    static func render(_ value: MockJSON) -> String {
        switch value {
        case .string(let text): MockJSON.string(text).serialized
        case .object: "{…}"
        case .array: "[…]"
        default: value.serialized
        }
    }
}
