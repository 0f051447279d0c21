/// A clock setting that cannot be read, such as an `ADOPS_NOW` that is not an ISO-8601 instant.
public struct WallClockError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The variable or field that holds the bad value.
    public var variable: String
    /// Why it cannot be read.
    public var message: String

    /// Creates an error for `variable`.
    public init(variable: String, message: String) {
        self.variable = variable
        self.message = message
    }

    /// `ADOPS_NOW: '…' is not an ISO-8601 instant …`.
    public var description: String { "\(variable): \(message)" }
}
