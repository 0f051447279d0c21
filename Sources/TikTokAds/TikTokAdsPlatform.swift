import AdPlatformKit

/// TikTok through the API for Business (Marketing API v1.3): campaign → ad group → image → ad, with the
/// creative inline in the ad.
///
/// `account.accountID` is the advertiser id. `account.settings["identity_id"]`, when present, is the custom
/// identity ads are published under. Entity attributes: campaigns carry `objective_type`; ad groups
/// `campaign_id`, `budget_mode` and `budget`; ads `adgroup_id`, `campaign_id` (when known) and `image_ids`
/// (comma-separated).
public struct TikTokAdsPlatform: AdPlatform, MediaUploading, StatusChanging, BudgetChanging, MetricsFetching,
    MarkedEntityLookup, EntityReading
{
    /// `tiktok`.
    public static let id: PlatformID = .tiktok

    /// ``TikTokCapabilities/capabilities``.
    public var capabilities: PlatformCapabilities { TikTokCapabilities.capabilities }

    /// The transport every call goes through.
    public let transport: any HTTPTransport
    /// Host and API version.
    public let configuration: TikTokAdsConfiguration
    /// Builds the requests.
    public let requestBuilder: TikTokRequestBuilder

    /// Creates the platform on a transport; the configuration defaults to TikTok's production host.
    public init(transport: any HTTPTransport, configuration: TikTokAdsConfiguration = TikTokAdsConfiguration()) {
        self.transport = transport
        self.configuration = configuration
        self.requestBuilder = TikTokRequestBuilder(configuration: configuration)
    }

    /// Creates the campaign with an unlimited campaign budget; the budget goes on its ad groups.
    public func createCampaign(_ spec: CampaignSpec, in account: AccountContext) async throws -> PlatformEntity {
        let response = try await transport.send(try requestBuilder.createCampaign(spec, in: account))
        let id = try TikTokResponseParser.createdID("campaign_id", from: response, operation: "createCampaign")
        var attributes: [String: String] = [:]
        attributes["objective_type"] = capabilities.objectives[spec.objective]
        return PlatformEntity(
            platform: .tiktok, kind: .campaign, id: id, name: spec.name, status: spec.status, attributes: attributes)
    }

    /// Creates an ad group, with its budget, under the campaign.
    public func createAdGroup(
        _ spec: AdGroupSpec, under campaign: PlatformEntity, in account: AccountContext
    ) async throws -> PlatformEntity {
        let response = try await transport.send(
            try requestBuilder.createAdGroup(spec, campaignID: campaign.id, in: account))
        let id = try TikTokResponseParser.createdID("adgroup_id", from: response, operation: "createAdGroup")
        var attributes = ["campaign_id": campaign.id]
        if let budget = spec.budget {
            attributes["budget_mode"] = budget.period == .daily ? "BUDGET_MODE_DAY" : "BUDGET_MODE_TOTAL"
            attributes["budget"] = budget.amount.decimalString
        }
        return PlatformEntity(
            platform: .tiktok, kind: .adGroup, id: id, name: spec.name, status: spec.status, parentID: campaign.id,
            attributes: attributes)
    }

    /// Creates the ad with its creative inline, and returns just the ad: TikTok has no separate creative entity,
    /// so a recovery (``AdSpec/isRecovery``) has nothing to reuse and creates the ad like a first attempt.
    public func createAd(
        _ spec: AdSpec, under adGroup: PlatformEntity, in account: AccountContext
    ) async throws -> [PlatformEntity] {
        let request = try requestBuilder.createAd(spec, adGroupID: adGroup.id, in: account)
        let response = try await transport.send(request)
        let id = try TikTokResponseParser.createdAdID(from: response, operation: "createAd")
        var attributes = [
            "adgroup_id": adGroup.id,
            "image_ids": spec.media.filter { $0.kind == .image }.map(\.reference).joined(separator: ","),
        ]
        attributes["campaign_id"] = adGroup.parentID
        return [
            PlatformEntity(
                platform: .tiktok, kind: .ad, id: id, name: spec.name, status: spec.status, parentID: adGroup.id,
                attributes: attributes)
        ]
    }
}
