import Automation
import Foundation
import Trafficking

/// A rule's plan, as `POST /api/v1/rules/{id}/preview` and `adops rules preview --json` give it: a result per
/// entity, how many had each outcome, the lifecycle actions it asks for and the notifications it sends. A preview
/// lists every entity in scope and has requested and sent nothing; a run lists only the matched, skipped and errored
/// ones.
public struct RulePlanResource: Encodable, Sendable {
    /// How many entities had each outcome.
    struct Counts: Encodable, Sendable {
        var matched: Int
        var notMatched: Int
        var skipped: Int
        var errored: Int

        private enum CodingKeys: String, CodingKey {
            case matched
            case notMatched = "not_matched"
            case skipped, errored
        }
    }

    /// A lifecycle action the plan asks the engine for.
    struct Request: Encodable, Sendable {
        var campaignID: UUID
        var type: String
        var level: ActionLevel
        var entityIDs: [String]
        var newValue: ActionValue

        private enum CodingKeys: String, CodingKey {
            case campaignID = "campaign_id"
            case type, level
            case entityIDs = "entity_ids"
            case newValue = "new_value"
        }
    }

    var ruleID: String
    var evaluatedAt: Date
    var preview: Bool
    var evaluated: Int
    var counts: Counts
    var results: [RuleResultResource]
    var requests: [Request]
    var notifications: [String]

    private enum CodingKeys: String, CodingKey {
        case ruleID = "rule_id"
        case evaluatedAt = "evaluated_at"
        case preview, evaluated, counts, results, requests, notifications
    }

    /// The resource of a plan.
    public init(_ plan: RulePlan) {
        ruleID = plan.ruleID
        evaluatedAt = plan.evaluatedAt
        preview = plan.isPreview
        evaluated = plan.evaluated
        let matched = plan.results(.matched).count
        let skipped = plan.results(.skipped).count
        let errored = plan.results(.errored).count
        // A run leaves out the entities that did not match, to keep a big pass small; they are the rest.
        let notMatched =
            plan.isPreview ? plan.results(.notMatched).count : max(0, plan.evaluated - matched - skipped - errored)
        counts = Counts(matched: matched, notMatched: notMatched, skipped: skipped, errored: errored)
        results = plan.results.map(RuleResultResource.init)
        requests = plan.requests.map { request in
            Request(
                campaignID: request.campaignID, type: request.kind.name, level: request.level,
                entityIDs: request.entityIDs, newValue: request.kind.newValue)
        }
        notifications = plan.notifications.map(\.url)
    }
}
