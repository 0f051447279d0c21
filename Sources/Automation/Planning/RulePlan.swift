import Foundation
import Trafficking

/// What one run (or preview) of a rule decided: a result per entity, the lifecycle action requests to enqueue, the
/// signed webhooks to send, and the history records of what was planned.
///
/// A preview's plan lists what a run would do, and every entity in scope; nothing in it has been enqueued or sent,
/// and the caller's history is untouched.
public struct RulePlan: Sendable {
    /// The rule.
    public var ruleID: String
    /// When it was evaluated.
    public var evaluatedAt: Date
    /// Whether this is a preview (dry run).
    public var isPreview: Bool
    /// How many entities were in scope.
    public var evaluated: Int
    /// Per entity: every entity in scope for a preview; matched, skipped and errored ones for a run.
    public var results: [EvaluationResult]
    /// The lifecycle actions to ask the engine for (``TraffickingEngine/requestAction(_:)``).
    public var requests: [ActionRequest]
    /// The notifications to send.
    public var notifications: [WebhookDelivery]
    /// The history records, one per planned action, without action ids or responses yet.
    public var executions: [RuleExecution]

    /// Creates a plan.
    public init(
        ruleID: String, evaluatedAt: Date, isPreview: Bool, evaluated: Int, results: [EvaluationResult],
        requests: [ActionRequest], notifications: [WebhookDelivery], executions: [RuleExecution]
    ) {
        self.ruleID = ruleID
        self.evaluatedAt = evaluatedAt
        self.isPreview = isPreview
        self.evaluated = evaluated
        self.results = results
        self.requests = requests
        self.notifications = notifications
        self.executions = executions
    }

    /// The results with an outcome.
    public func results(_ outcome: EvaluationResult.Outcome) -> [EvaluationResult] {
        results.filter { $0.outcome == outcome }
    }
}
