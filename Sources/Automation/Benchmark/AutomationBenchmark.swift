import AdPlatformKit
import Foundation
import Trafficking

/// Times one full evaluation pass (issue 14 §2's budget: 1,000 rules over 10,000 entities with 30 days of metrics
/// each in at most 10 s): indexing the rows, evaluating every rule, and planning every match under the guardrails.
public enum AutomationBenchmark {
    /// What one pass took and did.
    public struct Figures: Sendable, Hashable, Codable, CustomStringConvertible {
        /// Entities in the pass.
        public var entities: Int
        /// Rules run.
        public var rules: Int
        /// Daily rows indexed.
        public var rows: Int
        /// Seconds to build the metrics index (prefix sums, every window).
        public var indexSeconds: Double
        /// Seconds to compile and evaluate every rule's conditions over its scope.
        public var evaluateSeconds: Double
        /// Seconds to plan every match under the guardrails.
        public var planSeconds: Double
        /// Rule × entity pairs evaluated.
        public var evaluations: Int
        /// Rule × entity pairs matched.
        public var matches: Int
        /// Lifecycle action requests planned.
        public var requests: Int

        /// The whole pass.
        public var totalSeconds: Double { indexSeconds + evaluateSeconds + planSeconds }

        /// A few lines for people.
        public var description: String {
            func format(_ seconds: Double) -> String { String(format: "%.3f s", seconds) }
            return """
                automation pass: \(rules) rules over \(entities) entities, \(rows) daily rows
                  index:    \(format(indexSeconds))
                  evaluate: \(format(evaluateSeconds)) (\(evaluations) rule × entity evaluations, \(matches) matched)
                  plan:     \(format(planSeconds)) (\(requests) action requests)
                  total:    \(format(totalSeconds))
                """
        }
    }

    /// Runs one pass over the workload at its day's noon with the standard guardrails and the given platforms'
    /// capabilities, and times its phases.
    public static func measure(_ workload: AutomationWorkload, platforms: [PlatformCapabilities]) throws -> Figures {
        let clock = ContinuousClock()
        let now = workload.today.midnight.addingTimeInterval(12 * 3_600)
        let indexStart = clock.now
        let metrics = MetricsIndex(rows: workload.rows, today: workload.today)
        let evaluator = RuleEvaluator(entities: workload.entities, metrics: metrics)
        let indexed = clock.now
        let compiled = try workload.rules.map { try CompiledRule($0) }
        let evaluations = compiled.map { evaluator.evaluate($0) }
        let evaluated = clock.now
        let planner = RulePlanner(platforms: platforms, signer: WebhookSigner(secret: Data("benchmark".utf8)))
        var history = ChangeHistory()
        var requests = 0
        for (rule, evaluation) in zip(compiled, evaluations) {
            let plan = planner.plan(
                rule, evaluation: evaluation, entities: evaluator.entities, history: &history, now: now)
            requests += plan.requests.count
        }
        let planned = clock.now
        return Figures(
            entities: workload.entities.count, rules: workload.rules.count, rows: workload.rows.count,
            indexSeconds: seconds(indexed - indexStart), evaluateSeconds: seconds(evaluated - indexed),
            planSeconds: seconds(planned - evaluated), evaluations: evaluations.reduce(0) { $0 + $1.inScope },
            matches: evaluations.reduce(0) { $0 + $1.matched }, requests: requests)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
