/// What became of one of a rule's actions for one matched entity.
public struct ActionOutcome: Sendable, Hashable {
    /// Planned, held back, or impossible.
    public enum Result: Sendable, Hashable {
        /// The change is planned (or, in a preview, would be).
        case planned(PlannedChange)
        /// A guardrail or the entity's state held it back.
        case skipped(SkipReason)
        /// It cannot be done for this entity, and why (no budget known, a currency that is not the account's).
        case errored(String)
    }

    /// The rule's action.
    public var action: RuleAction
    /// What became of it.
    public var result: Result

    /// Creates an outcome.
    public init(action: RuleAction, result: Result) {
        self.action = action
        self.result = result
    }
}
