import AdPlatformKit
import ArgumentParser
import Foundation
import Trafficking

/// Why an engine command stopped: printed on standard error as `error: …`, with the exit status scripts test.
///
/// Status 2 means the input or the configuration is wrong and nothing was done; status 1 means the operation was
/// tried and failed (a job FAILED, a submission was refused, an id names nothing).
struct CommandFailure: Error, CustomStringConvertible {
    /// What went wrong, naming the option, variable or field and why.
    let description: String
    /// The process's exit status.
    let exitCode: Int32

    /// Bad input or configuration: exit status 2.
    static func usage(_ message: String) -> CommandFailure {
        CommandFailure(description: message, exitCode: 2)
    }

    /// The operation failed: exit status 1.
    static func failed(_ message: String) -> CommandFailure {
        CommandFailure(description: message, exitCode: 1)
    }

    /// Classifies any error a command body throws. Settings and key problems are configuration (2); store, engine
    /// and platform failures are failed operations (1).
    init(_ error: any Error) {
        switch error {
        case let failure as CommandFailure:
            self = failure
        case let failure as InputFailure:
            self = .usage(failure.description)
        case let configuration as ConfigurationError:
            self = .usage(configuration.description)
        case let credential as CredentialError:
            // A missing, malformed or unreadable key is configuration; a key that does not open the stored
            // credentials is a failed operation on this database.
            switch credential.code {
            case .missingKey, .malformedKey, .keyFileUnavailable: self = .usage(credential.message)
            default: self = .failed(credential.message)
            }
        case let store as StoreError:
            self = .failed(store.message)
        case let submission as SubmissionError:
            self = .failed(submission.description)
        case let platform as AdPlatformError:
            self = .failed(platform.message)
        default:
            self = .failed("\(error)")
        }
    }

    private init(description: String, exitCode: Int32) {
        self.description = description
        self.exitCode = exitCode
    }

    /// Runs a command's body; any error is printed on standard error and becomes the matching exit status.
    static func reporting(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let failure = CommandFailure(error)
            Terminal.error("error: \(failure.description)")
            throw ExitCode(failure.exitCode)
        }
    }
}
