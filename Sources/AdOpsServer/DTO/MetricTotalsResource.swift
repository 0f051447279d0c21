import AdPlatformKit
import Foundation
import Trafficking

/// Sums of delivery and the figures derived from them, as the API and `adops metrics --json` give them. Money is
/// `{"amount": "12.34", "currency": "USD"}`; ratios are left out where their denominator is zero. Totals over a
/// range of days that is not given beside them (a campaign's `latest_metrics`) carry their `from` and `to`.
public struct MetricTotalsResource: Encodable, Sendable {
    var from: String?
    var to: String?
    var impressions: Int64
    var clicks: Int64
    var spend: Money
    var conversions: Double
    var conversionValue: Money
    var ctr: Double?
    var cpc: Double?
    var cpm: Double?
    var cpa: Double?
    var roas: Double?

    private enum CodingKeys: String, CodingKey {
        case from, to
        case impressions, clicks, spend, conversions
        case conversionValue = "conversion_value"
        case ctr, cpc, cpm, cpa, roas
    }

    /// The resource of some sums.
    public init(_ totals: MetricTotals) {
        impressions = totals.impressions
        clicks = totals.clicks
        spend = totals.spend
        conversions = totals.conversions
        conversionValue = totals.conversionValue
        ctr = totals.clickThroughRate
        cpc = totals.costPerClick
        cpm = totals.costPerMille
        cpa = totals.costPerAcquisition
        roas = totals.returnOnAdSpend
    }

    /// The resource of the sums of the days from `from` to `to` (`YYYY-MM-DD`, inclusive).
    public init(_ totals: MetricTotals, from: String, to: String) {
        self.init(totals)
        self.from = from
        self.to = to
    }
}
