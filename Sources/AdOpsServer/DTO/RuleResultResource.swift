import AdPlatformKit
import Automation
import Foundation
import Trafficking

/// What a rule's preview or run says of one entity in scope: `matched` (with the values that matched and what each
/// action does), `notMatched` (with the values read), `skipped` (every action held back, and why) or `errored`.
public struct RuleResultResource: Encodable, Sendable {
    var campaignID: UUID
    var level: ActionLevel
    var platformID: String
    var platform: PlatformID
    var name: String
    var outcome: String
    var values: [ObservedValueResource]
    var actions: [RuleActionOutcomeResource]
    var error: String?

    private enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id"
        case level
        case platformID = "platform_id"
        case platform, name, outcome, values, actions, error
    }

    /// The resource of one entity's result.
    public init(_ result: EvaluationResult) {
        campaignID = result.entity.campaignID
        level = result.entity.level
        platformID = result.entity.platformID
        platform = result.platform
        name = result.name
        outcome = result.outcome.rawValue
        values = result.values.map(ObservedValueResource.init)
        actions = result.actions.map(RuleActionOutcomeResource.init)
        error = result.error
    }
}
