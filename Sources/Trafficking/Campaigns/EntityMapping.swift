import AdPlatformKit
import Foundation

/// One platform entity of a campaign of ours (seed 004's `platform_entity_mappings`): its level, its platform id
/// and its parent's, and its status and budget as last seen on the platform.
public struct EntityMapping: Sendable, Hashable, Codable {
    /// Our campaign.
    public var campaignID: UUID
    /// The level: campaign, ad group, creative, ad, budget or media (``EntityKind``).
    public var level: EntityKind
    /// The platform's id (for media, the reference creatives use: Meta's image hash, TikTok's image id, …).
    public var platformID: String
    /// The parent entity's platform id, where the platform reported one.
    public var parentPlatformID: String?
    /// The entity's name on the platform, with its idempotency marker.
    public var name: String
    /// The ledger step that created it.
    public var stepKey: String
    /// The status last seen on the platform, when known.
    public var lastSeenStatus: DeliveryStatus?
    /// The budget last seen on the platform, for the entity that holds the budget.
    public var lastSeenBudget: Budget?
    /// When the platform last told us about it: at creation, then at each sync.
    public var lastSeenAt: Date

    /// Creates a mapping.
    public init(
        campaignID: UUID, level: EntityKind, platformID: String, parentPlatformID: String?, name: String,
        stepKey: String, lastSeenStatus: DeliveryStatus?, lastSeenBudget: Budget?, lastSeenAt: Date
    ) {
        self.campaignID = campaignID
        self.level = level
        self.platformID = platformID
        self.parentPlatformID = parentPlatformID
        self.name = name
        self.stepKey = stepKey
        self.lastSeenStatus = lastSeenStatus
        self.lastSeenBudget = lastSeenBudget
        self.lastSeenAt = lastSeenAt
    }
}
