import AdPlatformKit

/// The insights `action_type` values this module counts as conversions, and whose `action_values` it counts as
/// revenue: sign-ups, purchases and leads.
///
/// The set is our choice, not Meta's: Meta reports dozens of action types (link clicks, video views, page
/// engagement) and only these are outcomes a trafficking request optimises for. Meta reports one pixel
/// conversion under both its pixel-specific name and a generic one (`offsite_conversion.fb_pixel_purchase` and
/// `purchase`), so each outcome counts only the first of its names present in a row.
public enum MetaConversionActions {
    /// Each counted outcome's action types, most specific first.
    public static let outcomes: [[String]] = [
        ["offsite_conversion.fb_pixel_complete_registration", "complete_registration"],
        ["offsite_conversion.fb_pixel_purchase", "purchase"],
        ["offsite_conversion.fb_pixel_lead", "lead"],
    ]

    /// Every action type that may be counted.
    public static let actionTypes: Set<String> = Set(outcomes.joined())

    /// The actions of one insights row to count: per outcome, the first of its types that the row reports.
    public static func counted(_ actions: [JSONValue]) -> [JSONValue] {
        outcomes.compactMap { names in
            names.lazy.compactMap { name in actions.first { $0["action_type"]?.stringValue == name } }.first
        }
    }
}
