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
        let countArguments = arguments
        arguments += [page.limit, page.offset]
        let pageArguments = arguments
        return try await read { db in
            let total: Int
            let ids: [DatabaseValue]
            if let figure = Self.figureExpression(order.key) {
                let sorted = try Self.idsSortedByFigure(
                    db, figure: figure, whereClause: whereClause, arguments: countArguments,
                    descending: order.descending)
                total = sorted.count
                ids = Array(sorted.dropFirst(page.offset).prefix(page.limit))
            } else {
                total =
                    try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM campaigns c \(whereClause)", arguments: countArguments) ?? 0
                // The page's ids first, over narrow rows; then only those campaigns are read whole.
                ids = try DatabaseValue.fetchAll(
                    db,
                    sql: """
                        SELECT c.id FROM campaigns c LEFT JOIN campaign_metric_totals t ON t.campaign_id = c.id
                        \(whereClause) ORDER BY \(Self.orderClause(order)) LIMIT ? OFFSET ?
                        """, arguments: pageArguments)
            }
            let unordered = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.*, t.currency AS t_currency, t.impressions AS t_impressions, t.clicks AS t_clicks,
                        t.spend_minor AS t_spend_minor, t.conversions AS t_conversions,
                        t.conversion_value_minor AS t_conversion_value_minor
                    FROM campaigns c LEFT JOIN campaign_metric_totals t ON t.campaign_id = c.id
                    WHERE c.id IN (\(databaseQuestionMarks(count: ids.count)))
                    """, arguments: StatementArguments(ids))
            let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            let rows = unordered.sorted {
                (position[$0["id"] as DatabaseValue] ?? 0) < (position[$1["id"] as DatabaseValue] ?? 0)
            }
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

    /// `ORDER BY` for an order by a campaign's own column; every key ends with the newest-first tiebreak so pages
    /// never overlap. The key is one of a closed set, never text from a caller. NULLs sort last in both directions.
    private static func orderClause(_ order: CampaignOrder) -> String {
        let direction = order.descending ? "DESC" : "ASC"
        let expression: String
        switch order.key {
        case .created: return "c.created_at \(direction), c.rowid \(direction)"
        case .name: expression = "c.name COLLATE NOCASE"
        case .status: expression = "c.status"
        case .platform: expression = "c.platform"
        case .lastSync: expression = "c.last_synced_at"
        case .spend, .conversions, .roas, .cpa: expression = figureExpression(order.key) ?? "NULL"
        }
        return "(\(expression)) IS NULL, \(expression) \(direction), c.created_at DESC, c.rowid DESC"
    }

    /// The SQL of a figure from the rollup (`t`), or `nil` for a campaign's own column. Ratios are NULL where their
    /// denominator is zero.
    private static func figureExpression(_ key: CampaignOrder.Key) -> String? {
        switch key {
        case .spend: "t.spend_minor"
        case .conversions: "t.conversions"
        case .roas: "CAST(t.conversion_value_minor AS REAL) / NULLIF(t.spend_minor, 0)"
        case .cpa: "t.spend_minor / NULLIF(t.conversions, 0)"
        case .created, .name, .status, .platform, .lastSync: nil
        }
    }

    /// Every selected campaign's id, sorted by a figure (NULLs last either way, then newest first). SQLite's sorter
    /// took 15–30 ms over 10,000 campaigns on a 2-core machine, most of a page's budget; reading the figure beside
    /// each id and sorting here takes a few.
    private static func idsSortedByFigure(
        _ db: Database, figure: String, whereClause: String, arguments: StatementArguments, descending: Bool
    ) throws -> [DatabaseValue] {
        struct Keyed {
            var id: DatabaseValue
            var figure: Double?
            var created: String
            var rowID: Int64
        }
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.id, \(figure), c.created_at, c.rowid
                FROM campaigns c LEFT JOIN campaign_metric_totals t ON t.campaign_id = c.id \(whereClause)
                """, arguments: arguments)
        var keyed: [Keyed] = []
        while let row = try cursor.next() {
            keyed.append(Keyed(id: row[0], figure: row[1], created: row[2], rowID: row[3]))
        }
        keyed.sort { first, second in
            switch (first.figure, second.figure) {
            case (let one?, let other?) where one != other: return descending ? one > other : one < other
            case (.some, .none): return true
            case (.none, .some): return false
            default:
                return first.created != second.created ? first.created > second.created : first.rowID > second.rowID
            }
        }
        return keyed.map(\.id)
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
