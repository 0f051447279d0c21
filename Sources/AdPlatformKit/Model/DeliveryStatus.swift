/// Whether an entity delivers. New entities start ``paused`` unless a request says otherwise.
public enum DeliveryStatus: String, Sendable, Hashable, ClosedSetDecodable {
    /// Delivering (Meta/Snap `ACTIVE`, TikTok `ENABLE`, Google `ENABLED`).
    case active = "ACTIVE"
    /// Not delivering (Meta/Snap `PAUSED`, TikTok `DISABLE`, Google `PAUSED`).
    case paused = "PAUSED"
    /// Deleted or removed; hidden from lists (Meta `DELETED`, TikTok `DELETE`, Google `REMOVED`).
    case removed = "REMOVED"

    /// `status`.
    public static let valueKind = "status"
}
