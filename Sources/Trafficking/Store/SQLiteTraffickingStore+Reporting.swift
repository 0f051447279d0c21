import AdPlatformKit
import Foundation
import GRDB

extension SQLiteTraffickingStore {
    /// Reads `metric_day_totals`, which the metric rows' triggers keep (migration `v12-metric-rollups`).
    public func dailyTotals(since: String, until: String) async throws -> [PlatformDayTotals] {
        try await read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT date, platform, currency, impressions, clicks, spend_minor, conversions,
                        conversion_value_minor
                    FROM metric_day_totals WHERE date >= ? AND date <= ? ORDER BY date, platform, currency
                    """, arguments: [since, until])
            return try rows.map { row in
                let date: String = row["date"]
                let platform: String = row["platform"]
                let totals = try Self.totals(row, table: "metric_day_totals", key: "(\(date), \(platform))")
                return PlatformDayTotals(date: date, platform: PlatformID(rawValue: platform), totals: totals)
            }
        }
    }

    /// Joins `campaigns` with `campaign_metric_totals`; the filter's columns are the campaign list's.
    public func campaignPerformance(
        _ filter: CampaignFilter, order: CampaignOrder, page: PageRequest
    ) async throws -> Page<CampaignPerformance> {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let status = filter.status {
            conditions.append("c.status = ?")
            arguments += [status.rawValue]
        }
        if let platform = filter.platform {
            conditions.append("c.platform = ?")
            arguments += [platform.rawValue]
        }
        if let account = filter.accountID {
            conditions.append("c.account_id = ?")
            arguments += [account.databaseKey]
        }
        if let ticket = filter.ticket {
            conditions.append("c.ticket_source = ? AND c.ticket_id = ?")
            arguments += [ticket.source, ticket.id]
        }
        if let drifted = filter.drifted {
            conditions.append("c.drifted = ?")
            arguments += [drifted]
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let orderClause = Self.orderClause(order)
        let countArguments = arguments
        arguments += [page.limit, page.offset]
        let pageArguments = arguments
        return try await read { db in
            let total =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM campaigns c \(whereClause)", arguments: countArguments)
                ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.*, t.currency AS t_currency, t.impressions AS t_impressions, t.clicks AS t_clicks,
                        t.spend_minor AS t_spend_minor, t.conversions AS t_conversions,
                        t.conversion_value_minor AS t_conversion_value_minor
                    FROM campaigns c LEFT JOIN campaign_metric_totals t ON t.campaign_id = c.id
                    \(whereClause) ORDER BY \(orderClause) LIMIT ? OFFSET ?
                    """, arguments: pageArguments)
            let items = try rows.map { row in
                let campaign = try CampaignRow(row: row).campaign()
                var totals: MetricTotals?
                if row["t_currency"] as String? != nil {
                    totals = try Self.totals(
                        row, table: "campaign_metric_totals", key: campaign.id.databaseKey, prefix: "t_")
                }
                return CampaignPerformance(campaign: campaign, totals: totals)
            }
            return Page(items: items, total: total, limit: page.limit, offset: page.offset)
        }
    }

    /// `ORDER BY` for an order; every key ends with the newest-first tiebreak so pages never overlap. The key is one
    /// of a closed set, never text from a caller.
    private static func orderClause(_ order: CampaignOrder) -> String {
        let direction = order.descending ? "DESC" : "ASC"
        // Ratios are NULL where their denominator is zero, and NULLs sort last in both directions.
        let expression: String
        switch order.key {
        case .created: return "c.created_at \(direction), c.rowid \(direction)"
        case .name: expression = "c.name COLLATE NOCASE"
        case .status: expression = "c.status"
        case .platform: expression = "c.platform"
        case .spend: expression = "t.spend_minor"
        case .conversions: expression = "t.conversions"
        case .roas: expression = "CAST(t.conversion_value_minor AS REAL) / NULLIF(t.spend_minor, 0)"
        case .cpa: expression = "t.spend_minor / NULLIF(t.conversions, 0)"
        case .lastSync: expression = "c.last_synced_at"
        }
        return "(\(expression)) IS NULL, \(expression) \(direction), c.created_at DESC, c.rowid DESC"
    }

    /// The sums of a rollup row, with its currency checked.
    private static func totals(_ row: Row, table: String, key: String, prefix: String = "") throws -> MetricTotals {
        let code: String = row[prefix + "currency"]
        guard let currency = Currency(code: code) else {
            throw StoreError.corrupt(table: table, row: key, column: "currency", "holds unknown currency '\(code)'")
        }
        return MetricTotals(
            impressions: row[prefix + "impressions"], clicks: row[prefix + "clicks"],
            spend: Money(minorUnits: row[prefix + "spend_minor"], currency: currency),
            conversions: row[prefix + "conversions"],
            conversionValue: Money(minorUnits: row[prefix + "conversion_value_minor"], currency: currency))
    }
}
