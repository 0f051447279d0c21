import AdPlatformKit
import Foundation
import Trafficking

/// One day of a campaign's delivery: what it spent and what that brought back. The optimiser sums these over its
/// window, and the allocator learns each campaign's response to budget from them.
public struct DailyPerformance: Sendable, Hashable, Codable {
    /// The day, `YYYY-MM-DD`.
    public var date: String
    /// The day's sums.
    public var totals: MetricTotals

    /// Creates a day.
    public init(date: String, totals: MetricTotals) {
        self.date = date
        self.totals = totals
    }

    /// A campaign's days from its synced rows, oldest first: campaign-level rows where there are any, otherwise the
    /// sums of its ad groups' rows, and of one attribution window (the latest day's) so a changed window is not
    /// counted twice.
    public static func days(from rows: [DailyMetric], campaignID: UUID, currency: Currency) -> [DailyPerformance] {
        let mine = rows.filter { $0.campaignID == campaignID }
        let level: EntityKind = mine.contains { $0.level == .campaign } ? .campaign : .adGroup
        let atLevel = mine.filter { $0.level == level }
        guard let latest = atLevel.max(by: { ($0.date, $0.syncedAt) < ($1.date, $1.syncedAt) }) else { return [] }
        var byDate: [String: MetricTotals] = [:]
        for row in atLevel where row.attributionWindow == latest.attributionWindow {
            byDate[row.date] = (byDate[row.date] ?? .zero(currency)) + row.totals
        }
        return byDate.keys.sorted().compactMap { date in byDate[date].map { DailyPerformance(date: date, totals: $0) } }
    }
}
