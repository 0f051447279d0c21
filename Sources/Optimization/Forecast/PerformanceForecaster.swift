import AdPlatformKit
import Foundation
import Trafficking

/// Forecasts spend, conversions, value and return at a new budget from a campaign's recent days (seed 003's
/// `forecast_performance`), pure.
///
/// Spend follows the budget at the rate the campaign has been delivering it (a campaign that spent 80% of its
/// budget is expected to spend 80% of the new one). Conversions and value follow the method; the return is value
/// over spend, so it falls as returns diminish (the seed's flat 10% discount is replaced by this). The confidence
/// is the seed's: 0.7 for less than 1.5 times the budget, 0.5 from there, in either method.
public struct PerformanceForecaster: Sendable {
    /// How delivery is scaled.
    public var method: ForecastMethod
    /// The elasticity the fitted method assumes before a campaign's spend has moved.
    public var priorElasticity: Double

    /// A forecaster; seed 003's scaling by default.
    public init(method: ForecastMethod = .seed, priorElasticity: Double = 0.5) {
        self.method = method
        self.priorElasticity = priorElasticity
    }

    /// The forecast for `days` days at `newBudget` a day, from the window's snapshot, the budget it ran on, and for
    /// the fitted method its days (oldest first).
    public func forecast(
        _ snapshot: PerformanceSnapshot, currentBudget: Money, newBudget: Money, days: Int = 7,
        history: [DailyPerformance] = []
    ) -> PerformanceForecast {
        let currency = newBudget.currency
        let delivered = Double(max(snapshot.deliveryDays, 1))
        let spendPerDay = Double(snapshot.totals.spend.minorUnits) / delivered
        let current = Double(currentBudget.minorUnits)
        let proposed = Double(newBudget.minorUnits)
        let scale = current > 0 ? proposed / current : 1
        let deliveryRate = current > 0 && spendPerDay > 0 ? min(spendPerDay / current, 1) : 1
        let newSpendPerDay = proposed * deliveryRate

        let growth: Double
        switch method {
        case .seed:
            // Seed 003: in proportion up to twice the budget, half as fast beyond.
            growth = scale > 2 ? 2 + (scale - 2) * 0.5 : scale
        case .fittedResponse:
            let model = SpendResponse.fitted(
                history, budget: current, priorElasticity: priorElasticity, defaultROAS: 1)
            let now = spendPerDay > 0 ? spendPerDay : current * deliveryRate
            growth = now > 0 ? pow(max(newSpendPerDay, 0) / now, model.elasticity) : scale
        }
        let period = Double(max(days, 0))
        let conversions = snapshot.totals.conversions / delivered * growth * period
        let value = Double(snapshot.totals.conversionValue.minorUnits) / delivered * growth * period
        return PerformanceForecast(
            days: days, budget: newBudget, scale: scale,
            spend: Money(minorUnits: Self.minorUnits(newSpendPerDay * period), currency: currency),
            conversions: conversions,
            conversionValue: Money(minorUnits: Self.minorUnits(value), currency: currency),
            confidence: scale < 1.5 ? 0.7 : 0.5)
    }

    /// An amount the model computed, rounded to a minor unit; nothing for a value that is not a finite amount.
    static func minorUnits(_ amount: Double) -> Int64 {
        guard amount.isFinite else { return 0 }
        return Int64(min(max(amount.rounded(), -9e18), 9e18))
    }
}
