import Foundation
import Trafficking

/// Runs rules over one evaluation pass's entities and metrics: a preview of one rule, or a run of many.
///
/// A run evaluates every enabled rule with the shared ``RuleEvaluator`` (one metrics index, compiled conditions)
/// and plans each in turn with the ``RulePlanner``, threading the history through so a change planned for one rule
/// counts against the next. Which rules are due (``RuleSchedule/isDue(lastRun:now:)``) is the scheduler's choice;
/// a run takes the rules it is given.
public struct RuleRunner: Sendable {
    /// The entities and their metrics.
    public let evaluator: RuleEvaluator
    /// The guardrails and platforms.
    public let planner: RulePlanner

    /// A runner.
    public init(evaluator: RuleEvaluator, planner: RulePlanner) {
        self.evaluator = evaluator
        self.planner = planner
    }

    /// A dry run: every entity in the rule's scope, evaluated and matched (with the values that matched and what
    /// would be done), not matched, skipped (and why) or errored. Nothing is enqueued, sent or recorded: the history
    /// is taken by value and the plan's requests are only listed.
    public func preview(_ rule: Rule, history: ChangeHistory, now: Date) throws(RuleRefusal) -> RulePlan {
        let compiled = try CompiledRule(rule)
        var scratch = history
        return planner.plan(
            compiled, evaluation: evaluator.evaluate(compiled, includeUnmatched: true),
            entities: evaluator.entities, history: &scratch, now: now, isPreview: true)
    }

    /// A run of the enabled rules, in order, at `now`: their plans, with every planned change recorded in `history`.
    public func run(_ rules: [CompiledRule], history: inout ChangeHistory, now: Date) -> [RulePlan] {
        rules.filter(\.rule.enabled).map { rule in
            planner.plan(
                rule, evaluation: evaluator.evaluate(rule), entities: evaluator.entities, history: &history, now: now)
        }
    }
}
