import AdPlatformKit
import Foundation
import GRDB

/// A row of `metric_rows`: one entity's delivery on one day, in one attribution window.
struct DailyMetricRow: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "metric_rows"

    var campaignID: String
    var level: String
    var platformID: String
    var date: String
    var attributionWindow: String
    var impressions: Int64
    var clicks: Int64
    var spendMinor: Int64
    var conversions: Double
    var conversionValueMinor: Int64
    var currency: String
    var syncedAt: Date

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case campaignID = "campaign_id"
        case level
        case platformID = "platform_id"
        case date
        case attributionWindow = "attribution_window"
        case impressions, clicks
        case spendMinor = "spend_minor"
        case conversions
        case conversionValueMinor = "conversion_value_minor"
        case currency
        case syncedAt = "synced_at"
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// Inserts or replaces a row through one cached statement: a sync writes thousands.
    static func upsert(_ metric: DailyMetric, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO metric_rows (campaign_id, level, platform_id, date, attribution_window,
                    impressions, clicks, spend_minor, conversions, conversion_value_minor, currency, synced_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            metric.campaignID.databaseKey, metric.level.rawValue, metric.platformID, metric.date,
            metric.attributionWindow, metric.totals.impressions, metric.totals.clicks,
            metric.totals.spend.minorUnits, metric.totals.conversions, metric.totals.conversionValue.minorUnits,
            metric.totals.spend.currency.code, DatabaseTimestamp.text(metric.syncedAt),
        ])
    }

    /// The public value, or ``StoreError`` `corrupt` naming the column that cannot be read.
    func metric() throws -> DailyMetric {
        let table = Self.databaseTableName
        let row = "(\(campaignID), \(level), \(platformID), \(date))"
        guard let code = Currency(code: currency) else {
            throw StoreError.corrupt(table: table, row: row, column: "currency", "holds unknown currency '\(currency)'")
        }
        return DailyMetric(
            campaignID: try UUID.stored(campaignID, table: table, row: row, column: "campaign_id"),
            level: EntityKind(rawValue: level), platformID: platformID, date: date,
            attributionWindow: attributionWindow,
            totals: MetricTotals(
                impressions: impressions, clicks: clicks, spend: Money(minorUnits: spendMinor, currency: code),
                conversions: conversions, conversionValue: Money(minorUnits: conversionValueMinor, currency: code)),
            syncedAt: syncedAt)
    }
}
