import Foundation

/// Why a matched entity's action was not taken.
public struct SkipReason: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The guardrail or state that held it back.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The same rule acted on the entity within the cooldown.
        case cooldown
        /// The entity is learning and the rule is not an emergency.
        case learning
        /// The entity's budget or bid already moved as far as 24 hours allow.
        case dailyChangeLimit
        /// The entity had as many budget or bid changes in 24 hours as allowed.
        case changesPerDay
        /// The entity had as many budget or bid changes in the last hour as allowed (Meta's hard limit is 4).
        case changesPerHour
        /// The change would take the budget below the platform's minimum, and it already is at it.
        case platformMinimum
        /// The rule's own minimum or maximum is reached.
        case ruleBounds
        /// The rule took as many actions in 24 hours as its execution limit allows.
        case executionLimit
        /// The entity is already in the state the action sets (already paused, already delivering).
        case alreadyInState
        /// The action does not apply to the entity (an automatic bid has no amount to change).
        case notApplicable
    }

    /// The guardrail or state.
    public var kind: Kind
    /// Why, for people.
    public var message: String
    /// When the entity may be acted on again, where that is known (the end of a cooldown or an hourly limit).
    public var until: Date?

    /// Creates a reason.
    public init(_ kind: Kind, _ message: String, until: Date? = nil) {
        self.kind = kind
        self.message = message
        self.until = until
    }

    /// `cooldown: …`.
    public var description: String { "\(kind.rawValue): \(message)" }
}
