import AdPlatformKit
import Foundation
import Trafficking

/// A campaign's synced metrics between two days: the total at the campaign level (summed, never averaged) and the
/// daily rows at the level asked for.
public struct CampaignMetricsResource: Encodable, Sendable {
    var campaignID: UUID
    var from: String
    var to: String
    var level: String?
    var lastSyncedAt: Date?
    var total: MetricTotalsResource
    var rows: [DailyMetricResource]

    private enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id"
        case from, to, level
        case lastSyncedAt = "last_synced_at"
        case total, rows
    }

    /// The resource of a campaign's rows; the total sums the campaign-level rows among them, or when there are
    /// none (a level was asked for), the rows given.
    public init(campaign: Campaign, from: String, to: String, level: EntityKind?, rows: [DailyMetric]) {
        campaignID = campaign.id
        self.from = from
        self.to = to
        self.level = level?.rawValue
        lastSyncedAt = campaign.lastSyncedAt
        let campaignRows = rows.filter { $0.level == .campaign }
        total = MetricTotalsResource(
            (campaignRows.isEmpty ? rows : campaignRows).map(\.totals).reduce(
                MetricTotals.zero(campaign.budget.amount.currency), +))
        self.rows = rows.map(DailyMetricResource.init)
    }
}
