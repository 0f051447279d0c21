import AdPlatformKit
import Foundation

/// The recent changes per entity and per rule: what the cooldown, the change counts, the 24-hour limit and the
/// execution limit read. The engine gives at least the last 24 hours (and the cooldown, if longer); older changes
/// change nothing.
///
/// A value: a preview works on a copy and leaves the caller's untouched; a run records what it plans, so the next
/// rule of the same pass sees it.
///
/// Indexed as it is recorded (per entity: the last change by each rule, the budget and bid amounts, the last
/// status), because a pass of a thousand rules asks it for every match.
public struct ChangeHistory: Sendable, Hashable {
    /// One budget or bid change, as the guardrails count it.
    struct AmountChange: Sendable, Hashable {
        var at: Date
        var oldAmount: Int64?
        var newAmount: Int64?
    }

    /// One entity's changes, indexed.
    struct EntityChanges: Sendable, Hashable {
        var all: [RecentChange] = []
        var lastByRule: [String: Date] = [:]
        var budget: [AmountChange] = []
        var bid: [AmountChange] = []
        var lastStatus: (at: Date, status: DeliveryStatus)?

        static func == (lhs: EntityChanges, rhs: EntityChanges) -> Bool { lhs.all == rhs.all }
        func hash(into hasher: inout Hasher) { hasher.combine(all) }
    }

    private var byEntity: [EntityKey: EntityChanges] = [:]
    private var byRule: [String: [Date]] = [:]

    /// A history of `changes`, in any order.
    public init(_ changes: [RecentChange] = []) {
        for change in changes.sorted(by: { $0.at < $1.at }) { record(change) }
    }

    /// Adds a change; changes are expected in time order, as a run makes them.
    public mutating func record(_ change: RecentChange) {
        var entity = byEntity.removeValue(forKey: change.entity) ?? EntityChanges()
        entity.all.append(change)
        if let rule = change.ruleID {
            entity.lastByRule[rule] = change.at
            byRule[rule, default: []].append(change.at)
        }
        let amount = AmountChange(at: change.at, oldAmount: change.oldAmount, newAmount: change.newAmount)
        switch change.field {
        case .budget: entity.budget.append(amount)
        case .bid: entity.bid.append(amount)
        case .status, .notification: break
        }
        if let status = change.newStatus { entity.lastStatus = (change.at, status) }
        byEntity[change.entity] = entity
    }

    /// Every change, oldest first.
    public var changes: [RecentChange] { byEntity.values.flatMap(\.all).sorted { $0.at < $1.at } }

    /// The entity's changes, oldest first.
    public func changes(of entity: EntityKey) -> [RecentChange] { byEntity[entity]?.all ?? [] }

    /// The entity's changes to `field` made at or after `since`, oldest first.
    public func changes(of entity: EntityKey, field: ChangeField, since: Date) -> [RecentChange] {
        (byEntity[entity]?.all ?? []).filter { $0.field == field && $0.at >= since }
    }

    /// The entity's budget or bid changes at or after `since`, oldest first, without copying whole records.
    func amountChanges(of entity: EntityKey, field: ChangeField, since: Date) -> ArraySlice<AmountChange> {
        guard let changes = byEntity[entity] else { return [] }
        let list = field == .bid ? changes.bid : changes.budget
        // In time order: find the first inside the window from the end, as windows are short.
        var start = list.endIndex
        while start > list.startIndex, list[start - 1].at >= since { start -= 1 }
        return list[start...]
    }

    /// The amount the entity's `field` was last changed to after `seenAt` (after anything, when `nil`): newer than
    /// what was last read of it, such as a change another rule planned earlier in the same pass.
    public func latestAmount(of entity: EntityKey, field: ChangeField, after seenAt: Date?) -> Int64? {
        guard let changes = byEntity[entity] else { return nil }
        let list = field == .bid ? changes.bid : changes.budget
        guard let last = list.last(where: { $0.newAmount != nil }) else { return nil }
        if let seenAt, last.at <= seenAt { return nil }
        return last.newAmount
    }

    /// The status the entity was last set to after `seenAt` (after anything, when `nil`).
    public func latestStatus(of entity: EntityKey, after seenAt: Date?) -> DeliveryStatus? {
        guard let last = byEntity[entity]?.lastStatus else { return nil }
        if let seenAt, last.at <= seenAt { return nil }
        return last.status
    }

    /// When the rule last changed the entity.
    public func lastChange(of entity: EntityKey, by rule: String) -> Date? {
        byEntity[entity]?.lastByRule[rule]
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
