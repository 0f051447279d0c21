import AdPlatformKit

/// Meta's `status` values for the generic delivery status.
enum MetaStatus {
    /// `ACTIVE`, `PAUSED` or `DELETED`.
    static func platformValue(for status: DeliveryStatus) -> String {
        switch status {
        case .active: "ACTIVE"
        case .paused: "PAUSED"
        case .removed: "DELETED"
        }
    }

    /// The generic status of a Meta `status`; `ARCHIVED` counts as removed because archived entities no longer
    /// deliver and cannot be reactivated. Unknown values read as `nil`.
    static func deliveryStatus(from value: String) -> DeliveryStatus? {
        switch value.uppercased() {
        case "ACTIVE": .active
        case "PAUSED": .paused
        case "DELETED", "ARCHIVED": .removed
        default: nil
        }
    }
}
