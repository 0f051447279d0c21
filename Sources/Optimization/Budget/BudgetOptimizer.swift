import AdPlatformKit
import Foundation
import Trafficking

/// Seed 003's budget optimiser: one decision per campaign from its return on ad spend over a window, made pure.
/// It reads no clock and no store; the day it decides on is given.
///
/// | ROAS | decision |
/// | --- | --- |
/// | ≥ 3.0 | increase 20%, at most 100 of the account currency |
/// | ≥ 2.0 | increase 10% |
/// | ≥ 1.0 | maintain |
/// | < 0.5 | pause |
/// | otherwise | decrease 20% |
///
/// Under 50 of spend or 3 days of delivery in the window, the campaign is still learning and is maintained. A new
/// budget is rounded to what the platform can express (``BudgetGrid``) and kept within the platform's minimum and
/// the campaign's bounds; a change that rounding or bounds undo becomes a maintain that says so.
public struct BudgetOptimizer: Sendable {
    /// The table.
    public var settings: BudgetOptimizerSettings

    /// An optimiser with a table; seed 003's by default.
    public init(settings: BudgetOptimizerSettings = BudgetOptimizerSettings()) {
        self.settings = settings
    }

    /// The days a decision made at `now` looks at: ``BudgetOptimizerSettings/windowDays`` days ending yesterday
    /// (today with ``BudgetOptimizerSettings/includesToday``), in UTC as synced rows are keyed.
    public func window(at now: Date) -> (since: CalendarDay, until: CalendarDay) {
        let until = CalendarDay(now).adding(settings.includesToday ? 0 : -1)
        return (until.adding(-(max(1, settings.windowDays) - 1)), until)
    }

    /// The decision for a campaign with a daily `budget`, on the days it delivered, at `now`.
    public func decide(
        campaignID: UUID, budget: Budget, days: [DailyPerformance], grid: BudgetGrid,
        bounds: BudgetBounds = .open, at now: Date
    ) -> BudgetDecision {
        let (since, until) = window(at: now)
        let snapshot = PerformanceSnapshot.summarizing(days, since: since, until: until, currency: grid.currency)
        return decide(campaignID: campaignID, budget: budget, snapshot: snapshot, grid: grid, bounds: bounds)
    }

    /// The decision for a campaign with a daily `budget` on a snapshot already summed.
    public func decide(
        campaignID: UUID, budget: Budget, snapshot: PerformanceSnapshot, grid: BudgetGrid,
        bounds: BudgetBounds = .open
    ) -> BudgetDecision {
        let currency = grid.currency
        let perMajor = currency.minorUnitsPerMajorUnit
        let current = budget.amount.minorUnits
        func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
        func decision(
            _ action: OptimizationAction, _ band: PerformanceBand, to minor: Int64 = current, _ reason: String
        ) -> BudgetDecision {
            BudgetDecision(
                campaignID: campaignID, action: action, band: band, previousBudget: budget,
                newBudget: Budget(budget.period, money(minor)), reason: reason,
                confidence: settings.confidences.value(for: band), snapshot: snapshot)
        }

        let spend = snapshot.totals.spend
        let (minimumSpend, overflow) = settings.learningMinimumSpendMajorUnits.multipliedReportingOverflow(
            by: perMajor)
        let window = "over \(snapshot.since) to \(snapshot.until)"
        if overflow || spend.minorUnits < minimumSpend || snapshot.deliveryDays < settings.learningMinimumDeliveryDays {
            let needs = money(overflow ? .max : minimumSpend)
            return decision(
                .budgetMaintain, .learning,
                "still learning: \(spend) of spend (needs \(needs)) and \(snapshot.deliveryDays) days of delivery "
                    + "(needs \(settings.learningMinimumDeliveryDays)) \(window); budget maintained")
        }
        guard let roas = snapshot.returnOnAdSpend else {
            return decision(.budgetMaintain, .noSpend, "no spend \(window); budget maintained")
        }
        let band = settings.band(of: roas)
        let ratio = "ROAS \(Self.format(roas)) \(window)"
        let range = grid.range(bounds: bounds)
        switch band {
        case .acceptable:
            return decision(.budgetMaintain, band, "acceptable \(ratio): budget maintained at \(budget.amount)")
        case .poor:
            return decision(
                .campaignPaused, band,
                "poor \(ratio), under \(Self.format(settings.poorROAS)): campaign paused to stop losses")
        case .excellent, .good, .suboptimal:
            let step =
                band == .excellent
                ? settings.excellentIncrease : band == .good ? settings.goodIncrease : settings.suboptimalDecrease
            let change = step.change(of: current, minorUnitsPerMajorUnit: perMajor)
            let wanted = band == .suboptimal ? current - change : current + change
            let target = min(max(grid.expressible(wanted), range.lowerBound), range.upperBound)
            let label = band == .excellent ? "excellent" : band == .good ? "good" : "below break-even"
            guard target != current else {
                let limit =
                    target == range.lowerBound && band == .suboptimal
                    ? "already at its least (\(money(range.lowerBound)))"
                    : target == range.upperBound && band != .suboptimal
                        ? "already at its most (\(money(range.upperBound)))"
                        : "the change rounds away on this platform"
                return decision(.budgetMaintain, band, "\(label) \(ratio), but the budget is \(limit); maintained")
            }
            let verb = target > current ? "raised" : "lowered"
            return decision(
                target > current ? .budgetIncrease : .budgetDecrease, band, to: target,
                "\(label) \(ratio): budget \(verb) by \(money(abs(target - current))) to \(money(target))")
        case .learning, .noSpend:
            return decision(.budgetMaintain, band, "budget maintained")
        }
    }

    /// `3.5x`: a ratio as people write it.
    static func format(_ roas: ReturnOnAdSpend) -> String { "\(roas.decimalString)x" }
}
