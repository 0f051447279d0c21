import Crypto
import Foundation

/// Checks a presented API key against the SHA-256 hashes of the accepted keys: the REST API's bearer keys and the
/// console's sign-in take the same keys, so both ask this one value.
///
/// The presented key is hashed and compared with every configured hash over all 32 bytes, without stopping at the
/// first difference or the first match, so the time taken says nothing about how close a guess was or which key
/// matched. Keys are never logged.
public struct APIKeyVerifier: Sendable {
    /// The accepted hashes, as raw 32-byte digests.
    let acceptedDigests: [[UInt8]]

    /// Creates a verifier from lowercase hex SHA-256 hashes; entries that are not 64 hex digits are ignored (see
    /// ``invalidHashes(_:)``), so a typo cannot turn into an accepted key.
    public init(apiKeyHashes: [String]) {
        self.acceptedDigests = apiKeyHashes.compactMap(Self.digest(hex:))
    }

    /// Whether no key can be accepted.
    public var acceptsNothing: Bool { acceptedDigests.isEmpty }

    /// Whether a key's hash is one of the accepted ones, compared in constant time.
    public func accepts(_ key: String) -> Bool {
        let presented = Array(SHA256.hash(data: Data(key.utf8)))
        var matched: UInt8 = 0
        for accepted in acceptedDigests {
            var difference: UInt8 = 0
            for index in 0..<presented.count { difference |= presented[index] ^ accepted[index] }
            // 1 when this digest matched, else 0, without a data-dependent branch.
            matched |= UInt8(truncatingIfNeeded: (Int(difference) - 1) >> 8) & 1
        }
        return matched == 1
    }

    /// The configured hashes that are not 64 hex digits, and so are ignored.
    public static func invalidHashes(_ hashes: [String]) -> [String] {
        hashes.filter { digest(hex: $0) == nil }
    }

    /// 32 bytes from 64 hex digits, or `nil`.
    static func digest(hex: String) -> [UInt8]? {
        hex.utf8.count == 64 ? HexBytes.decode(hex) : nil
    }
}
