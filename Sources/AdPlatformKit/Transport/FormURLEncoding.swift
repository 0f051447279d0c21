import Foundation

/// `application/x-www-form-urlencoded` encoding and decoding, as browsers and Python's `urlencode` do it.
///
/// Query strings are built with this too, because `URLComponents` leaves `+` unescaped, and a `+` in a token
/// would reach the server as a space.
public enum FormURLEncoding {
    private static let unreserved: CharacterSet = {
        var set = CharacterSet()
        set.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return set
    }()

    /// Encodes pairs in order; spaces become `+` and every other reserved byte is percent-encoded.
    public static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    /// Percent-encodes one name or value.
    public static func escape(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte == UInt8(ascii: " ") {
                result.append("+")
            } else if byte < 0x80, unreserved.contains(scalar) {
                result.append(Character(scalar))
            } else {
                result.append(String(format: "%%%02X", byte))
            }
        }
        return result
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
