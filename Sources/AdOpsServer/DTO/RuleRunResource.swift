import Automation
import Foundation

/// What running a rule now did, as `POST /api/v1/rules/{id}/run` and `adops rules run --json` give it: the plan, the
/// lifecycle actions stored for the worker, the requests the engine refused, and each webhook's delivery.
public struct RuleRunResource: Encodable, Sendable {
    /// One webhook sent, and what its receiver answered.
    struct Delivery: Encodable, Sendable {
        var url: String
        var succeeded: Bool
        var message: String
    }

    var plan: RulePlanResource
    var actionIDs: [UUID]
    var refusals: [String]
    var deliveries: [Delivery]

    private enum CodingKeys: String, CodingKey {
        case plan
        case actionIDs = "action_ids"
        case refusals, deliveries
    }

    /// The resource of a run's report.
    public init(_ report: RuleRunReport) {
        plan = RulePlanResource(report.plan)
        actionIDs = report.actionIDs
        refusals = report.refusals
        deliveries = report.deliveries.map {
            Delivery(url: $0.url, succeeded: $0.response.succeeded, message: $0.response.message)
        }
    }
}
