import AdPlatformKit
import Foundation
import Optimization
import Trafficking

/// What one creative-test run did, as `POST /api/v1/campaigns/{id}/creative-tests` and `adops creatives test
/// --json` give it: a test per ad group, the ad groups left untested, and in apply mode the pauses requested.
public struct CreativeTestRunResource: Encodable, Sendable {
    /// An ad group the run did not test, and why.
    struct Skipped: Encodable, Sendable {
        var adGroupID: String
        var adGroupName: String?
        var reason: String

        private enum CodingKeys: String, CodingKey {
            case adGroupID = "ad_group_id"
            case adGroupName = "ad_group_name"
            case reason
        }
    }

    var runID: UUID
    var campaignID: UUID
    var campaignName: String
    var platform: PlatformID
    var metric: String
    var mode: String
    var ranAt: Date
    var since: String
    var until: String
    var tests: [CreativeTestResource]
    var skipped: [Skipped]
    var actionIDs: [UUID]

    private enum CodingKeys: String, CodingKey {
        case runID = "run_id"
        case campaignID = "campaign_id"
        case campaignName = "campaign_name"
        case platform, metric, mode
        case ranAt = "ran_at"
        case since, until, tests, skipped
        case actionIDs = "action_ids"
    }

    /// The resource of a run.
    public init(_ run: CreativeTestRun) {
        runID = run.id
        campaignID = run.campaign.id
        campaignName = run.campaign.name
        platform = run.campaign.platform
        metric = run.metric.shortName
        mode = OptimizationDecisionResource.name(of: run.mode)
        ranAt = run.ranAt
        since = run.since
        until = run.until
        tests = run.tests.map { CreativeTestResource($0.record) }
        skipped = run.skipped.map {
            Skipped(adGroupID: $0.adGroupID, adGroupName: $0.adGroupName, reason: $0.reason)
        }
        actionIDs = run.actionIDs
    }
}
