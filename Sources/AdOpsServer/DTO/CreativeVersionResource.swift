import AdPlatformKit
import Foundation
import Trafficking

/// One version of a campaign's creative, in ``CampaignResource``.
struct CreativeVersionResource: Encodable, Sendable {
    /// The creative's key in the request.
    var creativeKey: String
    /// 1, 2, …
    var version: Int
    /// The version it was made from.
    var parentVersion: Int?
    /// The copy, media and landing page.
    var creative: CreativeDefinition
    /// When it was made.
    var createdAt: Date

    private enum CodingKeys: String, CodingKey {
        case creativeKey = "creative_key"
        case version
        case parentVersion = "parent_version"
        case creative
        case createdAt = "created_at"
    }

    init(_ version: CreativeVersion) {
        creativeKey = version.creativeKey
        self.version = version.version
        parentVersion = version.parentVersion
        creative = version.creative
        createdAt = version.createdAt
    }
}
