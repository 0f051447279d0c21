import AdPlatformKit
import Foundation
import Trafficking

extension RulePlanner {
    /// A budget change: the rule's change, cut to the guardrails, the rule's bounds and the platform's minimum.
    func budget(
        _ change: ChangeAmount, minimum: Money?, maximum: Money?, _ entity: RuleEntity, history: ChangeHistory,
        now: Date
    ) -> ActionOutcome.Result {
        guard var current = entity.budget else {
            return .errored("no budget of \(entity.name) is known: sync the campaign first")
        }
        if let newer = history.latestAmount(of: entity.key, field: .budget, after: entity.seenAt) {
            current.amount.minorUnits = newer
        }
        let currency = current.amount.currency
        for bound in [minimum, maximum].compactMap({ $0 }) where bound.currency != currency {
            return .errored("the rule's bounds are in \(bound.currency.code); the account bills in \(currency.code)")
        }
        let proposed: Int64
        switch proposal(change, from: current.amount.minorUnits, currency: currency) {
        case .success(let amount): proposed = amount
        case .failure(let message): return .errored(message)
        }
        var bounds: [(floor: Money?, ceiling: Money?, reason: SkipReason.Kind, name: String)] = [
            (minimum, maximum, .ruleBounds, "the rule's bounds")
        ]
        if let capabilities = platforms[entity.platform], current.period == .daily,
            let micros = capabilities.budget.dailyMinimumMicros
        {
            // The minimum in minor units, rounded up: a budget is never below it.
            let factor = Int64(pow(10, Double(max(0, 6 - currency.minorUnitDigits))))
            let least = Money(minorUnits: (micros + factor - 1) / factor, currency: currency)
            bounds.append((least, nil, .platformMinimum, "\(capabilities.displayName)'s minimum of \(least)"))
        }
        let limited = limit(
            current: current.amount.minorUnits, proposed: proposed, field: .budget, entity: entity, bounds: bounds,
            currency: currency, history: history, now: now)
        switch limited {
        case .failure(let reason): return .skipped(reason)
        case .success(let (amount, limitedBy)):
            let budget = Budget(current.period, Money(minorUnits: amount, currency: currency))
            return plannedChange(
                entity, platform: .budget(budget), kind: .budget(budget), from: .budget(current),
                to: .budget(budget), limitedBy: limitedBy)
        }
    }

    /// A change the platform can make, planned as a request for the entity; one it cannot, an error naming the
    /// capability it lacks.
    private func plannedChange(
        _ entity: RuleEntity, platform lifecycle: LifecycleChange, kind: ActionKind, from oldValue: ActionValue,
        to newValue: ActionValue, limitedBy: [String]
    ) -> ActionOutcome.Result {
        if let capabilities = platforms[entity.platform],
            let refusal = capabilities.lifecycleRefusal(for: lifecycle, at: entity.key.level.kind)
        {
            return .errored(refusal.message)
        }
        return .planned(
            PlannedChange(
                oldValue: oldValue, newValue: newValue, limitedBy: limitedBy,
                request: ActionRequest(
                    campaignID: entity.key.campaignID, kind: kind, level: entity.key.level,
                    entityIDs: [entity.key.platformID], requestedBy: "")))
    }

    /// A bid change: a bid cap's or cost cap's amount, or a target ROAS, cut to the guardrails.
    func bid(_ change: ChangeAmount, _ entity: RuleEntity, history: ChangeHistory, now: Date) -> ActionOutcome.Result {
        guard var current = entity.bid else {
            return .errored("no bid of \(entity.name) is known: sync the campaign first")
        }
        if let newer = history.latestAmount(of: entity.key, field: .bid, after: entity.seenAt) {
            switch current {
            case .bidCap(let money): current = .bidCap(Money(minorUnits: newer, currency: money.currency))
            case .costCap(let money): current = .costCap(Money(minorUnits: newer, currency: money.currency))
            case .targetROAS: current = .targetROAS(ReturnOnAdSpend(basisPoints: newer))
            case .automatic: break
            }
        }
        let next: BidStrategy
        var limitedBy: [String] = []
        switch current {
        case .automatic:
            return .skipped(
                SkipReason(.notApplicable, "\(entity.name) bids automatically: there is no amount to change"))
        case .bidCap(let money), .costCap(let money):
            let proposed: Int64
            switch proposal(change, from: money.minorUnits, currency: money.currency) {
            case .success(let amount): proposed = amount
            case .failure(let message): return .errored(message)
            }
            let least = Money(minorUnits: 1, currency: money.currency)
            switch limit(
                current: money.minorUnits, proposed: proposed, field: .bid, entity: entity,
                bounds: [(least, nil, .platformMinimum, "the least bid of \(least)")], currency: money.currency,
                history: history, now: now)
            {
            case .failure(let reason): return .skipped(reason)
            case .success(let (amount, limits)):
                limitedBy = limits
                let changed = Money(minorUnits: amount, currency: money.currency)
                next = current.kind == .bidCap ? .bidCap(changed) : .costCap(changed)
            }
        case .targetROAS(let roas):
            guard case .percent = change else {
                return .skipped(
                    SkipReason(.notApplicable, "\(entity.name) bids for a target ROAS: change it by a percentage"))
            }
            let proposed: Int64
            switch proposal(change, from: roas.basisPoints, currency: nil) {
            case .success(let amount): proposed = amount
            case .failure(let message): return .errored(message)
            }
            switch limit(
                current: roas.basisPoints, proposed: proposed, field: .bid, entity: entity, bounds: [],
                currency: nil, history: history, now: now)
            {
            case .failure(let reason): return .skipped(reason)
            case .success(let (amount, limits)):
                limitedBy = limits
                next = .targetROAS(ReturnOnAdSpend(basisPoints: max(1, amount)))
            }
        }
        return plannedChange(
            entity, platform: .bid(next), kind: .bid(next), from: .bid(current), to: .bid(next), limitedBy: limitedBy)
    }

