import AdPlatformKit
import Foundation

/// Sums of delivery, and the figures derived from them. Derived figures are always computed from sums (the CPA
/// of a week is its spend over its conversions), never averaged from daily ratios, and money stays integer minor
/// units until a ratio is asked for.
public struct MetricTotals: Sendable, Hashable, Codable {
    /// Times shown.
    public var impressions: Int64
    /// Clicks (Snapchat swipes).
    public var clicks: Int64
    /// Spend.
    public var spend: Money
    /// Conversions; fractional where the platform attributes fractions (Google).
    public var conversions: Double
    /// Conversion value.
    public var conversionValue: Money

    /// Creates sums.
    public init(impressions: Int64, clicks: Int64, spend: Money, conversions: Double, conversionValue: Money) {
        self.impressions = impressions
        self.clicks = clicks
        self.spend = spend
        self.conversions = conversions
        self.conversionValue = conversionValue
    }

    /// Nothing delivered, in `currency`.
    public static func zero(_ currency: Currency) -> MetricTotals {
        MetricTotals(
            impressions: 0, clicks: 0, spend: Money(minorUnits: 0, currency: currency), conversions: 0,
            conversionValue: Money(minorUnits: 0, currency: currency))
    }

    /// The sums of a platform's row.
    public init(_ row: MetricRow) {
        self.init(
            impressions: row.impressions, clicks: row.clicks, spend: row.spend, conversions: row.conversions,
            conversionValue: row.revenue)
    }

    /// Adds another period's sums in the same currency; saturates rather than overflowing.
    public static func + (lhs: MetricTotals, rhs: MetricTotals) -> MetricTotals {
        func add(_ a: Int64, _ b: Int64) -> Int64 {
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? .max : sum
        }
        return MetricTotals(
            impressions: add(lhs.impressions, rhs.impressions), clicks: add(lhs.clicks, rhs.clicks),
            spend: Money(minorUnits: add(lhs.spend.minorUnits, rhs.spend.minorUnits), currency: lhs.spend.currency),
            conversions: lhs.conversions + rhs.conversions,
            conversionValue: Money(
                minorUnits: add(lhs.conversionValue.minorUnits, rhs.conversionValue.minorUnits),
                currency: lhs.conversionValue.currency))
    }

    /// Clicks per impression, or `nil` without impressions.
    public var clickThroughRate: Double? {
        impressions > 0 ? Double(clicks) / Double(impressions) : nil
    }

    /// Spend per click in major units, or `nil` without clicks.
    public var costPerClick: Double? { clicks > 0 ? Self.major(spend) / Double(clicks) : nil }

    /// Spend per thousand impressions in major units, or `nil` without impressions.
    public var costPerMille: Double? {
        impressions > 0 ? Self.major(spend) * 1000 / Double(impressions) : nil
    }

    /// Spend per conversion in major units, or `nil` without conversions.
    public var costPerAcquisition: Double? { conversions > 0 ? Self.major(spend) / conversions : nil }

    private static func major(_ money: Money) -> Double { NSDecimalNumber(decimal: money.majorUnits).doubleValue }

    /// Conversion value over spend, or `nil` without spend.
    public var returnOnAdSpend: Double? {
        spend.minorUnits > 0 ? Double(conversionValue.minorUnits) / Double(spend.minorUnits) : nil
    }
}
