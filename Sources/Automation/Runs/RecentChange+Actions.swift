import AdPlatformKit
import Foundation
import Trafficking

extension RecentChange {
    /// The changes a lifecycle action made or is making, one per entity it changes, dated when it was asked for.
    /// A failed action counts only the entities it did change; a targeting change is none of the guardrails'.
    public static func changes(of action: LifecycleAction) -> [RecentChange] {
        let steps = action.status == .failed ? action.changes : action.steps
        let ruleID = action.requestedBy.hasPrefix("rule:") ? String(action.requestedBy.dropFirst(5)) : nil
        return steps.compactMap { step in
            let field: ChangeField
            switch step.newValue {
            case .status: field = .status
            case .budget: field = .budget
            case .bid: field = .bid
            default: return nil
            }
            return RecentChange(
                at: action.createdAt,
                entity: EntityKey(campaignID: action.campaignID, level: step.level, platformID: step.platformID),
                field: field, ruleID: ruleID, oldAmount: step.oldValue.flatMap(RulePlanner.amount),
                newAmount: RulePlanner.amount(step.newValue), newStatus: step.newValue.status)
        }
    }
}
