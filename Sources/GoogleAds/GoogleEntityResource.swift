import AdPlatformKit

/// How one generic entity kind appears in Google Ads: its GAQL resource, its key in a `GoogleAdsRow`, the fields
/// read back, and the collection in its resource names and mutate path.
public struct GoogleEntityResource: Sendable, Hashable {
    /// The generic kind.
    public var kind: EntityKind
    /// The GAQL resource in `FROM`, e.g. `ad_group`.
    public var queryResource: String
    /// The camelCase key of the resource in a search row, e.g. `adGroup`.
    public var rowKey: String
    /// The GAQL field holding the numeric id, e.g. `ad_group_ad.ad.id`.
    public var idField: String
    /// The GAQL name field, where the resource has a name (responsive search ads do not).
    public var nameField: String?
    /// The GAQL status field, where the resource has one.
    public var statusField: String?
    /// Every field selected when reading the entity back.
    public var selectFields: [String]
    /// The collection in resource names and in the `{collection}:mutate` path, e.g. `adGroupAds`.
    public var collection: String

    /// The description of a kind; `nil` for kinds Google has no entity for (a separate creative).
    public static func forKind(_ kind: EntityKind) -> GoogleEntityResource? {
        all.first { $0.kind == kind }
    }

    /// The kinds this module reads, lists and finds.
    public static let all: [GoogleEntityResource] = [
        GoogleEntityResource(
            kind: .budget, queryResource: "campaign_budget", rowKey: "campaignBudget", idField: "campaign_budget.id",
            nameField: "campaign_budget.name", statusField: "campaign_budget.status",
            selectFields: [
                "campaign_budget.id", "campaign_budget.name", "campaign_budget.status",
                "campaign_budget.resource_name", "campaign_budget.amount_micros",
            ],
            collection: "campaignBudgets"),
        GoogleEntityResource(
            kind: .campaign, queryResource: "campaign", rowKey: "campaign", idField: "campaign.id",
            nameField: "campaign.name", statusField: "campaign.status",
            selectFields: [
                "campaign.id", "campaign.name", "campaign.status", "campaign.resource_name", "campaign.campaign_budget",
                "campaign_budget.amount_micros",
            ],
            collection: "campaigns"),
        GoogleEntityResource(
            kind: .adGroup, queryResource: "ad_group", rowKey: "adGroup", idField: "ad_group.id",
            nameField: "ad_group.name", statusField: "ad_group.status",
            selectFields: [
                "ad_group.id", "ad_group.name", "ad_group.status", "ad_group.resource_name", "ad_group.campaign",
            ],
            collection: "adGroups"),
        GoogleEntityResource(
            kind: .ad, queryResource: "ad_group_ad", rowKey: "adGroupAd", idField: "ad_group_ad.ad.id",
            nameField: nil, statusField: "ad_group_ad.status",
            selectFields: [
                "ad_group_ad.resource_name", "ad_group_ad.ad.id", "ad_group_ad.status",
                "ad_group_ad.ad.url_custom_parameters",
            ],
            collection: "adGroupAds"),
        GoogleEntityResource(
            kind: .media, queryResource: "asset", rowKey: "asset", idField: "asset.id", nameField: "asset.name",
            statusField: nil,
            selectFields: ["asset.id", "asset.name", "asset.type", "asset.resource_name"],
            collection: "assets"),
    ]
}
