import AdPlatformKit

/// How one generic entity kind is named in TikTok's endpoints, fields, filters and reports.
struct TikTokEntityResource: Sendable, Hashable {
    /// The kind this describes.
    let kind: EntityKind
    /// The path segment: `campaign`, `adgroup`, `ad`.
    let endpoint: String
    /// The id field in bodies and list items, e.g. `campaign_id`.
    let idField: String
    /// The name field, e.g. `campaign_name`.
    let nameField: String
    /// The list filter and status-update key for ids, e.g. `campaign_ids`.
    let idsField: String
    /// The parent's id field in list items; `nil` for campaigns.
    let parentIDField: String?
    /// The filter that narrows a list to one parent, e.g. `campaign_ids` for ad groups.
    let parentFilterField: String?
    /// The name filter of the get endpoint, where TikTok has one (it matches fuzzily).
    let nameFilterField: String?
    /// The report's `data_level`.
    let dataLevel: String
    /// The fields requested from the get endpoint.
    let fields: [String]

    static let campaign = TikTokEntityResource(
        kind: .campaign, endpoint: "campaign", idField: "campaign_id", nameField: "campaign_name",
        idsField: "campaign_ids", parentIDField: nil, parentFilterField: nil, nameFilterField: "campaign_name",
        dataLevel: "AUCTION_CAMPAIGN",
        fields: [
            "campaign_id", "campaign_name", "objective_type", "operation_status", "secondary_status", "budget",
            "budget_mode",
        ])

    static let adGroup = TikTokEntityResource(
        kind: .adGroup, endpoint: "adgroup", idField: "adgroup_id", nameField: "adgroup_name",
        idsField: "adgroup_ids", parentIDField: "campaign_id", parentFilterField: "campaign_ids",
        nameFilterField: "adgroup_name", dataLevel: "AUCTION_ADGROUP",
        fields: [
            "adgroup_id", "adgroup_name", "campaign_id", "operation_status", "secondary_status", "budget",
            "budget_mode",
        ])

    static let ad = TikTokEntityResource(
        kind: .ad, endpoint: "ad", idField: "ad_id", nameField: "ad_name", idsField: "ad_ids",
        parentIDField: "adgroup_id", parentFilterField: "adgroup_ids", nameFilterField: nil, dataLevel: "AUCTION_AD",
        fields: ["ad_id", "ad_name", "adgroup_id", "campaign_id", "operation_status", "secondary_status"])

    /// The resource of a kind; throws `unsupported` for kinds TikTok has no endpoint for here.
    static func of(_ kind: EntityKind, operation: String) throws(AdPlatformError) -> TikTokEntityResource {
        switch kind {
        case .campaign: return .campaign
        case .adGroup: return .adGroup
        case .ad: return .ad
        default:
            throw AdPlatformError(
                code: .unsupported,
                message: "TikTok has no \(kind) entity this module can \(operation); use campaign, adGroup or ad",
                platform: .tiktok, operation: operation)
        }
    }
}
