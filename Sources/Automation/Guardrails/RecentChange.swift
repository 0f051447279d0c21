import AdPlatformKit
import Foundation

/// A change made to an entity, by a rule or anyone else: the guardrails' input. The engine builds these from its
/// action log; the planner adds the ones it plans.
///
/// Amounts are integers: budgets and bid caps in minor units, target ROAS in basis points.
public struct RecentChange: Sendable, Hashable, Codable {
    /// When it was made (asked for, for a planned change).
    public var at: Date
    /// The entity.
    public var entity: EntityKey
    /// What it changed.
    public var field: ChangeField
    /// The rule that made it; `nil` for a person or an API client.
    public var ruleID: String?
    /// The amount before, for a budget or bid change.
    public var oldAmount: Int64?
    /// The amount after, for a budget or bid change.
    public var newAmount: Int64?
    /// The status after, for a status change.
    public var newStatus: DeliveryStatus?

    /// Creates a change.
    public init(
        at: Date, entity: EntityKey, field: ChangeField, ruleID: String?, oldAmount: Int64? = nil,
        newAmount: Int64? = nil, newStatus: DeliveryStatus? = nil
    ) {
        self.at = at
        self.entity = entity
        self.field = field
        self.ruleID = ruleID
        self.oldAmount = oldAmount
        self.newAmount = newAmount
        self.newStatus = newStatus
    }
}
