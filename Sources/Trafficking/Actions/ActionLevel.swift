import AdPlatformKit

/// The level of the hierarchy a lifecycle action works on. Creatives, media and Google's budget entity are not
/// levels of their own: their ads and campaigns are.
public enum ActionLevel: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The campaign.
    case campaign
    /// The ad groups (Meta ad sets, Snapchat ad squads).
    case adGroup
    /// The ads.
    case ad

    /// The entity kind mapped at this level.
    public var kind: EntityKind {
        switch self {
        case .campaign: .campaign
        case .adGroup: .adGroup
        case .ad: .ad
        }
    }

    /// The level of an entity kind, or `nil` for kinds actions do not address.
    public init?(kind: EntityKind) {
        guard let level = Self.allCases.first(where: { $0.kind == kind }) else { return nil }
        self = level
    }

    /// The name, e.g. `adGroup`.
    public var description: String { rawValue }
}
