import AdPlatformKit

/// The ad group's `optimization_goal` and `billing_event` for a campaign objective.
public struct TikTokOptimization: Sendable, Hashable {
    /// What TikTok optimises delivery for, e.g. `CLICK`.
    public var goal: String
    /// What the advertiser pays for, e.g. `CPC`.
    public var billingEvent: String

    /// Creates a pair.
    public init(goal: String, billingEvent: String) {
        self.goal = goal
        self.billingEvent = billingEvent
    }

    /// The pair for an objective.
    public static func forObjective(_ objective: Objective) -> TikTokOptimization {
        switch objective {
        case .traffic: TikTokOptimization(goal: "CLICK", billingEvent: "CPC")
        case .conversions, .sales: TikTokOptimization(goal: "CONVERT", billingEvent: "OCPM")
        case .awareness, .reach: TikTokOptimization(goal: "REACH", billingEvent: "CPM")
        case .videoViews: TikTokOptimization(goal: "VIDEO_VIEW", billingEvent: "CPV")
        // ENGAGED_VIEW (focused views) is a goal third-party clients use; its pairing with ENGAGEMENT is unverified.
        case .engagement: TikTokOptimization(goal: "ENGAGED_VIEW", billingEvent: "OCPM")
        case .leads: TikTokOptimization(goal: "LEAD_GENERATION", billingEvent: "OCPM")
        case .appPromotion: TikTokOptimization(goal: "INSTALL", billingEvent: "OCPM")
        }
    }

    /// The body field a custom bid goes in: oCPM bids are a target cost per conversion (`conversion_bid_price`);
    /// the others are a cost per click, view or thousand impressions (`bid_price`).
    public var bidField: String { billingEvent == "OCPM" ? "conversion_bid_price" : "bid_price" }
}
