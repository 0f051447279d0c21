import AdPlatformKit

/// An ad group's bid and targeting as TikTok reports them, read before a bid change (which field a cap goes in
/// depends on the billing event) and after it.
public struct TikTokAdGroupSettings: Sendable, Hashable {
    /// `billing_event`: `OCPM` ad groups bid a target cost per conversion, the others a price per click, view or
    /// thousand impressions.
    public var billingEvent: String?
    /// `optimization_goal`.
    public var optimizationGoal: String?
    /// The bid.
    public var bid: BidStrategy
    /// Countries, ages and genders.
    public var targeting: Targeting

    /// The `get` fields these come from.
    public static let fields = [
        "adgroup_id", "adgroup_name", "billing_event", "optimization_goal", "bid_type", "bid_price",
        "conversion_bid_price", "deep_bid_type", "roas_bid", "location_ids", "age_groups", "gender",
    ]

    /// Creates settings.
    public init(billingEvent: String?, optimizationGoal: String?, bid: BidStrategy, targeting: Targeting) {
        self.billingEvent = billingEvent
        self.optimizationGoal = optimizationGoal
        self.bid = bid
        self.targeting = targeting
    }
}
