import AdPlatformKit
import Foundation
import Trafficking

extension RuleExecution {
    /// The line the engine's store keeps for this execution (``RuleStore``), with the campaign's account, the id
    /// its lifecycle action is to be requested under, and the whole execution as JSON.
    public func record(id: UUID, accountID: UUID, plannedActionID: UUID?) throws -> RuleExecutionRecord {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return RuleExecutionRecord(
            id: id, ruleID: ruleID, ruleName: ruleName, campaignID: entity.campaignID, accountID: accountID,
            platform: platform, level: entity.level.rawValue, entityID: entity.platformID, action: action.type,
            executionJSON: String(decoding: try encoder.encode(self), as: UTF8.self), createdAt: at,
            plannedActionID: plannedActionID)
    }

    /// The execution a stored line holds, with its action id and what came of it, or `nil` when its JSON is not
    /// one this module can read (a line written by a later version).
    public init?(record: RuleExecutionRecord) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard var execution = try? decoder.decode(RuleExecution.self, from: Data(record.executionJSON.utf8)) else {
            return nil
        }
        execution.actionID = record.actionID
        execution.response = record.platformResponse
        self = execution
    }

    /// The change the guardrails count for it.
    public var recentChange: RecentChange {
        RecentChange(
            at: at, entity: entity, field: action.changeField, ruleID: ruleID,
            oldAmount: oldValue.flatMap(RulePlanner.amount), newAmount: newValue.flatMap(RulePlanner.amount),
            newStatus: newValue?.status)
    }
}

extension RuleExecutionRecord {
    /// What came of the execution: the lifecycle action's outcome once it has finished, or the refusal or the
    /// webhook's delivery; `nil` while the action is still under way.
    public var platformResponse: PlatformResponse? {
        if let actionStatus {
            switch actionStatus {
            case .done:
                return PlatformResponse(succeeded: true, message: platformAnswer ?? "the platform made the change")
            case .failed:
                return PlatformResponse(succeeded: false, message: actionError ?? "the lifecycle action failed")
            case .pending, .processing: return nil
            }
        }
        return response.map { PlatformResponse(succeeded: !failed, message: $0) }
    }
}
