import AdPlatformKit
import Foundation
import GRDB

/// A row of `optimization_log`: one decision of an optimiser, with its values and figures as JSON.
struct OptimizationLogRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "optimization_log"

    var id: String
    var campaignID: String
    var accountID: String
    var platform: String
    var entityID: String?
    var action: String
    var previousValueJSON: String?
    var newValueJSON: String?
    var reason: String
    var confidence: Double
    var metricsJSON: String
    var mode: String
    var createdAt: Date
    var actionID: String?
    var actionError: String?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case campaignID = "campaign_id"
        case accountID = "account_id"
        case platform
        case entityID = "entity_id"
        case action
        case previousValueJSON = "previous_value_json"
        case newValueJSON = "new_value_json"
        case reason, confidence
        case metricsJSON = "metrics_json"
        case mode
        case createdAt = "created_at"
        case actionID = "action_id"
        case actionError = "action_error"
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// The row of a new line.
    init(_ record: OptimizationRecord) throws {
        id = record.id.databaseKey
        campaignID = record.campaignID.databaseKey
        accountID = record.accountID.databaseKey
        platform = record.platform.rawValue
        entityID = record.entityID
        action = record.action
        previousValueJSON = try record.previousValue.map { try StoreJSON.encode($0) }
        newValueJSON = try record.newValue.map { try StoreJSON.encode($0) }
        reason = record.reason
        confidence = record.confidence
        metricsJSON = record.metricsJSON
        mode = record.mode
        createdAt = record.createdAt
        actionID = record.actionID?.databaseKey
        actionError = record.actionError
    }

    /// The public value, or ``StoreError`` `corrupt` naming the column that cannot be read.
    func record() throws -> OptimizationRecord {
        let table = Self.databaseTableName
        func value(_ json: String?, column: String) throws -> ActionValue? {
            try json.map { try StoreJSON.decode(ActionValue.self, from: $0, table: table, row: id, column: column) }
        }
        return OptimizationRecord(
            id: try UUID.stored(id, table: table, row: id, column: "id"),
            campaignID: try UUID.stored(campaignID, table: table, row: id, column: "campaign_id"),
            accountID: try UUID.stored(accountID, table: table, row: id, column: "account_id"),
            platform: PlatformID(rawValue: platform), entityID: entityID, action: action,
            previousValue: try value(previousValueJSON, column: "previous_value_json"),
            newValue: try value(newValueJSON, column: "new_value_json"), reason: reason, confidence: confidence,
            metricsJSON: metricsJSON, mode: mode, createdAt: createdAt,
            actionID: try actionID.map { try UUID.stored($0, table: table, row: id, column: "action_id") },
            actionError: actionError)
    }
}
