import Foundation

/// A campaign with its lifetime campaign-level delivery, as synced: a row of the console's campaign list.
public struct CampaignPerformance: Sendable, Hashable, Codable {
    /// The campaign.
    public var campaign: Campaign
    /// Its sums over every synced day, or `nil` before its first synced row.
    public var totals: MetricTotals?

    /// Creates a row.
    public init(campaign: Campaign, totals: MetricTotals?) {
        self.campaign = campaign
        self.totals = totals
    }
}
