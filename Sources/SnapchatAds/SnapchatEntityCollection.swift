import AdPlatformKit

/// A Snap entity collection: its path component, the keys its envelopes use, and the field naming its parent.
enum SnapchatEntityCollection: Sendable, CaseIterable {
    case campaigns
    case adSquads
    case media
    case creatives
    case ads

    /// The collection for a generic kind; `nil` for kinds Snap does not have (a separate budget entity).
    init?(_ kind: EntityKind) {
        guard let match = Self.allCases.first(where: { $0.kind == kind }) else { return nil }
        self = match
    }

    /// The generic kind.
    var kind: EntityKind {
        switch self {
        case .campaigns: .campaign
        case .adSquads: .adGroup
        case .media: .media
        case .creatives: .creative
        case .ads: .ad
        }
    }

    /// The plural used in paths and as the envelope's array key, e.g. `adsquads`.
    var pluralKey: String {
        switch self {
        case .campaigns: "campaigns"
        case .adSquads: "adsquads"
        case .media: "media"
        case .creatives: "creatives"
        case .ads: "ads"
        }
    }

    /// The key of the entity object inside each envelope item, e.g. `adsquad`.
    var singularKey: String {
        switch self {
        case .campaigns: "campaign"
        case .adSquads: "adsquad"
        case .media: "media"
        case .creatives: "creative"
        case .ads: "ad"
        }
    }

    /// The field holding the parent's id: the ad account for campaigns, media and creatives.
    var parentKey: String {
        switch self {
        case .campaigns, .media, .creatives: "ad_account_id"
        case .adSquads: "campaign_id"
        case .ads: "ad_squad_id"
        }
    }
}
