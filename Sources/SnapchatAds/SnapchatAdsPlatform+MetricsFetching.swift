import AdPlatformKit

extension SnapchatAdsPlatform {
    /// One stats call per entity, each a row of totals over the query's days; for a daily query, one call for the
    /// level, the account's stats split by entity (`breakdown`), a row per entity and day. With no ids, every entity of the
    /// level in the account is listed first.
    public func fetchMetrics(_ query: MetricsQuery, in account: AccountContext) async throws -> [MetricRow] {
        let operation = "fetchMetrics"
        _ = try builder.metricsCollection(query.level)
        _ = try builder.statsWindow(since: query.since, until: query.until)
        if query.granularity == .daily {
            // By day, the account's stats split by entity: one call for the level, not one per entity.
            let breakdown = try SnapchatRequestBuilder.breakdown(query.level)
            let request = try builder.breakdownStats(
                level: query.level, since: query.since, until: query.until, in: account)
            let rows = try parser.breakdownMetricRows(
                level: query.level, breakdown: breakdown, currency: account.currency,
                from: try await transport.send(request), operation: operation)
            let wanted = Set(query.entityIDs)
            return wanted.isEmpty ? rows : rows.filter { wanted.contains($0.entityID) }
        }
        var ids = query.entityIDs
        if ids.isEmpty {
            ids = try await allEntityIDs(query.level, in: account)
        }
        var rows: [MetricRow] = []
        for id in ids {
            let request = try builder.stats(
                level: query.level, entityID: id, since: query.since, until: query.until, in: account)
            rows.append(
                try parser.metricRow(
                    level: query.level, entityID: id, currency: account.currency,
                    from: try await transport.send(request), operation: operation))
        }
        return rows
    }

    private func allEntityIDs(_ kind: EntityKind, in account: AccountContext) async throws -> [String] {
        var ids: [String] = []
        var cursor: String?
        var seenCursors: Set<String> = []
        repeat {
            let request = try builder.listEntities(
                kind, in: account, pageSize: SnapchatRequestBuilder.pageSizeRange.upperBound, after: cursor,
                operation: "fetchMetrics")
            let page = try parser.page(kind, from: try await transport.send(request), operation: "fetchMetrics")
            ids += page.entities.map(\.id)
            cursor = page.nextCursor.flatMap { seenCursors.insert($0).inserted ? $0 : nil }
        } while cursor != nil
        return ids
    }
}
