/// What a rule's conditions said of one entity in scope.
public struct ConditionResult: Sendable, Hashable {
    /// Whether the conditions hold, fail, are unknown (a side without a value), or could not be read.
    public enum Outcome: Sendable, Hashable {
        /// The conditions hold: the rule acts.
        case matched
        /// The conditions do not hold, or are unknown.
        case notMatched
        /// The entity's figures cannot be read, and why.
        case errored(String)
    }

    /// The entity's position in ``RuleEvaluator/entities``.
    public var entityIndex: Int
    /// The outcome.
    public var outcome: Outcome
    /// Every value the conditions read, in the order they appear; empty for unmatched entities of a full pass.
    public var values: [ObservedValue]

    /// Creates a result.
    public init(entityIndex: Int, outcome: Outcome, values: [ObservedValue]) {
        self.entityIndex = entityIndex
        self.outcome = outcome
        self.values = values
    }
}
