import AdPlatformKit
import Foundation

/// One entity's delivery on one day, as its platform reported it at the last sync (seed 002's `CampaignMetric`),
/// in our vocabulary (``MetricDefinition``). Money is integer minor units of the account currency.
///
/// A row is keyed by entity, day and attribution window: a re-sync replaces it, never adds a second.
public struct DailyMetric: Sendable, Hashable, Codable {
    /// Our campaign.
    public var campaignID: UUID
    /// The entity's level: campaign, ad group or ad.
    public var level: EntityKind
    /// The entity's platform id.
    public var platformID: String
    /// The day, `YYYY-MM-DD`, in the account's time zone.
    public var date: String
    /// The attribution window the platform counted conversions in, e.g. `7d_click_1d_view`.
    public var attributionWindow: String
    /// The sums of the day.
    public var totals: MetricTotals
    /// When it was read from the platform.
    public var syncedAt: Date

    /// Creates a row.
    public init(
        campaignID: UUID, level: EntityKind, platformID: String, date: String, attributionWindow: String,
        totals: MetricTotals, syncedAt: Date
    ) {
        self.campaignID = campaignID
        self.level = level
        self.platformID = platformID
        self.date = date
        self.attributionWindow = attributionWindow
        self.totals = totals
        self.syncedAt = syncedAt
    }
}
