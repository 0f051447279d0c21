import AdPlatformKit
import Foundation
import Optimization
import Testing
import Trafficking

/// Seed 003's forecast, and its error against known response curves.
@Suite("Forecast")
struct PerformanceForecasterTests {
    static func snapshot(_ days: [DailyPerformance]) -> PerformanceSnapshot {
        PerformanceSnapshot.summarizing(
            days, since: Fixtures.today.adding(-7), until: Fixtures.today.adding(-1), currency: .usd)
    }

    @Test("seed 003: in proportion to the budget up to twice it, half as fast beyond; its confidence")
    func seedScaling() {
        let days = Fixtures.days(7, spend: 8_000, roasBasisPoints: 30_000)
        let forecaster = PerformanceForecaster()
        let same = forecaster.forecast(
            Self.snapshot(days), currentBudget: Fixtures.usd(10_000), newBudget: Fixtures.usd(10_000))
        #expect(same.spend == Fixtures.usd(56_000), "80% delivery of 100.00 for 7 days")
        #expect(same.conversionValue == Fixtures.usd(168_000) && same.confidence == 0.7)
        #expect(same.returnOnAdSpend == ReturnOnAdSpend(basisPoints: 30_000))
        let triple = forecaster.forecast(
            Self.snapshot(days), currentBudget: Fixtures.usd(10_000), newBudget: Fixtures.usd(30_000), days: 14)
        #expect(triple.spend == Fixtures.usd(336_000))
        #expect(triple.conversionValue == Fixtures.usd(840_000), "3× the budget gives 2.5× the value (2 + 1 × 0.5)")
        #expect(triple.returnOnAdSpend == ReturnOnAdSpend(basisPoints: 25_000))
        #expect(triple.confidence == 0.5 && triple.scale == 3)
        #expect(abs(triple.conversions - days.reduce(0) { $0 + $1.totals.conversions } / 7 * 2.5 * 14) < 1e-9)
    }

    @Test("error against ground truth on saturation curves, both methods, measured and bounded")
    func errorAgainstTruth() {
        var seedErrors: [Double] = []
        var fittedErrors: [Double] = []
        var random = ScenarioRandom(state: 99)
        for _ in 0..<30 {
            let scale = random.uniform(3_000...30_000)
            let curve = SaturationCurve(ceiling: random.uniform(1.5...6) * scale, scale: scale)
            let budget = Int64(random.uniform(0.3...1.5) * scale)
            // A week whose budget moved a little day to day, as budgets do (±5%).
            let days = (0..<7).map { offset -> DailyPerformance in
                let spend = budget * Int64(95 + (offset * 37) % 11) / 100
                let value = Int64(curve.value(at: Double(spend)).rounded())
                return DailyPerformance(
                    date: Fixtures.today.adding(offset - 7).description,
                    totals: MetricTotals(
                        impressions: 0, clicks: 0, spend: Fixtures.usd(spend), conversions: Double(value) / 5_000,
                        conversionValue: Fixtures.usd(value)))
            }
            let snapshot = Self.snapshot(days)
            let ranAt = Double(snapshot.totals.spend.minorUnits) / 7
            for factor in [0.5, 0.8, 1.2, 1.5, 2.0, 3.0] {
                let newBudget = Fixtures.usd(Int64(Double(budget) * factor))
                let truth = curve.value(at: ranAt * factor) * 7
                for (method, errors) in [(ForecastMethod.seed, 0), (.fittedResponse, 1)] {
                    let forecast = PerformanceForecaster(method: method).forecast(
                        snapshot, currentBudget: Fixtures.usd(budget), newBudget: newBudget, history: days)
                    let error = abs(Double(forecast.conversionValue.minorUnits) - truth) / truth
                    if errors == 0 { seedErrors.append(error) } else { fittedErrors.append(error) }
                }
            }
        }
        let mape = { (errors: [Double]) in errors.reduce(0, +) / Double(errors.count) }
        print(
            "forecast of 7-day value at 0.5×–3× the budget, 30 curves: seed MAPE "
                + "\(String(format: "%.1f%%", mape(seedErrors) * 100)) (worst \(String(format: "%.1f%%", (seedErrors.max() ?? 0) * 100))), "
                + "fitted MAPE \(String(format: "%.1f%%", mape(fittedErrors) * 100)) (worst "
                + "\(String(format: "%.1f%%", (fittedErrors.max() ?? 0) * 100)))")
        #expect(mape(fittedErrors) <= 0.15, "the fitted method meets the 15% MAPE anchor")
        #expect(mape(fittedErrors) < mape(seedErrors), "the seed's straight line overshoots saturating campaigns")
    }
}
