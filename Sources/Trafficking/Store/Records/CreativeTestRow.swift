import AdPlatformKit
import Foundation
import GRDB

/// A row of `creative_tests`: one ad group's test in one run; its arms are ``CreativeTestArmRow``s.
struct CreativeTestRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "creative_tests"

    var id: String
    var runID: String
    var campaignID: String
    var accountID: String
    var platform: String
    var adGroupID: String
    var adGroupName: String?
    var metric: String
    var mode: String
    var since: String
    var until: String
    var leaderAdID: String?
    var winnerAdID: String?
    var threshold: Double
    var sampleNeededPerArm: Int64?
    var summary: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case runID = "run_id"
        case campaignID = "campaign_id"
        case accountID = "account_id"
        case platform
        case adGroupID = "ad_group_id"
        case adGroupName = "ad_group_name"
        case metric, mode, since, until
        case leaderAdID = "leader_ad_id"
        case winnerAdID = "winner_ad_id"
        case threshold
        case sampleNeededPerArm = "sample_needed_per_arm"
        case summary
        case createdAt = "created_at"
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// The row of a new test.
    init(_ record: CreativeTestRecord) {
        id = record.id.databaseKey
        runID = record.runID.databaseKey
        campaignID = record.campaignID.databaseKey
        accountID = record.accountID.databaseKey
        platform = record.platform.rawValue
        adGroupID = record.adGroupID
        adGroupName = record.adGroupName
        metric = record.metric
        mode = record.mode
        since = record.since
        until = record.until
        leaderAdID = record.leaderAdID
        winnerAdID = record.winnerAdID
        threshold = record.threshold
        sampleNeededPerArm = record.sampleNeededPerArm
        summary = record.summary
        createdAt = record.createdAt
    }

    /// The public value with its arms, or ``StoreError`` `corrupt` naming the column that cannot be read.
    func record(arms: [CreativeTestArmRow]) throws -> CreativeTestRecord {
        let table = Self.databaseTableName
        return CreativeTestRecord(
            id: try UUID.stored(id, table: table, row: id, column: "id"),
            runID: try UUID.stored(runID, table: table, row: id, column: "run_id"),
            campaignID: try UUID.stored(campaignID, table: table, row: id, column: "campaign_id"),
            accountID: try UUID.stored(accountID, table: table, row: id, column: "account_id"),
            platform: PlatformID(rawValue: platform), adGroupID: adGroupID, adGroupName: adGroupName, metric: metric,
            mode: mode, since: since, until: until, leaderAdID: leaderAdID, winnerAdID: winnerAdID,
            threshold: threshold, sampleNeededPerArm: sampleNeededPerArm, summary: summary,
            arms: try arms.map { try $0.record() }, createdAt: createdAt)
    }
}
