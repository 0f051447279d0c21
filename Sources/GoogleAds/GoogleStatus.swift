import AdPlatformKit

/// Google's entity status enum values (`CampaignStatus`, `AdGroupStatus`, `AdGroupAdStatus`, `BudgetStatus`) and
/// their generic equivalents.
public enum GoogleStatus {
    /// `ENABLED`, `PAUSED` or `REMOVED`.
    public static func platformValue(for status: DeliveryStatus) -> String {
        switch status {
        case .active: "ENABLED"
        case .paused: "PAUSED"
        case .removed: "REMOVED"
        }
    }

    /// The generic status of a Google value; `nil` for values with no equivalent (`UNKNOWN`, `UNSPECIFIED`).
    public static func deliveryStatus(from value: String) -> DeliveryStatus? {
        switch value {
        case "ENABLED": .active
        case "PAUSED": .paused
        case "REMOVED": .removed
        default: nil
        }
    }
}
