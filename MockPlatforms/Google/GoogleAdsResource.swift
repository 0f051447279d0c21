import Foundation

/// The Google Ads resources the emulator serves, with every name each one goes by: its collection in resource names
/// and `:mutate` paths, its GAQL name, its key in a `GoogleAdsRow`, its messages in the schema and its kind in the
/// world.
enum GoogleAdsResource: String, Sendable, CaseIterable {
    case campaignBudget, campaign, adGroup, adGroupAd, asset, campaignCriterion, adGroupCriterion, customer

    /// The collection in resource names and mutate paths: `campaignBudgets`.
    var collection: String {
        switch self {
        case .campaignBudget: "campaignBudgets"
        case .campaign: "campaigns"
        case .adGroup: "adGroups"
        case .adGroupAd: "adGroupAds"
        case .asset: "assets"
        case .campaignCriterion: "campaignCriteria"
        case .adGroupCriterion: "adGroupCriteria"
        case .customer: "customers"
        }
    }

    /// The GAQL resource name: `campaign_budget`.
    var gaqlName: String {
        switch self {
        case .campaignBudget: "campaign_budget"
        case .campaign: "campaign"
        case .adGroup: "ad_group"
        case .adGroupAd: "ad_group_ad"
        case .asset: "asset"
        case .campaignCriterion: "campaign_criterion"
        case .adGroupCriterion: "ad_group_criterion"
        case .customer: "customer"
        }
    }

    /// The key in a search row and the world's entity kind: `campaignBudget`.
    var rowKey: String { rawValue }

    /// The resource message: `resources.CampaignBudget`.
    var messageName: String {
        "resources." + rawValue.prefix(1).uppercased() + rawValue.dropFirst()
    }

    /// The service's mutate request message: `services.MutateCampaignBudgetsRequest`.
    var requestMessage: String {
        let plural = collection.prefix(1).uppercased() + collection.dropFirst()
        return "services.Mutate\(plural)Request"
    }

    /// The member of `MutateOperation` (JSON name): `campaignBudgetOperation`.
    var operationKey: String { rawValue + "Operation" }

    /// The member of `MutateOperation` (proto name), for error locations: `campaign_budget_operation`.
    var operationProtoName: String { gaqlName + "_operation" }

    /// The member of `MutateOperationResponse`: `campaignBudgetResult`.
    var resultKey: String { rawValue + "Result" }

    /// Whether the resource's id in its resource name is `{parentId}~{childId}`.
    var hasCompositeID: Bool { self == .adGroupAd || self == .campaignCriterion || self == .adGroupCriterion }

    /// The resource whose id is the first half of a composite id.
    var compositeParent: GoogleAdsResource? {
        switch self {
        case .adGroupAd, .adGroupCriterion: .adGroup
        case .campaignCriterion: .campaign
        default: nil
        }
    }

    /// The JSON field that links to the parent resource on create: `campaign` for an ad group.
    var parentField: (json: String, proto: String, parent: GoogleAdsResource)? {
        switch self {
        case .adGroup, .campaignCriterion: ("campaign", "campaign", .campaign)
        case .adGroupAd, .adGroupCriterion: ("adGroup", "ad_group", .adGroup)
        default: nil
        }
    }

    /// Resources whose fields a GAQL query `FROM` this resource may also select.
    var attributedResources: [GoogleAdsResource] {
        switch self {
        case .campaign: [.campaignBudget, .customer]
        case .adGroup: [.campaign, .customer]
        case .adGroupAd, .adGroupCriterion: [.adGroup, .campaign, .customer]
        case .campaignCriterion: [.campaign, .customer]
        case .campaignBudget, .asset: [.customer]
        case .customer: []
        }
    }

    /// Whether metrics and `segments.date` may be selected `FROM` this resource (the emulator's delivery covers
    /// these).
    var hasMetrics: Bool {
        switch self {
        case .campaign, .adGroup, .adGroupAd, .campaignBudget, .customer: true
        case .asset, .campaignCriterion, .adGroupCriterion: false
        }
    }

    /// The resource with a GAQL name.
    static func gaql(_ name: String) -> GoogleAdsResource? { allCases.first { $0.gaqlName == name } }

    /// The resource with a collection name.
    static func collection(_ name: Substring) -> GoogleAdsResource? { allCases.first { $0.collection == name } }

    /// The resource of a `MutateOperation` member.
    static func operation(_ key: String) -> GoogleAdsResource? {
        allCases.first { $0 != .customer && ($0.operationKey == key || $0.operationProtoName == key) }
    }
}
