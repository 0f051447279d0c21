import Foundation

/// Decodes `application/x-www-form-urlencoded` bodies straight from their bytes.
///
/// Every create the SDK sends is a form body, so this is the emulator's hottest parse: one pass over the bytes,
/// no intermediate `String` for the whole body, and no copy at all for names and values without escapes. It
/// follows the same rules as ``MockForm``: `+` is a space, `%XX` a byte, malformed escapes kept as written.
enum MetaForm {
    /// Name-value pairs in order; empty pieces between `&`s are skipped.
    static func decode(_ data: Data) -> [(String, String)] {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var pairs: [(String, String)] = []
            var start = 0
            while start < bytes.count {
                var end = start
                var equals: Int?
                while end < bytes.count, bytes[end] != UInt8(ascii: "&") {
                    if equals == nil, bytes[end] == UInt8(ascii: "=") { equals = end }
                    end += 1
                }
                if end > start {
                    if let equals {
                        pairs.append((unescape(bytes, start..<equals), unescape(bytes, (equals + 1)..<end)))
                    } else {
                        pairs.append((unescape(bytes, start..<end), ""))
                    }
                }
                start = end + 1
            }
            return pairs
        }
    }

    /// One name or value, unescaped.
    private static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard slice.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(decoding: slice, as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(slice.count)
        var index = 0
        while index < slice.count {
            let byte = slice[index]
            if byte == UInt8(ascii: "+") {
                output.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < slice.count, let high = hex(slice[index + 1]),
                let low = hex(slice[index + 2])
            {
                output.append(high << 4 | low)
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The value of a hex digit.
    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Whether a header value starts with a lower-case ASCII prefix, ignoring case.
    static func hasPrefix(_ value: String, lowercased prefix: String) -> Bool {
        var iterator = value.utf8.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = iterator.next() else { return false }
            let lowered = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            guard lowered == expected else { return false }
        }
        return true
    }

    /// Whether text is empty or only ASCII whitespace.
    static func isBlank(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
