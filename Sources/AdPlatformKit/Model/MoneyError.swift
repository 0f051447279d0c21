/// Why an amount could not be parsed or converted exactly.
public struct MoneyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Reason: String, Sendable, Hashable {
        /// The text is not a plain decimal number.
        case notADecimal
        /// The amount has more precision than the target unit can hold.
        case tooPrecise
        /// The amount does not fit in 64 bits.
        case overflow
    }

    /// The kind of failure.
    public var reason: Reason
    /// A sentence for a person, naming the amount and the limit.
    public var message: String

    /// Creates an error with its reason and message.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
