import Foundation

/// Why the automator could not do what was asked with a stored rule, naming the input at fault. A rule that is
/// wrong in itself is a ``RuleRefusal``, with every problem at its path.
public struct AutomatorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable, Codable {
        /// There is no rule with the id asked for.
        case ruleNotFound
        /// A rule with the id exists already.
        case ruleExists
        /// The rule changed since the version the edit was made on.
        case versionConflict
        /// The stored definition cannot be read by this version.
        case unreadableRule
    }

    /// The kind of failure.
    public var code: Code
    /// The input at fault: `id`, `version`.
    public var field: String
    /// What went wrong, for a person.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, field: String, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}
