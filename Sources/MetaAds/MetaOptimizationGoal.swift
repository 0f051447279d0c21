import AdPlatformKit

/// The ad set `optimization_goal` that fits each generic objective.
enum MetaOptimizationGoal {
    /// The goal for an objective.
    static func forObjective(_ objective: Objective) -> String {
        switch objective {
        case .traffic: "LINK_CLICKS"
        case .conversions, .sales: "OFFSITE_CONVERSIONS"
        case .awareness, .reach: "REACH"
        case .engagement: "POST_ENGAGEMENT"
        case .videoViews: "THRUPLAY"
        case .leads: "LEAD_GENERATION"
        case .appPromotion: "APP_INSTALLS"
        }
    }

    /// The pixel event an ad set optimising for website conversions tracks; `nil` for other objectives.
    static func pixelEvent(for objective: Objective) -> String? {
        switch objective {
        case .conversions: "COMPLETE_REGISTRATION"
        case .sales: "PURCHASE"
        default: nil
        }
    }
}
