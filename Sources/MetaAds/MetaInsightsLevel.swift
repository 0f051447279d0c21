import AdPlatformKit

/// How a metrics level is named in Meta's insights call: the `level` value, the id field of each row and the
/// field the `filtering` clause matches.
struct MetaInsightsLevel: Sendable {
    /// `campaign`, `adset` or `ad`.
    let level: String
    /// `campaign_id`, `adset_id` or `ad_id`.
    let idField: String
    /// `campaign.id`, `adset.id` or `ad.id`.
    let filterField: String

    /// The level for a kind; throws `unsupported` for kinds insights do not report at.
    static func of(_ kind: EntityKind, operation: String) throws(AdPlatformError) -> MetaInsightsLevel {
        switch kind {
        case .campaign: return MetaInsightsLevel(level: "campaign", idField: "campaign_id", filterField: "campaign.id")
        case .adGroup: return MetaInsightsLevel(level: "adset", idField: "adset_id", filterField: "adset.id")
        case .ad: return MetaInsightsLevel(level: "ad", idField: "ad_id", filterField: "ad.id")
        default:
            throw AdPlatformError(
                code: .unsupported, message: "Meta insights are reported per campaign, ad set or ad, not '\(kind)'",
                platform: .meta, operation: operation, fieldPath: "level")
        }
    }
}
