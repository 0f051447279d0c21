import Foundation

/// `application/x-www-form-urlencoded` encoding and decoding, as browsers and Python's `urlencode` do it.
///
/// Query strings are built with this too, because `URLComponents` leaves `+` unescaped, and a `+` in a token
/// would reach the server as a space.
public enum FormURLEncoding {
    /// Encodes pairs in order; spaces become `+` and every other reserved byte is percent-encoded.
    public static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    /// Percent-encodes one name or value.
    ///
    /// Byte by byte into a buffer: every Meta request body goes through here, and escaping through
    /// `CharacterSet` and `String(format:)` was a twentieth of the engine's CPU.
    public static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") {
                bytes.append(UInt8(ascii: "+"))
            } else if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(ContentDigest.hexDigit(byte >> 4, uppercase: true))
                bytes.append(ContentDigest.hexDigit(byte & 0x0F, uppercase: true))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 3986's unreserved bytes: letters, digits and `-._~`.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Decodes `a=1&b=x+y` into pairs in order; malformed escapes are kept as written.
    public static func decode(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = unescape(String(parts[0]))
            let value = parts.count > 1 ? unescape(String(parts[1])) : ""
            return (name, value)
        }
    }

    private static func unescape(_ text: String) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// Appends an encoded query string to a base URL string and path; `nil` when the result is not a valid URL.
    public static func url(_ base: URL, path: String, query: [(String, String)] = []) -> URL? {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += path.hasPrefix("/") ? path : "/" + path
        if !query.isEmpty { text += "?" + encode(query) }
        return URL(string: text)
    }
}
