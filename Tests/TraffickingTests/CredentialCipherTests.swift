import AdPlatformKit
import Crypto
import Foundation
import Testing

@testable import Trafficking

@Suite("Credential encryption and the secret key")
struct CredentialCipherTests {
    private let credentials = StoreFixtures.credentials

    @Test("sealed credentials open to the same value, hide the secrets and differ each time")
    func roundTrip() throws {
        let cipher = try CredentialCipher(key: CredentialCipher.generateKey())
        let sealed = try cipher.seal(credentials)
        #expect(try cipher.open(sealed) == credentials)
        #expect(!String(decoding: sealed, as: UTF8.self).contains(StoreFixtures.accessToken))
        // A fresh nonce per seal: equal credentials never give equal ciphertexts.
        #expect(try cipher.seal(credentials) != sealed)
        // Nonce (12) + JSON + tag (16).
        #expect(sealed.count > 28)
    }

    @Test("opening with another key says the key does not match, and quotes no secret")
    func wrongKey() throws {
        let sealed = try CredentialCipher(key: CredentialCipher.generateKey()).seal(credentials)
        let other = try CredentialCipher(key: CredentialCipher.generateKey())
        #expect {
            _ = try other.open(sealed)
        } throws: { error in
            guard let error = error as? CredentialError else { return false }
            return error.code == .keyMismatch && error.message.contains("does not match")
                && !error.message.contains(StoreFixtures.accessToken)
        }
    }

    @Test("altered or truncated data is refused")
    func tampered() throws {
        let cipher = try CredentialCipher(key: CredentialCipher.generateKey())
        var sealed = try cipher.seal(credentials)
        sealed[sealed.count / 2] ^= 0x01
        #expect(throws: CredentialError.self) { try cipher.open(sealed) }
        #expect {
            _ = try cipher.open(Data([1, 2, 3]))
        } throws: { ($0 as? CredentialError)?.code == .unreadableData }
    }

    @Test("only 256-bit keys are accepted")
    func keySize() throws {
        #expect(CredentialCipher.generateKey().bitCount == 256)
        #expect(throws: CredentialError.self) { try CredentialCipher(key: .init(size: .bits128)) }
    }

    @Test("ADOPS_SECRET_KEY is read as base64 or 64 hex characters, and wins over key files")
    func keyFromEnvironment() throws {
        let key = CredentialCipher.generateKey()
        let base64 = SecretKeySource.encode(key)
        let hex = key.withUnsafeBytes { Data($0) }.map { String(format: "%02x", $0) }.joined()
        for text in [base64, " \(base64)\n", hex, hex.uppercased()] {
            let loaded = try SecretKeySource.load(
                environment: ["ADOPS_SECRET_KEY": text], keyFile: "/nonexistent/key", allowGenerated: true,
                generatedKeyPath: nil)
            #expect(loaded == key)
        }
    }

    @Test(
        "a malformed ADOPS_SECRET_KEY names the variable and why, never the value",
        arguments: [
            ("c2hvcnQ=", "decodes to 5 bytes"), ("not base64 at all!", "is not base64"), ("", "is empty"),
        ])
    func malformedKey(value: String, reason: String) {
        #expect {
            _ = try SecretKeySource.load(
                environment: ["ADOPS_SECRET_KEY": value], keyFile: nil, allowGenerated: false, generatedKeyPath: nil)
        } throws: { error in
            guard let error = error as? CredentialError else { return false }
            return error.code == .malformedKey && error.message.contains("ADOPS_SECRET_KEY")
                && error.message.contains(reason) && (value.isEmpty || !error.message.contains(value))
        }
    }

    @Test("a key file is read from the argument, else from ADOPS_SECRET_KEY_FILE")
    func keyFiles() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let argumentKey = CredentialCipher.generateKey()
        let environmentKey = CredentialCipher.generateKey()
        let argumentFile = directory.appendingPathComponent("argument.key")
        let environmentFile = directory.appendingPathComponent("environment.key")
        try (SecretKeySource.encode(argumentKey) + "\n").write(to: argumentFile, atomically: true, encoding: .utf8)
        try SecretKeySource.encode(environmentKey).write(to: environmentFile, atomically: true, encoding: .utf8)
        let environment = ["ADOPS_SECRET_KEY_FILE": environmentFile.path]

        let fromArgument = try SecretKeySource.load(
            environment: environment, keyFile: argumentFile.path, allowGenerated: false, generatedKeyPath: nil)
        #expect(fromArgument == argumentKey)
        let fromEnvironment = try SecretKeySource.load(
            environment: environment, keyFile: nil, allowGenerated: false, generatedKeyPath: nil)
        #expect(fromEnvironment == environmentKey)

        #expect {
            _ = try SecretKeySource.load(
                environment: [:], keyFile: directory.appendingPathComponent("missing.key").path, allowGenerated: false,
                generatedKeyPath: nil)
        } throws: { ($0 as? CredentialError)?.code == .keyFileUnavailable }
    }

    @Test("with no key configured, the error says exactly what to set")
    func missingKey() {
        #expect {
            _ = try SecretKeySource.load(
                environment: [:], keyFile: nil, allowGenerated: false, generatedKeyPath: "/tmp/x")
        } throws: { error in
            guard let error = error as? CredentialError else { return false }
            return error.code == .missingKey && error.message.contains("ADOPS_SECRET_KEY=$(openssl rand -base64 32)")
                && error.message.contains("ADOPS_SECRET_KEY_FILE")
        }
    }

    @Test("demo mode creates a 0600 key file once and reads the same key back")
    func generatedKeyFile() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("demo/secret.key").path

        let created = try SecretKeySource.load(
            environment: [:], keyFile: nil, allowGenerated: true, generatedKeyPath: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(created.bitCount == 256)

        let again = try SecretKeySource.load(
            environment: [:], keyFile: nil, allowGenerated: true, generatedKeyPath: path)
        #expect(again == created)
        // Only the key file is left behind: no temporary files.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == [
                "secret.key"
            ])
    }
}
