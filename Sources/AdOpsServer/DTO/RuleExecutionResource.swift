import AdPlatformKit
import Automation
import Foundation
import Trafficking

/// One action a rule took on one entity, as the rule history lists it (`GET /api/v1/rules/{id}/history`,
/// `GET /api/v1/rule_executions`, `adops rules history --json`): the rule, the entity, the action, the values its
/// conditions read, the value before and after, the lifecycle action that carries it, and what came of it.
public struct RuleExecutionResource: Encodable, Sendable {
    /// What came of the execution.
    struct Outcome: Encodable, Sendable {
        var succeeded: Bool
        var message: String
    }

    var id: UUID
    var ruleID: String
    var ruleName: String
    var campaignID: UUID
    var accountID: UUID
    var platform: PlatformID
    var level: String
    var entityID: String
    var action: String
    var ruleAction: RuleAction?
    var inputs: [ObservedValueResource]
    var oldValue: ActionValue?
    var newValue: ActionValue?
    var limitedBy: [String]
    var createdAt: Date
    var actionID: UUID?
    var actionStatus: ActionStatus?
    var outcome: Outcome?

    private enum CodingKeys: String, CodingKey {
        case id
        case ruleID = "rule_id"
        case ruleName = "rule_name"
        case campaignID = "campaign_id"
        case accountID = "ad_account_id"
        case platform, level
        case entityID = "entity_id"
        case action
        case ruleAction = "rule_action"
        case inputs
        case oldValue = "old_value"
        case newValue = "new_value"
        case limitedBy = "limited_by"
        case createdAt = "created_at"
        case actionID = "action_id"
        case actionStatus = "action_status"
        case outcome
    }

    /// The resource of a history line; the details (`rule_action`, `inputs`, old and new values) are left empty
    /// when the line was written by a later version that this one cannot read.
    public init(_ record: RuleExecutionRecord) {
        id = record.id
        ruleID = record.ruleID
        ruleName = record.ruleName
        campaignID = record.campaignID
        accountID = record.accountID
        platform = record.platform
        level = record.level
        entityID = record.entityID
        action = record.action
        createdAt = record.createdAt
        actionID = record.actionID
        actionStatus = record.actionStatus
        outcome = record.platformResponse.map { Outcome(succeeded: $0.succeeded, message: $0.message) }
        let execution = RuleExecution(record: record)
        ruleAction = execution?.action
        inputs = execution?.inputs.map(ObservedValueResource.init) ?? []
        oldValue = execution?.oldValue
        newValue = execution?.newValue
        limitedBy = execution?.limitedBy ?? []
    }

    /// Encodes every key, absent values as `null`, so clients can always read them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(ruleID, forKey: .ruleID)
        try container.encode(ruleName, forKey: .ruleName)
        try container.encode(campaignID, forKey: .campaignID)
        try container.encode(accountID, forKey: .accountID)
        try container.encode(platform, forKey: .platform)
        try container.encode(level, forKey: .level)
        try container.encode(entityID, forKey: .entityID)
        try container.encode(action, forKey: .action)
        try container.encode(ruleAction, forKey: .ruleAction)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(oldValue, forKey: .oldValue)
        try container.encode(newValue, forKey: .newValue)
        try container.encode(limitedBy, forKey: .limitedBy)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(actionID, forKey: .actionID)
        try container.encode(actionStatus, forKey: .actionStatus)
        try container.encode(outcome, forKey: .outcome)
    }
}
