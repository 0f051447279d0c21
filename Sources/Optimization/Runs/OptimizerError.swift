import Foundation

/// Why an optimiser run could not start, naming the input at fault.
public struct OptimizerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable, Codable {
        /// The ad account asked for does not exist, or is deleted.
        case accountNotFound
    }

    /// The kind of failure.
    public var code: Code
    /// The input at fault: `account`.
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
