/// Whether a metrics query returns one row per entity for the whole range, or one per entity and day.
public enum MetricsGranularity: String, Sendable, Hashable, Codable {
    /// One row per entity over the query's days.
    case total
    /// One row per entity and day, in the account's time zone (``MetricRow/date`` set).
    case daily
}
