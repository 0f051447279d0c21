import AdPlatformKit
import Foundation
import Trafficking

/// One platform entity of a campaign, in ``CampaignResource``.
struct EntityMappingResource: Encodable, Sendable {
    /// `campaign`, `adGroup`, `creative`, `ad`, `budget` or `media`.
    var level: String
    /// The platform's id.
    var platformID: String
    /// The parent's platform id.
    var parentPlatformID: String?
    /// The name on the platform.
    var name: String
    /// The ledger step that created it.
    var step: String
    /// The status last seen.
    var lastSeenStatus: DeliveryStatus?
    /// The budget last seen, on the entity that holds it.
    var lastSeenBudget: Budget?
    /// When it was last seen.
    var lastSeenAt: Date

    private enum CodingKeys: String, CodingKey {
        case level
        case platformID = "platform_id"
        case parentPlatformID = "parent_platform_id"
        case name, step
        case lastSeenStatus = "last_seen_status"
        case lastSeenBudget = "last_seen_budget"
        case lastSeenAt = "last_seen_at"
    }

    init(_ mapping: EntityMapping) {
        level = mapping.level.rawValue
        platformID = mapping.platformID
        parentPlatformID = mapping.parentPlatformID
        name = mapping.name
        step = mapping.stepKey
        lastSeenStatus = mapping.lastSeenStatus
        lastSeenBudget = mapping.lastSeenBudget
        lastSeenAt = mapping.lastSeenAt
    }
}
