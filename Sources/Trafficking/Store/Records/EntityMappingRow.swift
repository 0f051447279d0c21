import AdPlatformKit
import Foundation
import GRDB

/// A row of `entity_mappings`: one platform entity of a campaign of ours.
struct EntityMappingRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "entity_mappings"

    var campaignID: String
    var level: String
    var platformID: String
    var parentPlatformID: String?
    var name: String
    var stepKey: String
    var lastSeenStatus: String?
    var lastSeenBudgetJSON: String?
    var lastSeenAt: Date

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case campaignID = "campaign_id"
        case level
        case platformID = "platform_id"
        case parentPlatformID = "parent_platform_id"
        case name
        case stepKey = "step_key"
        case lastSeenStatus = "last_seen_status"
        case lastSeenBudgetJSON = "last_seen_budget_json"
        case lastSeenAt = "last_seen_at"
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// The public value, or ``StoreError`` `corrupt` naming the column that cannot be read.
    func mapping() throws -> EntityMapping {
        let table = Self.databaseTableName
        let row = "(\(campaignID), \(level), \(platformID))"
        var status: DeliveryStatus?
        if let lastSeenStatus {
            guard let known = DeliveryStatus(rawValue: lastSeenStatus) else {
                throw StoreError.corrupt(
                    table: table, row: row, column: "last_seen_status", "holds unknown status '\(lastSeenStatus)'")
            }
            status = known
        }
        return EntityMapping(
            campaignID: try UUID.stored(campaignID, table: table, row: row, column: "campaign_id"),
            level: EntityKind(rawValue: level), platformID: platformID, parentPlatformID: parentPlatformID,
            name: name, stepKey: stepKey, lastSeenStatus: status,
            lastSeenBudget: try lastSeenBudgetJSON.map {
                try StoreJSON.decode(Budget.self, from: $0, table: table, row: row, column: "last_seen_budget_json")
            },
            lastSeenAt: lastSeenAt)
    }
}
