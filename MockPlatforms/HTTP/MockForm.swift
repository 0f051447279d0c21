import Foundation

/// Decodes `application/x-www-form-urlencoded` text and query strings for the emulators, independently of the
/// core's encoder (see ``MockJSON``).
public enum MockForm {
    /// Name-value pairs in order; `+` is a space and `%XX` a byte, malformed escapes kept as written.
    public static func decode(_ text: Substring) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            if let equals = part.firstIndex(of: "=") {
                pairs.append((unescape(part[..<equals]), unescape(part[part.index(after: equals)...])))
            } else {
                pairs.append((unescape(part), ""))
            }
        }
        return pairs
    }

    static func unescape(_ text: Substring) -> String {
        guard text.contains(where: { $0 == "%" || $0 == "+" }) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
