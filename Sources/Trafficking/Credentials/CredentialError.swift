/// Why credentials could not be encrypted or decrypted, or why the secret key could not be loaded. Messages name
/// the variable or file at fault and say how to fix it; they never contain a key or a secret.
public struct CredentialError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// No key was configured.
        case missingKey
        /// A configured key is not a 256-bit key in base64 or hex.
        case malformedKey
        /// A key file could not be read or written.
        case keyFileUnavailable
        /// The data was encrypted with another key, or altered since.
        case keyMismatch
        /// The data is not a sealed box, or does not decrypt to credentials.
        case unreadableData
        /// The credentials could not be encoded or sealed.
        case sealingFailed
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong and what to do about it.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}
