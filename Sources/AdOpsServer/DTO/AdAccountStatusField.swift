import Trafficking

/// Reads an ad account status from a body case-insensitively, naming the accepted values when it is unknown.
enum AdAccountStatusField {
    /// The status under `key`, or `nil` when absent.
    static func decode<Key: CodingKey>(
        _ container: KeyedDecodingContainer<Key>, forKey key: Key
    ) throws -> AdAccountStatus? {
        guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let status = AdAccountStatus(rawValue: text.uppercased()) else {
            let accepted = AdAccountStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "unknown status '\(text)'; expected one of: \(accepted)")
        }
        return status
    }
}
