import AdPlatformKit
import Foundation

/// One platform's campaign-level delivery on one day, in one currency: a row of the overview's chart.
public struct PlatformDayTotals: Sendable, Hashable, Codable {
    /// The day, `YYYY-MM-DD`.
    public var date: String
    /// The platform.
    public var platform: PlatformID
    /// The day's sums over every campaign of the platform reporting in `totals`' currency.
    public var totals: MetricTotals

    /// Creates a row.
    public init(date: String, platform: PlatformID, totals: MetricTotals) {
        self.date = date
        self.platform = platform
        self.totals = totals
    }
}
