/// Which metrics to fetch: for which entities, at which level, over which days.
public struct MetricsQuery: Sendable, Hashable {
    /// The level rows are reported at: `campaign`, `adGroup` or `ad`.
    public var level: EntityKind
    /// The platform ids of the entities at that level; empty means all in the account.
    public var entityIDs: [String]
    /// The first day, `YYYY-MM-DD`, in the account's time zone.
    public var since: String
    /// The last day, inclusive.
    public var until: String
    /// One row per entity, or per entity and day.
    public var granularity: MetricsGranularity

    /// Creates a query.
    public init(
        level: EntityKind, entityIDs: [String], since: String, until: String, granularity: MetricsGranularity = .total
    ) {
        self.granularity = granularity
        self.level = level
        self.entityIDs = entityIDs
        self.since = since
        self.until = until
    }
}
