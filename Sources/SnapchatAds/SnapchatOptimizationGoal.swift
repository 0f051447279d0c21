import AdPlatformKit

/// The ad squad `optimization_goal` for each campaign objective.
///
/// Every value is in Snap's documented `optimization_goal` list [DOC]. Engagement and leads optimise for
/// `SWIPES`: `LEAD_FORM_SUBMISSIONS` appears only in third-party code, not in that list.
enum SnapchatOptimizationGoal {
    /// The goal for an objective.
    static func goal(for objective: Objective) -> String {
        switch objective {
        case .traffic, .engagement, .leads: "SWIPES"
        case .conversions: "PIXEL_SIGNUP"
        case .sales: "PIXEL_PURCHASE"
        case .awareness, .reach: "IMPRESSIONS"
        case .videoViews: "VIDEO_VIEWS"
        case .appPromotion: "APP_INSTALLS"
        }
    }
}
