/// Reads the protobuf binary wire format: tags, varints, fixed-width numbers and length-delimited slices.
///
/// Every read checks the bytes left, so a truncated or hostile message ends in a ``ProtobufWireError`` that says
/// where, never in a trap.
struct ProtobufWireReader {
    /// The wire types of protobuf encoding.
    enum WireType: UInt64, Sendable {
        case varint = 0
        case fixed64 = 1
        case lengthDelimited = 2
        case startGroup = 3
        case endGroup = 4
        case fixed32 = 5
    }

    private let bytes: ArraySlice<UInt8>
    private var position: Int

    /// A reader over a message's bytes.
    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { position >= bytes.endIndex }

    /// The offset of the next byte from the start of the message, for error messages.
    var offset: Int { position - bytes.startIndex }

    /// Reads a field's tag.
    mutating func readTag() throws(ProtobufWireError) -> (number: Int, wireType: WireType) {
        let at = offset
        let key = try readVarint()
        guard let wireType = WireType(rawValue: key & 7) else {
            throw ProtobufWireError("unknown wire type \(key & 7) at byte \(at)")
        }
        let number = key >> 3
        guard number >= 1, number <= 536_870_911 else {
            throw ProtobufWireError("invalid field number \(number) at byte \(at)")
        }
        return (Int(number), wireType)
    }

    /// Reads a base-128 varint of at most ten bytes.
    mutating func readVarint() throws(ProtobufWireError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        let start = offset
        while shift < 64 {
            guard position < bytes.endIndex else { throw ProtobufWireError("truncated varint at byte \(start)") }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        throw ProtobufWireError("varint longer than ten bytes at byte \(start)")
    }

    /// Reads four little-endian bytes.
    mutating func readFixed32() throws(ProtobufWireError) -> UInt32 {
        UInt32(truncatingIfNeeded: try readLittleEndian(4))
    }

    /// Reads eight little-endian bytes.
    mutating func readFixed64() throws(ProtobufWireError) -> UInt64 { try readLittleEndian(8) }

    /// Reads a length prefix and returns the bytes it covers.
    mutating func readLengthDelimited() throws(ProtobufWireError) -> ArraySlice<UInt8> {
        let at = offset
        let length = try readVarint()
        let remaining = bytes.endIndex - position
        guard length <= UInt64(remaining) else {
            throw ProtobufWireError("a length of \(length) bytes at byte \(at), but only \(remaining) remain")
        }
        let end = position + Int(length)
        defer { position = end }
        return bytes[position..<end]
    }

    /// Skips a field's value (unknown fields are allowed and ignored, as proto3 parsers do).
    mutating func skip(_ wireType: WireType, number: Int) throws(ProtobufWireError) {
        switch wireType {
        case .varint: _ = try readVarint()
        case .fixed64: _ = try readFixed64()
        case .fixed32: _ = try readFixed32()
        case .lengthDelimited: _ = try readLengthDelimited()
        case .startGroup:
            while true {
                let tag = try readTag()
                if tag.wireType == .endGroup {
                    guard tag.number == number else {
                        throw ProtobufWireError("group \(number) ended by the end of group \(tag.number)")
                    }
                    return
                }
                try skip(tag.wireType, number: tag.number)
            }
        case .endGroup: throw ProtobufWireError("an end of group \(number) that no group started")
        }
    }

    private mutating func readLittleEndian(_ count: Int) throws(ProtobufWireError) -> UInt64 {
        guard bytes.endIndex - position >= count else {
            throw ProtobufWireError("truncated \(count * 8)-bit value at byte \(offset)")
        }
        var result: UInt64 = 0
        for index in 0..<count { result |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        position += count
        return result
    }
}
