import Foundation

/// Performance figures rolled up for reading many campaigns at once (the console's overview and campaign list):
/// kept by the store in the same write as the metric rows, so reading them does not sum millions of rows.
public protocol ReportingStore: Sendable {
    /// Campaign-level delivery per day, platform and currency over `since`…`until` (inclusive `YYYY-MM-DD`), in
    /// date order.
    func dailyTotals(since: String, until: String) async throws -> [PlatformDayTotals]
    /// Campaigns matching the filter with their lifetime delivery, in the order asked, one page at a time.
    func campaignPerformance(
        _ filter: CampaignFilter, order: CampaignOrder, page: PageRequest
    ) async throws -> Page<CampaignPerformance>
}
