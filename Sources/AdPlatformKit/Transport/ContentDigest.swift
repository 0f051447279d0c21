import Crypto
import Foundation

/// Digests platform requests need, so platform modules do not each link a crypto library: TikTok's
/// `image_signature` (MD5), Meta's `appsecret_proof` (HMAC-SHA256), and content hashes.
public enum ContentDigest {
    /// Lower-case hex MD5 of the bytes. Not for security: platforms use it as a checksum.
    public static func md5Hex(_ data: Data) -> String {
        hex(Insecure.MD5.hash(data: data))
    }

    /// Lower-case hex SHA-256 of the bytes.
    public static func sha256Hex(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// Lower-case hex HMAC-SHA256 of a message under a key, as Meta's `appsecret_proof` wants.
    public static func hmacSHA256Hex(key: String, message: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: Data(key.utf8)))
        return hex(code)
    }

    /// Lower-case hex of bytes, two digits each.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var digits: [UInt8] = []
        for byte in bytes {
            digits.append(hexDigit(byte >> 4, uppercase: false))
            digits.append(hexDigit(byte & 0x0F, uppercase: false))
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// The ASCII hex digit of a value 0–15.
    static func hexDigit(_ value: UInt8, uppercase: Bool) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : (uppercase ? UInt8(ascii: "A") : UInt8(ascii: "a")) + value - 10
    }
}
