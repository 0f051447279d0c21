import AdPlatformKit
import Foundation

/// The recent changes per entity and per rule: what the cooldown, the change counts, the 24-hour limit and the
/// execution limit read. The engine gives at least the last 24 hours (and the cooldown, if longer); older changes
/// change nothing.
///
/// A value: a preview works on a copy and leaves the caller's untouched; a run records what it plans, so the next
/// rule of the same pass sees it.
public struct ChangeHistory: Sendable, Hashable {
    private var byEntity: [EntityKey: [RecentChange]] = [:]
    private var byRule: [String: [Date]] = [:]

    /// A history of `changes`, in any order.
    public init(_ changes: [RecentChange] = []) {
        for change in changes.sorted(by: { $0.at < $1.at }) { record(change) }
    }

    /// Adds a change; changes are expected in time order, as a run makes them.
    public mutating func record(_ change: RecentChange) {
        byEntity[change.entity, default: []].append(change)
        if let rule = change.ruleID { byRule[rule, default: []].append(change.at) }
    }

    /// Every change, oldest first per entity.
    public var changes: [RecentChange] { byEntity.values.flatMap { $0 }.sorted { $0.at < $1.at } }

    /// The entity's changes, oldest first.
    public func changes(of entity: EntityKey) -> [RecentChange] { byEntity[entity] ?? [] }

    /// The entity's changes to `field` made at or after `since`, oldest first.
    public func changes(of entity: EntityKey, field: ChangeField, since: Date) -> [RecentChange] {
        (byEntity[entity] ?? []).filter { $0.field == field && $0.at >= since }
    }

    /// The amount the entity's `field` was last changed to after `seenAt` (after anything, when `nil`): newer than
    /// what was last read of it, such as a change another rule planned earlier in the same pass.
    public func latestAmount(of entity: EntityKey, field: ChangeField, after seenAt: Date?) -> Int64? {
        guard let last = byEntity[entity]?.last(where: { $0.field == field && $0.newAmount != nil }) else { return nil }
        if let seenAt, last.at <= seenAt { return nil }
        return last.newAmount
    }

    /// The status the entity was last set to after `seenAt` (after anything, when `nil`).
    public func latestStatus(of entity: EntityKey, after seenAt: Date?) -> DeliveryStatus? {
        guard let last = byEntity[entity]?.last(where: { $0.newStatus != nil }) else { return nil }
        if let seenAt, last.at <= seenAt { return nil }
        return last.newStatus
    }

    /// The last change the rule made to the entity.
    public func lastChange(of entity: EntityKey, by rule: String) -> RecentChange? {
        byEntity[entity]?.last { $0.ruleID == rule }
    }

    /// How many changes the rule made at or after `since`, across entities.
    public func executions(of rule: String, since: Date) -> Int {
        guard let dates = byRule[rule] else { return 0 }
        // Dates are in time order; count from the end.
        var count = 0
        for date in dates.reversed() {
            guard date >= since else { break }
            count += 1
        }
        return count
    }
}
