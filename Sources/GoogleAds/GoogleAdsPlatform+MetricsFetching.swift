import AdPlatformKit

extension GoogleAdsPlatform: MetricsFetching {
    /// Runs the metrics search over every page and returns one row per entity, in the account currency. Google
    /// omits entities without activity, so an entity with no row had no impressions.
    public func fetchMetrics(_ query: MetricsQuery, in account: AccountContext) async throws -> [MetricRow] {
        let operation = "fetchMetrics"
        let text = try GoogleQueryBuilder.metricsQuery(query)
        var rows: [JSONValue] = []
        try await searchPages(text, in: account, operation: operation) { page in
            rows += page.rows
            return false
        }
        return try GoogleResponseParser.metricRows(
            from: rows, level: query.level, currency: account.currency, operation: operation)
    }
}
