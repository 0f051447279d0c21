import AdPlatformKit
import Crypto
import Foundation

/// Encrypts ad-account credentials for storage with AES-GCM and a 256-bit key, and decrypts them again.
///
/// The stored form is the sealed box's combined representation (nonce, ciphertext, tag) of the credentials'
/// JSON, so a wrong key or altered bytes are detected rather than decrypted into garbage.
public struct CredentialCipher: Sendable {
    // SymmetricKey is not declared Sendable on Linux, but its storage is immutable after creation and this
    // property is never reassigned, so sharing it between tasks is safe.
    nonisolated(unsafe) private let key: SymmetricKey

    /// Creates a cipher; the key must be 256 bits, as ``generateKey()`` and ``SecretKeySource`` make.
    public init(key: SymmetricKey) throws {
        guard key.bitCount == 256 else {
            throw CredentialError(
                .malformedKey, "the credential key has \(key.bitCount) bits; AES-256-GCM needs a 256-bit key")
        }
        self.key = key
    }

    /// A new random 256-bit key.
    public static func generateKey() -> SymmetricKey {
        SymmetricKey(size: .bits256)
    }

    /// Encrypts credentials: their JSON, sealed with AES-GCM under a fresh random nonce.
    public func seal(_ credentials: PlatformCredentials) throws -> Data {
        do {
            let plaintext = try JSONEncoder().encode(credentials)
            guard let combined = try AES.GCM.seal(plaintext, using: key).combined else {
                throw CredentialError(.sealingFailed, "AES-GCM produced no combined sealed box")
            }
            return combined
        } catch let error as CredentialError {
            throw error
        } catch {
            // The underlying error names no secret, but a fixed message keeps that a guarantee.
            throw CredentialError(.sealingFailed, "the credentials could not be encrypted")
        }
    }

    /// Decrypts credentials that ``seal(_:)`` produced with the same key.
    public func open(_ data: Data) throws -> PlatformCredentials {
        let box: AES.GCM.SealedBox
        do {
            box = try AES.GCM.SealedBox(combined: data)
        } catch {
            throw CredentialError(
                .unreadableData, "the stored credentials are not an AES-GCM sealed box (\(data.count) bytes)")
        }
        let plaintext: Data
        do {
            plaintext = try AES.GCM.open(box, using: key)
        } catch {
            throw CredentialError(
                .keyMismatch,
                "the secret key does not match the one these credentials were encrypted with (or the data was "
                    + "altered); configure the original key in ADOPS_SECRET_KEY or ADOPS_SECRET_KEY_FILE, or "
                    + "enter the account's credentials again")
        }
        do {
            return try JSONDecoder().decode(PlatformCredentials.self, from: plaintext)
        } catch {
            // The decoding error could quote the plaintext, which holds secrets, so it is not passed on.
            throw CredentialError(.unreadableData, "the decrypted credentials are not valid credentials JSON")
        }
    }
}
