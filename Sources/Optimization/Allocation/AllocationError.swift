import AdPlatformKit
import Foundation
import Trafficking

/// Why a total cannot be split among the campaigns given.
public struct AllocationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Kind: String, Sendable, Hashable {
        /// A campaign's budget is in another currency than the total.
        case currencyMismatch
        /// The campaigns held for learning already take more than the total.
        case heldExceedTotal
        /// The total is under the sum of the campaigns' least budgets (floor, platform minimums, bounds).
        case minimumsExceedTotal
    }

    /// What went wrong.
    public var kind: Kind
    /// A sentence for a person, with the amounts.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
