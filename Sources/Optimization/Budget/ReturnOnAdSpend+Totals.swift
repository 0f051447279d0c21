import AdPlatformKit
import Foundation
import Trafficking

extension ReturnOnAdSpend {
    /// Conversion value over spend in basis points, rounded down, or `nil` without spend. Exact in integers, and
    /// capped rather than overflowing for absurd ratios.
    static func of(value: Money, spend: Money) -> ReturnOnAdSpend? {
        guard spend.minorUnits > 0 else { return nil }
        let numerator = max(value.minorUnits, 0)
        let (whole, remainder) = numerator.quotientAndRemainder(dividingBy: spend.minorUnits)
        guard whole < Int64.max / 20_000 else { return ReturnOnAdSpend(basisPoints: Int64.max / 2) }
        // remainder < spend, so remainder × 10,000 ÷ spend < 10,000; computed in two halves to avoid overflow.
        let (high, low) = remainder.multipliedFullWidth(by: 10_000)
        let fraction = spend.minorUnits.dividingFullWidth((high, low)).quotient
        return ReturnOnAdSpend(basisPoints: whole * 10_000 + fraction)
    }

    /// The ratio as a `Double`, for models and messages.
    var doubleValue: Double { Double(basisPoints) / 10_000 }
}
