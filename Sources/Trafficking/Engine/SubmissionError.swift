import AdPlatformKit
import Foundation

/// Why a submission was refused. Nothing is stored when a submission is refused.
public struct SubmissionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of refusal; the API maps each to a status.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// An ad account does not exist or is deleted (404).
        case accountNotFound
        /// The account is on another platform than the route or ticket named (422).
        case accountPlatformMismatch
        /// The account is not ACTIVE (422).
        case accountUnavailable
        /// No platform module is registered for the account's platform (422).
        case platformUnavailable
        /// The request breaks platform rules; ``violations`` lists every one (422).
        case invalidRequest
        /// A media source cannot be read or is not allowed here (422).
        case invalidMedia
        /// The submission names no ad account (400).
        case noAccounts
    }

    /// The kind of refusal.
    public var kind: Kind
    /// What is wrong, for people.
    public var message: String
    /// Every violation, each with its platform and field path.
    public var violations: [Violation]

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, violations: [Violation] = []) {
        self.kind = kind
        self.message = message
        self.violations = violations
    }

    /// One violation at a field, for refusals that are about a single field.
    static func field(_ kind: Kind, _ fieldPath: String, _ message: String, platform: PlatformID? = nil) -> Self {
        SubmissionError(
            kind, message,
            violations: [
                Violation(
                    platform: platform, fieldPath: fieldPath, rule: Violation.Rule(rawValue: kind.rawValue),
                    severity: .hard, message: message)
            ])
    }

    /// The message, then each violation on its own line.
    public var description: String {
        ([message] + violations.map { "  \($0)" }).joined(separator: "\n")
    }
}
