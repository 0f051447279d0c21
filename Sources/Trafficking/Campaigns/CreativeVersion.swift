import AdPlatformKit
import Foundation

/// One version of a campaign's creative (seed 002: `version`, `parent`). The launch stores version 1 of each
/// creative; a change of copy adds the next version and leaves every earlier one readable.
public struct CreativeVersion: Sendable, Hashable, Codable {
    /// Our campaign.
    public var campaignID: UUID
    /// The creative's key in the request.
    public var creativeKey: String
    /// 1, 2, … in the order they were made.
    public var version: Int
    /// The version this one was made from; `nil` for the first.
    public var parentVersion: Int?
    /// The creative's copy, media and landing page.
    public var creative: CreativeDefinition
    /// When it was made.
    public var createdAt: Date

    /// Creates a version.
    public init(
        campaignID: UUID, creativeKey: String, version: Int, parentVersion: Int?, creative: CreativeDefinition,
        createdAt: Date
    ) {
        self.campaignID = campaignID
        self.creativeKey = creativeKey
        self.version = version
        self.parentVersion = parentVersion
        self.creative = creative
        self.createdAt = createdAt
    }
}
