import AdPlatformKit

extension TikTokAdsPlatform {
    /// Fetches the BASIC report at the query's level, following every page, and returns one row per entity with
    /// money in the account currency.
    public func fetchMetrics(_ query: MetricsQuery, in account: AccountContext) async throws -> [MetricRow] {
        var rows: [MetricRow] = []
        var page = 1
        while true {
            let response = try await transport.send(try requestBuilder.report(query, page: page, in: account))
            let result = try TikTokResponseParser.reportPage(
                level: query.level, currency: account.currency, from: response, operation: "fetchMetrics")
            rows += result.items
            guard page < result.totalPages else { break }
            page += 1
        }
        return TikTokResponseParser.summing(rows)
    }
}
