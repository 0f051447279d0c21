import AdPlatformKit
import Foundation
import Trafficking

/// One entity's delivery on one day, as synced.
public struct DailyMetricResource: Encodable, Sendable {
    var date: String
    var level: String
    var platformID: String
    var attributionWindow: String
    var metrics: MetricTotalsResource
    var syncedAt: Date

    private enum CodingKeys: String, CodingKey {
        case date, level
        case platformID = "platform_id"
        case attributionWindow = "attribution_window"
        case metrics
        case syncedAt = "synced_at"
    }

    /// The resource of a row.
    public init(_ row: DailyMetric) {
        date = row.date
        level = row.level.rawValue
        platformID = row.platformID
        attributionWindow = row.attributionWindow
        metrics = MetricTotalsResource(row.totals)
        syncedAt = row.syncedAt
    }
}
