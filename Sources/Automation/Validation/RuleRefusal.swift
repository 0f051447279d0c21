/// A rule refused: every problem found, each with its path, not just the first.
public struct RuleRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in document order.
    public var problems: [RuleProblem]

    /// Creates a refusal.
    public init(problems: [RuleProblem]) {
        self.problems = problems
    }

    /// One problem a line.
    public var description: String {
        "the rule has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
