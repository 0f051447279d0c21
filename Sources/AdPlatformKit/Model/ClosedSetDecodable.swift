/// An enum decoded from a string that names one of a closed set of values. Decoding an unknown value fails with
/// the coding path and the list of accepted values, so a person sees which field is wrong and why.
public protocol ClosedSetDecodable: CaseIterable, RawRepresentable, Codable where RawValue == String {
    /// What the value is called in messages, e.g. `objective`.
    static var valueKind: String { get }
}

extension ClosedSetDecodable {
    /// Decodes a case by its raw value, compared case-insensitively.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
            let accepted = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown \(Self.valueKind) '\(text)'; expected one of: \(accepted)")
        }
        self = match
    }

    /// Encodes the raw value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
