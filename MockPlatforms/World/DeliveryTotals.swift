/// Synthetic delivery plus conversions for an entity over a span of virtual time.
public struct DeliveryTotals: Sendable, Hashable, Codable {
    /// Times shown.
    public var impressions: Int64 = 0
    /// Clicks (Snapchat swipes).
    public var clicks: Int64 = 0
    /// Spend in micros of the account currency.
    public var spendMicros: Int64 = 0
    /// Every conversion: modelled from clicks, added late through the control plane, and from pixel events
    /// attributed to the entity's ads.
    public var conversions: Int64 = 0
    /// Value of every conversion, in micros.
    public var revenueMicros: Int64 = 0
    /// The part of ``conversions`` that came from pixel events, which platforms report under the event's own
    /// name (Meta's action types, Snapchat's purchases).
    public var pixelConversions: Int64 = 0
    /// The part of ``revenueMicros`` that came from pixel events.
    public var pixelRevenueMicros: Int64 = 0

    /// Empty totals.
    public init() {}

    /// Conversions that did not come from pixel events: modelled and late ones.
    public var modelledConversions: Int64 { conversions - pixelConversions }
    /// Value of ``modelledConversions``, in micros.
    public var modelledRevenueMicros: Int64 { revenueMicros - pixelRevenueMicros }

    /// The sum of two spans or entities.
    public static func + (lhs: DeliveryTotals, rhs: DeliveryTotals) -> DeliveryTotals {
        var sum = lhs
        sum.impressions += rhs.impressions
        sum.clicks += rhs.clicks
        sum.spendMicros += rhs.spendMicros
        sum.conversions += rhs.conversions
        sum.revenueMicros += rhs.revenueMicros
        sum.pixelConversions += rhs.pixelConversions
        sum.pixelRevenueMicros += rhs.pixelRevenueMicros
        return sum
    }
}
