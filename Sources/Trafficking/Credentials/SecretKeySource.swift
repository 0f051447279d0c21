import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the 256-bit key that encrypts ad-account credentials: from the environment, from a key file, or, in demo
/// mode only, from a key file created on first use.
public enum SecretKeySource {
    /// The variable holding the key itself: base64 of 32 bytes, or 64 hex characters.
    public static let keyVariable = "ADOPS_SECRET_KEY"
    /// The variable naming a file that holds the key in base64 (or hex).
    public static let keyFileVariable = "ADOPS_SECRET_KEY_FILE"

    /// Loads the key, trying in order:
    /// 1. `ADOPS_SECRET_KEY`;
    /// 2. the `keyFile` argument (an explicit option wins over the environment), else `ADOPS_SECRET_KEY_FILE`;
    /// 3. when `allowGenerated` (demo mode) and `generatedKeyPath` is given, the key in that file, created with a
    ///    new random key and permissions 0600 if it does not exist yet.
    ///
    /// Throws ``CredentialError`` `missingKey` saying what to set when none applies, and `malformedKey` naming the
    /// variable or file when a key is not 32 bytes of base64 or hex.
    public static func load(
        environment: [String: String], keyFile: String?, allowGenerated: Bool, generatedKeyPath: String?
    ) throws -> SymmetricKey {
        if let text = environment[keyVariable] {
            return try parse(text, source: keyVariable)
        }
        if let path = nonEmpty(keyFile) {
            return try read(path, source: "the key file \(path)")
        }
        if let path = nonEmpty(environment[keyFileVariable]) {
            return try read(path, source: "the key file \(path) (from \(keyFileVariable))")
        }
        if allowGenerated, let path = nonEmpty(generatedKeyPath) {
            return try readOrCreate(path)
        }
        throw CredentialError(
            .missingKey,
            "no secret key to encrypt ad-account credentials: set \(keyVariable)=$(openssl rand -base64 32), or write "
                + "such a key to a file and set \(keyFileVariable)=/path/to/key (keep the key: credentials stored "
                + "with it cannot be read without it)")
    }

    /// Reads a key written as base64 of 32 bytes, or as 64 hex characters; `source` names where it came from in
    /// errors. Surrounding whitespace is ignored.
    public static func parse(_ text: String, source: String) throws -> SymmetricKey {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw CredentialError(
                .malformedKey, "\(source) is empty; it must hold a 256-bit key: run openssl rand -base64 32")
        }
        // 64 hex characters are also valid base64 (of 48 bytes), so hex is recognised first.
        if trimmed.count == 64, let bytes = hexBytes(trimmed) {
            return SymmetricKey(data: bytes)
        }
        guard let bytes = Data(base64Encoded: trimmed) else {
            throw CredentialError(
                .malformedKey,
                "\(source) is not base64 (nor 64 hex characters); it must hold a 256-bit key: run "
                    + "openssl rand -base64 32")
        }
        guard bytes.count == 32 else {
            throw CredentialError(
                .malformedKey,
                "\(source) decodes to \(bytes.count) bytes; a key must be 32 bytes (256 bits): run "
                    + "openssl rand -base64 32")
        }
        return SymmetricKey(data: bytes)
    }

    /// The key as base64, the form key files and `ADOPS_SECRET_KEY` hold.
    public static func encode(_ key: SymmetricKey) -> String {
        key.withUnsafeBytes { Data($0) }.base64EncodedString()
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    private static func read(_ path: String, source: String) throws -> SymmetricKey {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CredentialError(
                .keyFileUnavailable,
                "cannot read \(source): \(error.localizedDescription); it must hold a key such as the output of "
                    + "openssl rand -base64 32")
        }
        return try parse(text, source: source)
    }

    /// Reads the demo key file, creating it first if needed. The file is written under a temporary name and
    /// hard-linked into place, so a server and a worker starting together agree on one key and never read a
    /// half-written file.
    private static func readOrCreate(_ path: String) throws -> SymmetricKey {
        let source = "the generated key file \(path)"
        if FileManager.default.fileExists(atPath: path) {
            return try read(path, source: source)
        }
        let directory = (path as NSString).deletingLastPathComponent
        do {
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
        } catch {
            throw CredentialError(
                .keyFileUnavailable, "cannot create the directory of \(source): \(error.localizedDescription)")
        }
        let key = CredentialCipher.generateKey()
        let temporary = "\(path).\(UUID().uuidString).tmp"
        defer { unlink(temporary) }
        try writePrivately(Data((encode(key) + "\n").utf8), to: temporary, source: source)
        if link(temporary, path) != 0 {
            let failure = errno
            guard failure == EEXIST else {
                throw CredentialError(
                    .keyFileUnavailable, "cannot create \(source): \(String(cString: strerror(failure)))")
            }
            // Another process created it first: use its key.
            return try read(path, source: source)
        }
        return key
    }

    /// Writes a new file readable only by its owner (0600) from the moment it exists.
    private static func writePrivately(_ data: Data, to path: String, source: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw CredentialError(
                .keyFileUnavailable, "cannot create \(source): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { buffer in write(descriptor, buffer.baseAddress, buffer.count) }
        guard written == data.count, fsync(descriptor) == 0 else {
            throw CredentialError(
                .keyFileUnavailable, "cannot write \(source): \(String(cString: strerror(errno)))")
        }
    }

    private static func hexBytes(_ text: String) -> Data? {
        var bytes = Data(capacity: text.utf8.count / 2)
        var high: UInt8?
        for character in text.utf8 {
            let nibble: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = character - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let value = high {
                bytes.append(value << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return high == nil ? bytes : nil
    }
}
