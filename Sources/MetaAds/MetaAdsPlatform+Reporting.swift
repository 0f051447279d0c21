import AdPlatformKit

extension MetaAdsPlatform {
    /// Reads insights page by page and returns one row per entity, in the order Meta first reports them.
    public func fetchMetrics(_ query: MetricsQuery, in account: AccountContext) async throws -> [MetricRow] {
        let parser = MetaResponseParser(operation: "fetchMetrics")
        var rows: [JSONValue] = []
        var cursor: String?
        repeat {
            let body = try await send(try builder.insights(query, in: account, after: cursor), parser: parser)
            let page = try parser.listPage(in: body)
            rows += page.items
            cursor = try advance(from: cursor, to: page.nextCursor, parser: parser)
        } while cursor != nil
        return try parser.metricRows(
            from: rows, level: query.level, currency: account.currency, daily: query.granularity == .daily)
    }

    /// The next cursor, or `nil` at the end; throws when Meta hands back the cursor it was given, which would
    /// otherwise loop forever.
    func advance(
        from current: String?, to next: String?, parser: MetaResponseParser
    ) throws(AdPlatformError)
        -> String?
    {
        guard let next else { return nil }
        guard next != current else {
            throw parser.malformed("Meta's paging returned the same cursor '\(next)' again")
        }
        return next
    }
}
