import AdPlatformKit
import Foundation
import MetaAds
import Optimization
import SnapchatAds
import Testing
import TikTokAds
import Trafficking

/// Seed 003's decision table, its learning phase, and budgets kept to what the platform can express.
@Suite("Budget optimiser")
struct BudgetOptimizerTests {
    static let meta = BudgetGrid(capabilities: MetaCapabilities.capabilities, currency: .usd)

    static func decide(
        budget: Int64 = 10_000, days: Int = 7, spend: Int64 = 10_000, roas: Int64, grid: BudgetGrid = meta,
        bounds: BudgetBounds = .open, settings: BudgetOptimizerSettings = BudgetOptimizerSettings()
    ) -> BudgetDecision {
        BudgetOptimizer(settings: settings).decide(
            campaignID: UUID(), budget: Budget(.daily, Money(minorUnits: budget, currency: grid.currency)),
            days: Fixtures.days(days, spend: spend, roasBasisPoints: roas, currency: grid.currency), grid: grid,
            bounds: bounds, at: Fixtures.now)
    }

    @Test(
        "each ROAS band takes seed 003's action, budget and confidence",
        arguments: [
            (Int64(35_000), OptimizationAction.budgetIncrease, PerformanceBand.excellent, Int64(12_000), 0.9),
            (30_000, .budgetIncrease, .excellent, 12_000, 0.9),
            (29_999, .budgetIncrease, .good, 11_000, 0.75),
            (20_000, .budgetIncrease, .good, 11_000, 0.75),
            (15_000, .budgetMaintain, .acceptable, 10_000, 0.7),
            (10_000, .budgetMaintain, .acceptable, 10_000, 0.7),
            (7_000, .budgetDecrease, .suboptimal, 8_000, 0.7),
            (5_000, .budgetDecrease, .suboptimal, 8_000, 0.7),
            (4_999, .campaignPaused, .poor, 10_000, 0.85),
        ])
    func table(roas: Int64, action: OptimizationAction, band: PerformanceBand, budget: Int64, confidence: Double) {
        let decision = Self.decide(roas: roas)
        #expect(decision.action == action)
        #expect(decision.band == band)
        #expect(decision.newBudget.amount.minorUnits == budget)
        #expect(decision.confidence == confidence)
        #expect(decision.snapshot.returnOnAdSpend?.basisPoints == roas)
        #expect(decision.snapshot.totals.spend.minorUnits == 70_000, "seven days of 100.00")
        #expect(decision.reason.contains("2027-03-08 to 2027-03-14"), "\(decision.reason)")
    }

    @Test("an excellent increase is capped at 100 of the account currency; the good one is not")
    func increaseCap() {
        let excellent = Self.decide(budget: 100_000, spend: 100_000, roas: 40_000)
        #expect(excellent.newBudget.amount.minorUnits == 110_000, "20% of 1,000.00 is 200.00, capped at 100.00")
        let good = Self.decide(budget: 200_000, spend: 200_000, roas: 25_000)
        #expect(good.newBudget.amount.minorUnits == 220_000)
        let yen = BudgetGrid(capabilities: MetaCapabilities.capabilities, currency: .jpy)
        let inYen = Self.decide(budget: 100_000, spend: 100_000, roas: 40_000, grid: yen)
        #expect(inYen.newBudget.amount == Money(minorUnits: 100_100, currency: .jpy), "the cap is 100 yen in yen")
    }

    @Test("under 50 of spend or 3 days of delivery the campaign is still learning and maintained at 0.5")
    func learning() {
        let littleSpend = Self.decide(spend: 700, roas: 50_000)
        #expect(littleSpend.action == .budgetMaintain && littleSpend.band == .learning)
        #expect(littleSpend.reason.hasPrefix("still learning"), "\(littleSpend.reason)")
        #expect(littleSpend.confidence == 0.5)
        #expect(littleSpend.snapshot.totals.spend.minorUnits == 4_900)
        let fewDays = Self.decide(days: 2, spend: 50_000, roas: 1_000)
        #expect(fewDays.action == .budgetMaintain && fewDays.band == .learning, "a poor return is not paused yet")
        let enough = Self.decide(days: 3, spend: 1_667, roas: 1_000)
        #expect(enough.action == .campaignPaused, "3 days and 50.01 of spend are past learning")
    }

