import AdPlatformKit
import Foundation
import Trafficking

/// The daily budgets a campaign can be given on its platform: whole multiples of a step, never under the platform's
/// minimum, in minor units of the account currency.
///
/// Where budgets sit on ad groups (TikTok, Snapchat), the campaign's budget is shared evenly among its ad groups,
/// so the grid is the per-group one times the number of groups: each group's share is then exact and at least the
/// platform's minimum.
public struct BudgetGrid: Sendable, Hashable {
    /// The account currency.
    public let currency: Currency
    /// How many entities the budget is shared among: 1 where budgets sit on the campaign.
    public let holders: Int
    /// The budgets the platform can express are whole multiples of this, in minor units (100 for TWD on Meta,
    /// whose offset of 1 means whole dollars; 1 elsewhere), times ``holders``.
    public let step: Int64
    /// The least campaign budget, in minor units: the platform's daily minimum per holder, rounded up to the step,
    /// times ``holders``; one step where the platform publishes none.
    public let minimum: Int64

    /// The grid of a platform for an account currency; `holders` is the number of ad groups where the platform
    /// budgets ad groups, and is ignored (taken as 1) where it budgets campaigns.
    public init(capabilities: PlatformCapabilities, currency: Currency, holders: Int = 1) {
        let rules = capabilities.budget
        let count = rules.placement == .campaign ? 1 : max(1, holders)
        let perMajor = currency.minorUnitsPerMajorUnit
        var holderStep: Int64 = 1
        if case .offset(let standard, let exceptions) = rules.unit {
            // Meta sends amount × offset ÷ minor units per major unit, which must be whole.
            let offset = exceptions[currency.code] ?? standard
            holderStep = perMajor / Self.greatestCommonDivisor(offset, perMajor)
        }
        var holderMinimum = holderStep
        if let micros = rules.dailyMinimumMicros {
            var microsPerMinor: Int64 = 1
            for _ in 0..<max(0, 6 - currency.minorUnitDigits) { microsPerMinor *= 10 }
            let minor = (micros + microsPerMinor - 1) / microsPerMinor
            holderMinimum = max(holderStep, (minor + holderStep - 1) / holderStep * holderStep)
        }
        self.currency = currency
        self.holders = count
        self.step = holderStep * Int64(count)
        self.minimum = holderMinimum * Int64(count)
    }

    /// The nearest budget on the grid at or below `minorUnits` (not clamped to the minimum).
    public func roundedDown(_ minorUnits: Int64) -> Int64 {
        minorUnits >= 0 ? minorUnits / step * step : -((-minorUnits + step - 1) / step * step)
    }

    /// The nearest budget on the grid at or above `minorUnits` (not clamped to the minimum).
    public func roundedUp(_ minorUnits: Int64) -> Int64 {
        let down = roundedDown(minorUnits)
        return down == minorUnits ? down : down + step
    }

    /// The nearest budget on the grid, halves up, and never under the minimum.
    public func expressible(_ minorUnits: Int64) -> Int64 {
        let down = roundedDown(minorUnits)
        let nearest = (minorUnits - down) * 2 >= step ? down + step : down
        return max(nearest, minimum)
    }

    /// The budgets a campaign may take: the platform's minimum, a floor and the campaign's bounds, on the grid. A
    /// ceiling under the floor gives way to it: the platform's minimum is not negotiable.
    public func range(bounds: BudgetBounds, floor: Int64 = 0) -> ClosedRange<Int64> {
        var lower = max(minimum, floor)
        if let least = bounds.minimum, least.currency == currency { lower = max(lower, least.minorUnits) }
        lower = roundedUp(lower)
        var upper = Int64.max / 4
        if let most = bounds.maximum, most.currency == currency { upper = roundedDown(most.minorUnits) }
        return lower...max(lower, upper)
    }

    /// The amount each holder gets from a campaign budget on the grid: the whole budget where it sits on the
    /// campaign.
    public func perHolder(_ total: Int64) -> Money {
        Money(minorUnits: total / Int64(holders), currency: currency)
    }

    private static func greatestCommonDivisor(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (abs(a), abs(b))
        while y != 0 { (x, y) = (y, x % y) }
        return max(x, 1)
    }
}
