import AdPlatformKit
import Foundation
import GRDB

/// A row of `rule_executions`: one action a rule took on one entity.
struct RuleExecutionRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "rule_executions"

    var id: String
    var ruleID: String
    var ruleName: String
    var campaignID: String
    var accountID: String
    var platform: String
    var level: String
    var entityID: String
    var action: String
    var executionJSON: String
    var createdAt: Date
    var plannedActionID: String?
    var actionID: String?
    var response: String?
    var failed: Bool

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case ruleID = "rule_id"
        case ruleName = "rule_name"
        case campaignID = "campaign_id"
        case accountID = "account_id"
        case platform, level
        case entityID = "entity_id"
        case action
        case executionJSON = "execution_json"
        case createdAt = "created_at"
        case plannedActionID = "planned_action_id"
        case actionID = "action_id"
        case response, failed
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// The row of a new line.
    init(_ record: RuleExecutionRecord) {
        id = record.id.databaseKey
        ruleID = record.ruleID
        ruleName = record.ruleName
        campaignID = record.campaignID.databaseKey
        accountID = record.accountID.databaseKey
        platform = record.platform.rawValue
        level = record.level
        entityID = record.entityID
        action = record.action
        executionJSON = record.executionJSON
        createdAt = record.createdAt
        plannedActionID = record.plannedActionID?.databaseKey
        actionID = record.actionID?.databaseKey
        response = record.response
        failed = record.failed
    }

    /// The public value with its action's status and error as read beside it, or ``StoreError`` `corrupt` naming
    /// the column that cannot be read.
    func record(
        actionStatus: String?, actionError: String?, platformAnswer: String? = nil
    ) throws
        -> RuleExecutionRecord
    {
        let table = Self.databaseTableName
        let status = try actionStatus.map { text in
            guard let status = ActionStatus(rawValue: text) else {
                throw StoreError.corrupt(
                    table: "lifecycle_actions", row: actionID ?? "", column: "status", "holds unknown '\(text)'")
            }
            return status
        }
        return RuleExecutionRecord(
            id: try UUID.stored(id, table: table, row: id, column: "id"), ruleID: ruleID, ruleName: ruleName,
            campaignID: try UUID.stored(campaignID, table: table, row: id, column: "campaign_id"),
            accountID: try UUID.stored(accountID, table: table, row: id, column: "account_id"),
            platform: PlatformID(rawValue: platform), level: level, entityID: entityID, action: action,
            executionJSON: executionJSON, createdAt: createdAt,
            plannedActionID: try plannedActionID.map {
                try UUID.stored($0, table: table, row: id, column: "planned_action_id")
            },
            actionID: try actionID.map { try UUID.stored($0, table: table, row: id, column: "action_id") },
            response: response, failed: failed, actionStatus: status, actionError: actionError,
            platformAnswer: platformAnswer)
    }
}
