import GRPCCore

/// Passes serialized protobuf messages through untouched: the Google Ads bridge reads and writes the wire format
/// itself, driven by the official schema, so no generated message types are needed.
struct RawMessageCoder: MessageSerializer, MessageDeserializer {
    /// Messages are their serialized bytes.
    typealias Message = [UInt8]

    /// The bytes, as they are.
    func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes { Bytes(message) }

    /// The bytes, as they are.
    func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
        serializedMessageBytes.withUnsafeBytes { Array($0) }
    }
}
