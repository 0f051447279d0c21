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

    /// Inserts or replaces rows, many to a statement: a sync writes hundreds of thousands, and one statement per row
    /// spends more on binding and stepping than on the rows. Full batches share one cached statement.
    static func upsert(_ metrics: [DailyMetric], _ db: Database) throws {
        for start in stride(from: 0, to: metrics.count, by: rowsPerStatement) {
            let batch = metrics[start..<min(start + rowsPerStatement, metrics.count)]
            var arguments = StatementArguments()
            for metric in batch {
                arguments += [
                    metric.campaignID.databaseKey, metric.level.rawValue, metric.platformID, metric.date,
                    metric.attributionWindow, metric.totals.impressions, metric.totals.clicks,
                    metric.totals.spend.minorUnits, metric.totals.conversions,
                    metric.totals.conversionValue.minorUnits, metric.totals.spend.currency.code,
                    DatabaseTimestamp.text(metric.syncedAt),
                ]
            }
            let sql = upsertSQL(rows: batch.count)
            let statement =
                batch.count == rowsPerStatement ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
            try statement.execute(arguments: arguments)
        }
    }

    /// Rows per statement: 12 values each, well under SQLite's 32,766 variables.
    static let rowsPerStatement = 100

    private static func upsertSQL(rows: Int) -> String {
        """
        INSERT INTO metric_rows (campaign_id, level, platform_id, date, attribution_window,
            impressions, clicks, spend_minor, conversions, conversion_value_minor, currency, synced_at)
        VALUES 
        """ + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
            // An update, not `INSERT OR REPLACE`: a replace deletes without firing the rollups' delete trigger.
            + """
             ON CONFLICT(campaign_id, level, platform_id, date, attribution_window) DO UPDATE SET
                impressions = excluded.impressions, clicks = excluded.clicks, spend_minor = excluded.spend_minor,
                conversions = excluded.conversions, conversion_value_minor = excluded.conversion_value_minor,
                currency = excluded.currency, synced_at = excluded.synced_at
            """
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
