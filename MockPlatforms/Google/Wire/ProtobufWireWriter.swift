/// Writes the protobuf binary wire format.
struct ProtobufWireWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// Writes a field's tag.
    mutating func writeTag(_ number: Int, _ wireType: ProtobufWireReader.WireType) {
        writeVarint(UInt64(number) << 3 | wireType.rawValue)
    }

    /// Writes a base-128 varint.
    mutating func writeVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Writes four little-endian bytes.
    mutating func writeFixed32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    /// Writes eight little-endian bytes.
    mutating func writeFixed64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    /// Writes a length prefix and the bytes.
    mutating func writeLengthDelimited(_ value: some Collection<UInt8>) {
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }
}
