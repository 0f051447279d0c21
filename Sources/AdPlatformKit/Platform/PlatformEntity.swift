/// An entity that exists on a platform, as the platform identified it.
public struct PlatformEntity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The platform it lives on.
    public var platform: PlatformID
    /// What it is.
    public var kind: EntityKind
    /// The platform's id: Meta and TikTok numeric strings, Snapchat UUIDs, Google ids (the resource name is in
    /// ``attributes``).
    public var id: String
    /// The name on the platform, including any idempotency marker.
    public var name: String
    /// The delivery status on the platform, when known.
    public var status: DeliveryStatus?
    /// The parent's platform id, when known.
    public var parentID: String?
    /// The budget the entity holds on the platform, when it holds one and the module read it (lists read it, so
    /// that a sync sees a budget changed in the platform's own tool).
    public var budget: Budget?
    /// Platform-specific facts later calls need, e.g. Google `resourceName` and `budgetResourceName`, Meta
    /// image `hash`. Each module documents its keys.
    public var attributes: [String: String]

    /// Creates an entity.
    public init(
        platform: PlatformID, kind: EntityKind, id: String, name: String, status: DeliveryStatus? = nil,
        parentID: String? = nil, attributes: [String: String] = [:], budget: Budget? = nil
    ) {
        self.platform = platform
        self.kind = kind
        self.id = id
        self.name = name
        self.status = status
        self.parentID = parentID
        self.attributes = attributes
        self.budget = budget
    }

    /// `meta campaign 1202…`.
    public var description: String { "\(platform) \(kind) \(id)" }
}
