import Foundation
import GRDB

/// A row of `creative_test_arms`: one ad of a stored creative test, at its position in the test.
struct CreativeTestArmRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "creative_test_arms"

    var testID: String
    var position: Int
    var adID: String
    var adName: String?
    var impressions: Int64
    var clicks: Int64
    var conversions: Int64
    var rate: Double
    var z: Double?
    var pValue: Double?
    var status: String
    var actionID: String?
    var actionError: String?
    var note: String?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case testID = "test_id"
        case position
        case adID = "ad_id"
        case adName = "ad_name"
        case impressions, clicks, conversions, rate, z
        case pValue = "p_value"
        case status
        case actionID = "action_id"
        case actionError = "action_error"
        case note
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// The row of an arm of a new test.
    init(_ arm: CreativeTestArmRecord, test: UUID, position: Int) {
        testID = test.databaseKey
        self.position = position
        adID = arm.adID
        adName = arm.adName
        impressions = arm.impressions
        clicks = arm.clicks
        conversions = arm.conversions
        rate = arm.rate
        z = arm.z
        pValue = arm.pValue
        status = arm.status
        actionID = arm.actionID?.databaseKey
        actionError = arm.actionError
        note = arm.note
    }

    /// The public value, or ``StoreError`` `corrupt` naming the column that cannot be read.
    func record() throws -> CreativeTestArmRecord {
        CreativeTestArmRecord(
            adID: adID, adName: adName, impressions: impressions, clicks: clicks, conversions: conversions, rate: rate,
            z: z, pValue: pValue, status: status,
            actionID: try actionID.map {
                try UUID.stored($0, table: Self.databaseTableName, row: "\(testID)/\(adID)", column: "action_id")
            },
            actionError: actionError, note: note)
    }
}