    /// The amount the rule asks for, before any guardrail.
    private func proposal(_ change: ChangeAmount, from current: Int64, currency: Currency?) -> ProposalResult {
        switch change {
        case .percent(let percent):
            let delta = (Double(current) * percent / 100).rounded()
            guard delta.isFinite, abs(delta) < 9e18 else { return .failure("the change is too large") }
            let (amount, overflow) = current.addingReportingOverflow(Int64(delta))
            return overflow ? .failure("the change is too large") : .success(amount)
        case .amount(let money):
            guard let currency else { return .failure("an amount of money cannot change a ratio") }
            guard money.currency == currency else {
                return .failure("the rule's amount is in \(money.currency.code); the account bills in \(currency.code)")
            }
            let (amount, overflow) = current.addingReportingOverflow(money.minorUnits)
            return overflow ? .failure("the change is too large") : .success(amount)
        }
    }

    /// Holds a budget or bid change to the guardrails, in order: the changes in the last hour and day, the size of
    /// one change, the size of the day's changes, then the bounds (the rule's, the platform's minimum). A change cut
    /// to nothing is skipped with the reason that cut it.
    private func limit(
        current: Int64, proposed: Int64, field: ChangeField, entity: RuleEntity,
        bounds: [(floor: Money?, ceiling: Money?, reason: SkipReason.Kind, name: String)], currency: Currency?,
        history: ChangeHistory, now: Date
    ) -> LimitResult {
        let what = field == .budget ? "budget" : "bid"
        let day = history.amountChanges(of: entity.key, field: field, since: now.addingTimeInterval(-86_400))
        let hourStart = now.addingTimeInterval(-3_600)
        let hour = day.filter { $0.at >= hourStart }
        let perHour = guardrails.effectiveChangesPerHour
        if hour.count >= perHour, let first = hour.first {
            return .failure(
                SkipReason(
                    .changesPerHour,
                    "\(entity.name)'s \(what) changed \(hour.count) times in the last hour; at most \(perHour)",
                    until: first.at.addingTimeInterval(3_600)))
        }
        if day.count >= guardrails.maxChangesPerDay, let first = day.first {
            return .failure(
                SkipReason(
                    .changesPerDay,
                    "\(entity.name)'s \(what) changed \(day.count) times in 24 hours; at most "
                        + "\(guardrails.maxChangesPerDay)", until: first.at.addingTimeInterval(86_400)))
        }
        var amount = proposed
        var limitedBy: [String] = []
        // One change: at most maxChangePercent of the current value.
        let step = Int64((Double(current) * guardrails.maxChangePercent / 100).rounded(.down))
        let clampedStep = min(max(amount, current - step), current + step)
        if clampedStep != amount {
            amount = clampedStep
            limitedBy.append("maxChangePercent")
        }
        // A day's changes: within maxDailyChangePercent of the value before the first change in 24 hours.
        let baseline = day.first?.oldAmount ?? current
        let span = Double(baseline) * guardrails.maxDailyChangePercent / 100
        let low = Int64((Double(baseline) - span).rounded(.up))
        let high = Int64((Double(baseline) + span).rounded(.down))
        let clampedDay = min(max(amount, low), high)
        if clampedDay != amount {
            amount = clampedDay
            limitedBy.append("maxDailyChangePercent")
            if (proposed > current && amount <= current) || (proposed < current && amount >= current) {
                return .failure(
                    SkipReason(
                        .dailyChangeLimit,
                        "\(entity.name)'s \(what) already moved \(MetricExpression.format(guardrails.maxDailyChangePercent))% "
                            + "in 24 hours", until: day.first.map { $0.at.addingTimeInterval(86_400) }))
            }
        }
        for bound in bounds {
            if let floor = bound.floor?.minorUnits, amount < floor, proposed < current {
                guard current > floor else {
                    return .failure(SkipReason(bound.reason, "\(entity.name)'s \(what) is at \(bound.name)"))
                }
                amount = floor
                limitedBy.append(bound.reason.rawValue)
            }
            if let ceiling = bound.ceiling?.minorUnits, amount > ceiling, proposed > current {
                guard current < ceiling else {
                    return .failure(SkipReason(bound.reason, "\(entity.name)'s \(what) is at \(bound.name)"))
                }
                amount = ceiling
                limitedBy.append(bound.reason.rawValue)
            }
        }
        guard amount != current else {
            return .failure(SkipReason(.notApplicable, "the change to \(entity.name)'s \(what) rounds to nothing"))
        }
        return .success((amount, limitedBy))
    }
}

/// The amount a rule asks for, or why it cannot be computed.
enum ProposalResult {
    case success(Int64)
    case failure(String)
}

/// The amount after the guardrails with the ones that cut it, or why the change is held back.
enum LimitResult {
    case success((Int64, [String]))
    case failure(SkipReason)
}
