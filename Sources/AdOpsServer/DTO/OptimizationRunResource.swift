import AdPlatformKit
import Foundation
import Optimization
import Trafficking

/// What one optimiser run did, as `POST /api/v1/optimizations` and `adops optimize --json` give it: the decisions,
/// the campaigns left alone, and in apply mode the lifecycle actions requested.
public struct OptimizationRunResource: Encodable, Sendable {
    /// A campaign the run left alone, and why.
    struct Skipped: Encodable, Sendable {
        var campaignID: UUID
        var campaignName: String?
        var platform: PlatformID?
        var reason: String

        private enum CodingKeys: String, CodingKey {
            case campaignID = "campaign_id"
            case campaignName = "campaign_name"
            case platform, reason
        }
    }

    var mode: String
    var ranAt: Date
    var since: String
    var until: String
    var decisions: [OptimizationDecisionResource]
    var skipped: [Skipped]
    var actionIDs: [UUID]

    private enum CodingKeys: String, CodingKey {
        case mode
        case ranAt = "ran_at"
        case since, until, decisions, skipped
        case actionIDs = "action_ids"
    }

    /// The resource of a run.
    public init(_ run: OptimizationRun) {
        mode = OptimizationDecisionResource.name(of: run.mode)
        ranAt = run.ranAt
        since = run.since
        until = run.until
        decisions = run.decisions.map { OptimizationDecisionResource($0, mode: run.mode, at: run.ranAt) }
        skipped = run.skipped.map { skip in
            let campaign = run.campaigns[skip.campaignID]
            return Skipped(
                campaignID: skip.campaignID, campaignName: campaign?.name, platform: campaign?.platform,
                reason: skip.reason)
        }
        actionIDs = run.actionIDs
    }
}
