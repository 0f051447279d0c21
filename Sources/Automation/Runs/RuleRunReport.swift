import Foundation
import Trafficking

/// What one run of one rule did: its plan, the lifecycle actions requested, the webhooks' outcomes, and what the
/// engine refused.
public struct RuleRunReport: Sendable {
    /// The plan: every matched, skipped and errored entity, with the values read.
    public var plan: RulePlan
    /// The lifecycle actions requested, in order.
    public var actionIDs: [UUID]
    /// Requests the engine refused, with the reason.
    public var refusals: [String]
    /// Each webhook's URL and what its receiver answered.
    public var deliveries: [(url: String, response: PlatformResponse)]

    /// Creates a report.
    public init(
        plan: RulePlan, actionIDs: [UUID] = [], refusals: [String] = [],
        deliveries: [(url: String, response: PlatformResponse)] = []
    ) {
        self.plan = plan
        self.actionIDs = actionIDs
        self.refusals = refusals
        self.deliveries = deliveries
    }

    /// The rule's id.
    public var ruleID: String { plan.ruleID }
}
