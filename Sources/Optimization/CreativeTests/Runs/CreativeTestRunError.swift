import Foundation

/// Why a creative-test run could not start, naming the input at fault.
public struct CreativeTestRunError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable, Codable {
        /// The campaign asked for does not exist.
        case campaignNotFound
        /// The window asked for is not 1 to ``CreativeTestRunner/maximumDays`` days.
        case invalidWindow
    }

    /// The kind of failure.
    public var code: Code
    /// The input at fault: `campaign` or `days`.
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
