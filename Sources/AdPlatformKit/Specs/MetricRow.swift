/// One entity's metrics over a query's days, normalised across platforms.
public struct MetricRow: Sendable, Hashable, Codable {
    /// The platform.
    public var platform: PlatformID
    /// The level.
    public var level: EntityKind
    /// The entity's platform id.
    public var entityID: String
    /// The day, `YYYY-MM-DD` in the account's time zone, for a daily query; `nil` for totals.
    public var date: String?
    /// Times shown.
    public var impressions: Int64
    /// Clicks (Snapchat swipes).
    public var clicks: Int64
    /// Spend in the account currency.
    public var spend: Money
    /// Conversions; fractional where the platform attributes fractions (Google).
    public var conversions: Double
    /// Conversion value in the account currency.
    public var revenue: Money

    /// Creates a row.
    public init(
        platform: PlatformID, level: EntityKind, entityID: String, impressions: Int64, clicks: Int64, spend: Money,
        conversions: Double, revenue: Money, date: String? = nil
    ) {
        self.date = date
        self.platform = platform
        self.level = level
        self.entityID = entityID
        self.impressions = impressions
        self.clicks = clicks
        self.spend = spend
        self.conversions = conversions
        self.revenue = revenue
    }
}
