import AdPlatformKit
import Foundation
import Optimization
import Trafficking

/// One creative test (the ads of one ad group compared on a rate), as `GET` and `POST
/// /api/v1/campaigns/{id}/creative-tests` and `adops creatives test --json` give it.
public struct CreativeTestResource: Encodable, Sendable {
    var id: UUID
    var runID: UUID
    var campaignID: UUID
    var adAccountID: UUID
    var platform: PlatformID
    var adGroupID: String
    var adGroupName: String?
    var metric: String
    var mode: String
    var since: String
    var until: String
    var outcome: String
    var leaderAdID: String?
    var winnerAdID: String?
    var threshold: Double
    var sampleNeededPerArm: Int64?
    var summary: String
    var createdAt: Date
    var arms: [CreativeTestArmResource]

    private enum CodingKeys: String, CodingKey {
        case id
        case runID = "run_id"
        case campaignID = "campaign_id"
        case adAccountID = "ad_account_id"
        case platform
        case adGroupID = "ad_group_id"
        case adGroupName = "ad_group_name"
        case metric, mode, since, until, outcome
        case leaderAdID = "leader_ad_id"
        case winnerAdID = "winner_ad_id"
        case threshold
        case sampleNeededPerArm = "sample_needed_per_arm"
        case summary
        case createdAt = "created_at"
        case arms
    }

    /// The resource of a stored test. A metric or mode this version does not know is given as stored.
    public init(_ record: CreativeTestRecord) {
        id = record.id
        runID = record.runID
        campaignID = record.campaignID
        adAccountID = record.accountID
        platform = record.platform
        adGroupID = record.adGroupID
        adGroupName = record.adGroupName
        metric = CreativeTestMetric(name: record.metric)?.shortName ?? record.metric
        mode = OptimizationMode(rawValue: record.mode).map(OptimizationDecisionResource.name) ?? record.mode
        since = record.since
        until = record.until
        outcome = record.winnerAdID == nil ? "keep_testing" : "winner"
        leaderAdID = record.leaderAdID
        winnerAdID = record.winnerAdID
        threshold = record.threshold
        sampleNeededPerArm = record.sampleNeededPerArm
        summary = record.summary
        createdAt = record.createdAt
        arms = record.arms.map(CreativeTestArmResource.init)
    }
}
