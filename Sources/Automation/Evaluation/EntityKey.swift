import AdPlatformKit
import Foundation
import Trafficking

/// Names one platform entity of a campaign of ours, as ``DailyMetric`` rows and ``EntityMapping``s do: the
/// campaign, the level and the platform's id.
public struct EntityKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Our campaign.
    public var campaignID: UUID
    /// The level.
    public var level: ActionLevel
    /// The platform's id of the entity.
    public var platformID: String

    /// Creates a key.
    public init(campaignID: UUID, level: ActionLevel, platformID: String) {
        self.campaignID = campaignID
        self.level = level
        self.platformID = platformID
    }

    /// The key of a metric row, or `nil` for a level actions do not address.
    public init?(_ row: DailyMetric) {
        guard let level = ActionLevel(kind: row.level) else { return nil }
        self.init(campaignID: row.campaignID, level: level, platformID: row.platformID)
    }

    /// `adGroup 2384 of <campaign>`.
    public var description: String { "\(level) \(platformID) of \(campaignID.uuidString)" }
}