    @Test("the window ends yesterday: today's partial day does not count")
    func windowExcludesToday() {
        var days = Fixtures.days(7, spend: 10_000, roasBasisPoints: 30_000)
        days.append(
            DailyPerformance(
                date: Fixtures.today.description,
                totals: MetricTotals(
                    impressions: 0, clicks: 0, spend: Fixtures.usd(90_000), conversions: 0,
                    conversionValue: Fixtures.usd(0))))
        let decision = BudgetOptimizer().decide(
            campaignID: UUID(), budget: Budget(.daily, Fixtures.usd(10_000)), days: days, grid: Self.meta,
            at: Fixtures.now)
        #expect(decision.action == .budgetIncrease)
        #expect(decision.snapshot.until == "2027-03-14" && decision.snapshot.deliveryDays == 7)
    }

    @Test("thresholds, steps and learning are settings")
    func configurable() {
        var settings = BudgetOptimizerSettings()
        settings.excellentROAS = ReturnOnAdSpend(basisPoints: 50_000)
        settings.goodIncrease = BudgetStep(basisPoints: 500)
        settings.learningMinimumDeliveryDays = 10
        #expect(Self.decide(roas: 35_000, settings: settings).action == .budgetMaintain, "7 days < 10: learning")
        settings.learningMinimumDeliveryDays = 3
        let good = Self.decide(roas: 35_000, settings: settings)
        #expect(good.band == .good && good.newBudget.amount.minorUnits == 10_500)
    }

    @Test("a new budget is rounded to what the platform expresses: Meta takes whole New Taiwan dollars")
    func rounding() throws {
        let twd = try #require(Currency(code: "TWD"))
        let grid = BudgetGrid(capabilities: MetaCapabilities.capabilities, currency: twd)
        #expect(grid.step == 100, "Meta's offset for TWD is 1: whole dollars only")
        let decision = Self.decide(budget: 123_400, spend: 123_400, roas: 25_000, grid: grid)
        #expect(decision.newBudget.amount.minorUnits == 135_700, "123,400 + 12,340 = 135,740, nearest whole dollar")
        #expect(throws: Never.self) {
            _ = try MetaCapabilities.capabilities.budget.unit.platformValue(for: decision.newBudget.amount)
        }
    }

    @Test("a decrease never goes under the platform's minimum, per ad group where budgets sit on ad groups")
    func minimum() {
        let snap = BudgetGrid(capabilities: SnapchatCapabilities.capabilities, currency: .usd, holders: 2)
        #expect(snap.minimum == 1_000 && snap.step == 2, "5.00 per ad squad, two squads")
        let atFloor = Self.decide(budget: 1_100, spend: 10_000, roas: 7_000, grid: snap)
        #expect(atFloor.action == .budgetDecrease && atFloor.newBudget.amount.minorUnits == 1_000)
        let floored = Self.decide(budget: 1_000, spend: 10_000, roas: 7_000, grid: snap)
        #expect(floored.action == .budgetMaintain && floored.band == .suboptimal)
        #expect(floored.reason.contains("already at its least (10.00 USD)"), "\(floored.reason)")
        let tiktok = BudgetGrid(capabilities: TikTokCapabilities.capabilities, currency: .usd, holders: 3)
        #expect(tiktok.minimum == 6_000, "20.00 per ad group, three groups")
    }

    @Test("a campaign's bounds hold an increase and a decrease")
    func bounds() {
        let bounds = BudgetBounds(minimum: Fixtures.usd(9_000), maximum: Fixtures.usd(10_500))
        let up = Self.decide(roas: 35_000, bounds: bounds)
        #expect(up.action == .budgetIncrease && up.newBudget.amount.minorUnits == 10_500)
        let down = Self.decide(roas: 7_000, bounds: bounds)
        #expect(down.action == .budgetDecrease && down.newBudget.amount.minorUnits == 9_000)
        let capped = Self.decide(budget: 10_500, roas: 35_000, bounds: bounds)
        #expect(capped.action == .budgetMaintain && capped.reason.contains("already at its most"))
    }
}
