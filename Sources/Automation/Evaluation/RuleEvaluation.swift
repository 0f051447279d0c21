/// A rule's conditions over its scope: how many entities were in scope, and the results kept.
public struct RuleEvaluation: Sendable, Hashable {
    /// Entities in the rule's scope.
    public var inScope: Int
    /// Per entity: all in scope for a preview; matched and errored ones for a run.
    public var results: [ConditionResult]

    /// Creates an evaluation.
    public init(inScope: Int, results: [ConditionResult]) {
        self.inScope = inScope
        self.results = results
    }

    /// How many entities matched.
    public var matched: Int { results.count { $0.outcome == .matched } }
}
