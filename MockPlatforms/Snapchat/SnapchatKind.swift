/// The Snap entities the emulator keeps, with the names Snap uses for them in paths and envelopes.
enum SnapchatKind: String, Sendable, CaseIterable {
    /// A campaign, under an ad account.
    case campaign
    /// An ad squad, under a campaign; it carries the budget.
    case adsquad
    /// A creative, under an ad account.
    case creative
    /// An ad, under an ad squad, pointing at a creative.
    case ad
    /// A media file, under an ad account.
    case media

    /// The plural key of envelopes and the path segment of collections: `campaigns`, `adsquads`, …, `media`.
    var plural: String {
        switch self {
        case .campaign: "campaigns"
        case .adsquad: "adsquads"
        case .creative: "creatives"
        case .ad: "ads"
        case .media: "media"
        }
    }

    /// The key each envelope item wraps its entity in: `campaign`, `adsquad`, …, `media`.
    var singular: String { rawValue }

    /// The `type` a stats answer names the entity with; `nil` for kinds Snap reports no stats for.
    var statsType: String? {
        switch self {
        case .campaign: "CAMPAIGN"
        case .adsquad: "AD_SQUAD"
        case .ad: "AD"
        case .creative, .media: nil
        }
    }

    /// The part the entity plays in synthetic delivery.
    var role: MockEntity.Role {
        switch self {
        case .campaign, .adsquad: .container
        case .ad: .leaf
        case .creative, .media: .passive
        }
    }

    /// A human name for messages.
    var title: String {
        switch self {
        case .campaign: "Campaign"
        case .adsquad: "Ad squad"
        case .creative: "Creative"
        case .ad: "Ad"
        case .media: "Media"
        }
    }

    /// The kind whose plural is a path segment.
    init?(plural: Substring) {
        switch plural {
        case "campaigns": self = .campaign
        case "adsquads": self = .adsquad
        case "creatives": self = .creative
        case "ads": self = .ad
        case "media": self = .media
        default: return nil
        }
    }
}
