/// Synthetic delivery plus pixel conversions for an entity over a span of virtual time.
public struct DeliveryTotals: Sendable, Hashable, Codable {
    /// Times shown.
    public var impressions: Int64 = 0
    /// Clicks (Snapchat swipes).
    public var clicks: Int64 = 0
    /// Spend in micros of the account currency.
    public var spendMicros: Int64 = 0
    /// Conversions from pixel events attributed to the entity's ads.
    public var conversions: Int64 = 0
    /// Conversion value in micros.
    public var revenueMicros: Int64 = 0

    /// Empty totals.
    public init() {}

    static func + (lhs: DeliveryTotals, rhs: DeliveryTotals) -> DeliveryTotals {
        var sum = lhs
        sum.impressions += rhs.impressions
        sum.clicks += rhs.clicks
        sum.spendMicros += rhs.spendMicros
        sum.conversions += rhs.conversions
        sum.revenueMicros += rhs.revenueMicros
        return sum
    }
}
