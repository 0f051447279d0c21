import AdPlatformKit
import AdPlatformTesting
import Foundation
import MockPlatforms
import Optimization
import Testing
import Trafficking

/// The forecast's error against what the Meta emulator delivers: three campaigns whose ground truth saturates at
/// known spends (the allocation test's curves) run a week at 100 a day, the forecaster predicts the next week's
/// conversion value at 0.5×, 1.5×, 2× and 3× the budget, and the emulator then delivers that week at that budget.
@Suite("Forecast against the emulator")
struct ForecastEndToEndTests {
    static let scales = [0.5, 1.5, 2.0, 3.0]

    @Test("Seed 003's forecast and the fitted one, each week's value predicted and then delivered; errors reported")
    func forecastError() async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let account = try #require(fixture.accounts[.meta])
            let world = mock.mock.world
            let usd = Currency.usd
            let base = Money(minorUnits: AllocationEndToEndTests.startingBudgetMinor, currency: usd)
            var campaigns: [Campaign] = []
            for curve in AllocationEndToEndTests.curves {
                var request = try DeliveringCampaigns.request(fixture)
                request.budget = Budget(.daily, base)
                let campaign = try await DeliveringCampaigns.launchAndActivate(request, on: account, in: fixture)
                let platformID = try #require(campaign.platformCampaignID)
                let entity = try #require(LifecycleActionTests.entity(platformID, on: .meta, in: fixture))
                try world.setPerformance(
                    PerformanceTruth(
                        from: world.now, clickThroughRate: AllocationEndToEndTests.clickThroughRate,
                        conversionRate: AllocationEndToEndTests.conversionRate,
                        valuePerConversionMicros: curve.valuePerConversionMicros,
                        cpmMicros: AllocationEndToEndTests.cpmMicros, pacing: 1,
                        saturationSpendMicros: Int64(curve.saturation * 1_000_000)),
                    platform: "meta", entityID: entity.id)
                campaigns.append(campaign)
            }
            let syncer = MetricsSyncTests.syncer(fixture)
            // To the next midnight, where the flights start.
            let intoDay = world.now.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400)
            MetricsSyncTests.advance(days: (86_400 - intoDay + 1) / 86_400, clock, fixture)

            var errors: [ForecastMethod: [Double]] = [.seed: [], .fittedResponse: []]
            var lines: [String] = []
            for scale in Self.scales {
                // A week at the base budget, then the forecasts from it and every day before it.
                try await Self.setBudgets(campaigns, to: base, in: fixture)
                MetricsSyncTests.advance(days: 7, clock, fixture)
                try #require(try await syncer.sync(account: account.id, kind: .incremental).status == .succeeded)
                let today = CalendarDay(fixture.store.clock.now)
                let proposed = Money(minorUnits: Int64((Double(base.minorUnits) * scale).rounded()), currency: usd)
                var forecasts: [ForecastMethod: [Int64]] = [:]
                for campaign in campaigns {
                    let days = try await Self.days(of: campaign, until: today.adding(-1), in: fixture)
                    let snapshot = PerformanceSnapshot.summarizing(
                        days, since: today.adding(-7), until: today.adding(-1), currency: usd)
                    for method in [ForecastMethod.seed, .fittedResponse] {
                        let forecast = PerformanceForecaster(method: method).forecast(
                            snapshot, currentBudget: base, newBudget: proposed, days: 7, history: days)
                        forecasts[method, default: []].append(forecast.conversionValue.minorUnits)
                    }
                }

                // The week at the new budget, as the emulator delivers it.
                try await Self.setBudgets(campaigns, to: proposed, in: fixture)
                MetricsSyncTests.advance(days: 7, clock, fixture)
                try #require(try await syncer.sync(account: account.id, kind: .incremental).status == .succeeded)
                for (index, campaign) in campaigns.enumerated() {
                    let days = try await Self.days(of: campaign, until: today.adding(6), in: fixture)
                    let week = PerformanceSnapshot.summarizing(
                        days, since: today, until: today.adding(6), currency: usd)
                    try #require(week.deliveryDays == 7, "\(campaign.name) at \(scale)×: \(week)")
                    let actual = Double(week.totals.conversionValue.minorUnits)
                    try #require(actual > 0)
                    var line = String(format: "%.1f× campaign %d: actual %.2f", scale, index + 1, actual / 100)
                    for method in [ForecastMethod.seed, .fittedResponse] {
                        let forecast = try #require(forecasts[method]?[index])
                        let predicted = Double(forecast)
                        let error = abs(predicted - actual) / actual
                        errors[method, default: []].append(error)
                        line += String(format: ", %@ %.2f (%.1f%%)", "\(method)", predicted / 100, error * 100)
                    }
                    lines.append(line)
                }
            }
            func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(values.count, 1)) }
            let seed = try #require(errors[.seed])
            let fitted = try #require(errors[.fittedResponse])
            print(
                String(
                    format: "forecast of a week's conversion value on the Meta emulator, %d cases: seed MAPE %.1f%% "
                        + "(worst %.1f%%), fitted MAPE %.1f%% (worst %.1f%%)\n", seed.count, mean(seed) * 100,
                    (seed.max() ?? 0) * 100, mean(fitted) * 100, (fitted.max() ?? 0) * 100)
                    + lines.joined(separator: "\n"))
            #expect(seed.count == Self.scales.count * campaigns.count && fitted.count == seed.count)
            // The fitted method learns each campaign's response from the weeks at other budgets; on saturating
            // campaigns it must beat seed 003's straight line.
            #expect(mean(fitted) < mean(seed), "fitted \(mean(fitted)), seed \(mean(seed))")
        }
    }

    /// Sets every campaign's daily budget through lifecycle actions run by the worker.
    static func setBudgets(_ campaigns: [Campaign], to budget: Money, in fixture: EngineFixture) async throws {
        for campaign in campaigns {
            guard try await fixture.store.campaign(campaign.id)?.budget.amount != budget else { continue }
            let action = try await LifecycleActionTests.run(
                try await LifecycleActionTests.request(.budget(Budget(.daily, budget)), on: campaign, in: fixture),
                in: fixture)
            try #require(action.status == .done, "\(action.error?.description ?? "")")
        }
    }

    /// The campaign's synced days up to `until`, oldest first.
    static func days(
        of campaign: Campaign, until: CalendarDay, in fixture: EngineFixture
    ) async throws
        -> [DailyPerformance]
    {
        let rows = try await fixture.store.metrics(
            campaign: campaign.id, since: until.adding(-120).description, until: until.description, level: nil)
        return DailyPerformance.days(from: rows, campaignID: campaign.id, currency: .usd)
    }
}
