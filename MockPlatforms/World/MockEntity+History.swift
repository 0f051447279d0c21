import Foundation

/// The budget and targeting an entity had at past instants, from the values later changes replaced.
extension MockEntity {
    /// Whether it carries a budget, or carried one before a change removed it: delivery then spends from it.
    public var carriesBudget: Bool {
        dailyBudgetMicros != nil || lifetimeBudgetMicros != nil
            || (budgetHistory?.contains { $0.dailyMicros != nil || $0.lifetimeMicros != nil } ?? false)
    }

    /// The budget it carried at an instant: the one a later change replaced, else the current one.
    public func budget(at instant: Date) -> (daily: Int64?, lifetime: Int64?) {
        if let period = budgetHistory?.first(where: { $0.until > instant }) {
            return (period.dailyMicros, period.lifetimeMicros)
        }
        return (dailyBudgetMicros, lifetimeBudgetMicros)
    }

    /// Records what a write changed for delivery, on the entity as written: the budget and the targeting it
    /// replaced, so earlier days keep them. A write that deletes an entity still active also ends its active
    /// interval, so a removed entity stops delivering whatever its platform's code remembered to do.
    mutating func recordDeliveryChanges(from old: MockEntity, at now: Date, reader: (any DeliveryInputReading)?) {
        if old.dailyBudgetMicros != dailyBudgetMicros || old.lifetimeBudgetMicros != lifetimeBudgetMicros {
            budgetHistory =
                (budgetHistory ?? []) + [
                    BudgetPeriod(
                        until: now, dailyMicros: old.dailyBudgetMicros, lifetimeMicros: old.lifetimeBudgetMicros)
                ]
        }
        if let reader {
            let keys = reader.targetingFields(ofKind: kind)
            if keys.contains(where: { old.fields[$0] != fields[$0] }) {
                let before = reader.targeting(of: old, criteria: [])
                if before != reader.targeting(of: self, criteria: []) {
                    targetingHistory = (targetingHistory ?? []) + [TargetingPeriod(until: now, targeting: before)]
                }
            }
        }
        if deleted, !old.deleted, isActive { setActive(false, at: now) }
    }
}
