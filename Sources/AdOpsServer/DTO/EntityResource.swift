import AdPlatformKit

/// An entity a job step created on a platform.
struct EntityResource: Encodable, Sendable {
    /// `campaign`, `adGroup`, `media`, `creative`, `ad` or `budget`.
    var kind: String
    /// The platform's id.
    var id: String
    /// The name on the platform, with its idempotency marker.
    var name: String
    /// The parent's platform id.
    var parentID: String?

    private enum CodingKeys: String, CodingKey {
        case kind, id, name
        case parentID = "parent_id"
    }

    /// The resource for an entity.
    init(_ entity: PlatformEntity) {
        kind = entity.kind.rawValue
        id = entity.id
        name = entity.name
        parentID = entity.parentID
    }
}
