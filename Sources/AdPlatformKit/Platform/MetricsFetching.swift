/// A platform that reports delivery metrics.
public protocol MetricsFetching: AdPlatform {
    /// Fetches one normalised row per entity for the query's days.
    func fetchMetrics(_ query: MetricsQuery, in account: AccountContext) async throws -> [MetricRow]
}
