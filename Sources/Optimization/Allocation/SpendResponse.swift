import AdPlatformKit
import Foundation
import Trafficking

/// A campaign's value as a function of its daily spend, `value = coefficient × spend^elasticity`, estimated from
/// its own days: the local shape of its response, refreshed every day it is used.
///
/// An elasticity under 1 means diminishing returns. It is measured between the latest day and the latest earlier
/// day whose spend differed by more than 2% (a secant), so it follows the part of the curve the campaign is on;
/// before the spend has moved it is the prior. It is clamped to 0.05–0.95, which keeps every model concave and its
/// optimum finite. Amounts are in minor units, as `Double` because this is a model of the response, not money.
public struct SpendResponse: Sendable, Hashable {
    /// The value at a spend of one minor unit.
    public var coefficient: Double
    /// How value grows with spend: the ratio of their relative changes.
    public var elasticity: Double

    /// Creates a model.
    public init(coefficient: Double, elasticity: Double) {
        self.coefficient = coefficient
        self.elasticity = elasticity
    }

    /// The least and most elasticity a fit may give.
    public static let elasticityRange = 0.05...0.95

    /// The model of a campaign's days (oldest first), anchored on the latest day with spend; without spend, the
    /// prior elasticity through a return of `defaultROAS` at `budget`.
    public static func fitted(
        _ days: [DailyPerformance], budget: Double, priorElasticity: Double, defaultROAS: Double
    ) -> SpendResponse {
        let prior = min(max(priorElasticity, elasticityRange.lowerBound), elasticityRange.upperBound)
        let points = days.compactMap { day -> (spend: Double, value: Double)? in
            let spend = Double(day.totals.spend.minorUnits)
            return spend > 0 ? (spend, Double(max(day.totals.conversionValue.minorUnits, 0))) : nil
        }
        guard let latest = points.last else {
            let anchor = max(budget, 1)
            return SpendResponse(
                coefficient: defaultROAS * anchor / pow(anchor, prior), elasticity: prior)
        }
        guard latest.value > 0 else { return SpendResponse(coefficient: 0, elasticity: prior) }
        var elasticity = prior
        for earlier in points.dropLast().reversed() where abs(earlier.spend - latest.spend) / latest.spend > 0.02 {
            guard earlier.value > 0 else { break }
            let measured = log(latest.value / earlier.value) / log(latest.spend / earlier.spend)
            if measured.isFinite {
                elasticity = min(max(measured, elasticityRange.lowerBound), elasticityRange.upperBound)
            }
            break
        }
        return SpendResponse(
            coefficient: latest.value / pow(latest.spend, elasticity), elasticity: elasticity)
    }

    /// The expected value at a daily spend.
    public func value(at spend: Double) -> Double {
        spend > 0 ? coefficient * pow(spend, elasticity) : 0
    }

    /// The expected return on the last unit of spend at a daily spend.
    public func marginalReturn(at spend: Double) -> Double {
        spend > 0 ? coefficient * elasticity * pow(spend, elasticity - 1) : .infinity
    }

    /// The spend at which the return on the last unit falls to `marginal`.
    func spend(atMarginal marginal: Double) -> Double {
        guard coefficient > 0, marginal > 0 else { return 0 }
        return pow(coefficient * elasticity / marginal, 1 / (1 - elasticity))
    }
}
