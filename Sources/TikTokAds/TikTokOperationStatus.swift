import AdPlatformKit

/// Translates between ``DeliveryStatus`` and TikTok's `operation_status` and `secondary_status`.
public enum TikTokOperationStatus {
    /// The `operation_status` for a status: `ENABLE`, `DISABLE` or `DELETE`.
    public static func value(for status: DeliveryStatus) -> String {
        switch status {
        case .active: "ENABLE"
        case .paused: "DISABLE"
        case .removed: "DELETE"
        }
    }

    /// The `operation_status` an entity is created with; TikTok creates only enabled or disabled entities.
    public static func creationValue(for status: DeliveryStatus, operation: String) throws(AdPlatformError) -> String {
        guard status != .removed else {
            throw AdPlatformError(
                code: .invalidParameter, message: "an entity cannot be created as removed", platform: .tiktok,
                operation: operation, fieldPath: "status")
        }
        return value(for: status)
    }

    /// The status read back from a list item; a deleted secondary status wins over the operation status, because
    /// TikTok can report a deleted entity's last operation status.
    public static func status(operationStatus: String?, secondaryStatus: String?) -> DeliveryStatus? {
        if let secondaryStatus, secondaryStatus == "DELETE" || secondaryStatus.hasSuffix("_DELETE") {
            return .removed
        }
        switch operationStatus {
        case "ENABLE": return .active
        case "DISABLE": return .paused
        case "DELETE": return .removed
        default: return nil
        }
    }
}
