import AdPlatformKit
import Foundation
import Trafficking

/// A difference between our records and the platform that a sync or a webhook found, as a campaign's detail lists
/// it: our records then followed the platform, and `ours` keeps what we had.
public struct DriftResource: Encodable, Sendable {
    var level: String
    var platformID: String
    var field: Drift.Field
    var ours: String?
    var platformValue: String
    var source: ObservationSource
    var detectedAt: Date

    private enum CodingKeys: String, CodingKey {
        case level
        case platformID = "platform_id"
        case field, ours
        case platformValue = "platform_value"
        case source
        case detectedAt = "detected_at"
    }

    /// The resource of a drift.
    public init(_ drift: Drift) {
        level = drift.level.rawValue
        platformID = drift.platformID
        field = drift.field
        ours = drift.ours
        platformValue = drift.platforms
        source = drift.source
        detectedAt = drift.detectedAt
    }

    /// Encodes `ours` as `null` when we did not know, rather than leaving it out, so clients can always read it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(level, forKey: .level)
        try container.encode(platformID, forKey: .platformID)
        try container.encode(field, forKey: .field)
        try container.encode(ours, forKey: .ours)
        try container.encode(platformValue, forKey: .platformValue)
        try container.encode(source, forKey: .source)
        try container.encode(detectedAt, forKey: .detectedAt)
    }
}
