import AdPlatformKit
import Foundation

/// A difference between our records and the platform, found by a sync or a webhook: someone changed the entity
/// elsewhere, e.g. paused the campaign in Ads Manager. Our records then follow the platform; the drift keeps what
/// we had.
public struct Drift: Sendable, Hashable, Codable {
    /// What differed.
    public enum Field: String, Sendable, Hashable, Codable, CaseIterable {
        /// The delivery status.
        case status
        /// The budget.
        case budget
    }

    /// Our campaign.
    public var campaignID: UUID
    /// The entity's level.
    public var level: EntityKind
    /// The entity's platform id.
    public var platformID: String
    /// What differed.
    public var field: Field
    /// What our records held (`ACTIVE`, `50.00 USD daily`); `nil` when we did not know.
    public var ours: String?
    /// What the platform holds.
    public var platforms: String
    /// Who told us.
    public var source: ObservationSource
    /// When the platform said it.
    public var detectedAt: Date

    /// Creates a drift.
    public init(
        campaignID: UUID, level: EntityKind, platformID: String, field: Field, ours: String?, platforms: String,
        source: ObservationSource, detectedAt: Date
    ) {
        self.campaignID = campaignID
        self.level = level
        self.platformID = platformID
        self.field = field
        self.ours = ours
        self.platforms = platforms
        self.source = source
        self.detectedAt = detectedAt
    }
}
