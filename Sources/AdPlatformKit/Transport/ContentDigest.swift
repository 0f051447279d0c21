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

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
