import Foundation

/// Why an optimiser run could not start, or a campaign's settings could not change, naming the input at fault.
public struct OptimizerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable, Codable {
        /// The ad account asked for does not exist, or is deleted.
        case accountNotFound
        /// The campaign asked for does not exist.
        case campaignNotFound
        /// A campaign's optimisation settings cannot take the value given.
        case invalidSettings
    }

    /// The kind of failure.
    public var code: Code
    /// The input at fault: `account`, `campaign`, `autoOptimize`, `minimumBudget` or `maximumBudget`.
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
