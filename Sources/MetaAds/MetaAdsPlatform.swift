import AdPlatformKit

/// Meta (Facebook and Instagram) through the Marketing API: campaign → ad set → ad image → ad creative → ad.
///
/// Budgets sit on the campaign (Advantage campaign budget). Creatives are single-image link ads posted as the
/// Page in the account setting `page_id`; see ``MetaRequestBuilder`` for every request and ``MetaErrorMapper``
/// for how failures are classified. Entity attributes: campaigns carry `objective` and their budget field, ads
/// `creative_id`, creatives `image_hash`, images `hash` and `url`.
public struct MetaAdsPlatform: AdPlatform, MediaUploading, StatusChanging, BudgetChanging, MetricsFetching,
    MarkedEntityLookup, EntityReading
{
    /// `meta`.
    public static let id: PlatformID = .meta

    /// Meta's limits, maps and hierarchy.
    public var capabilities: PlatformCapabilities { MetaCapabilities.capabilities }

    /// The host and version calls go to.
    public let configuration: MetaAdsConfiguration
    /// The pure request builder the platform uses.
    public let builder: MetaRequestBuilder
    private let transport: any HTTPTransport

    /// Creates the platform on a transport; every call goes through it.
    public init(transport: any HTTPTransport, configuration: MetaAdsConfiguration = MetaAdsConfiguration()) {
        self.transport = transport
        self.configuration = configuration
        self.builder = MetaRequestBuilder(configuration: configuration)
    }

    /// Creates the campaign with its budget.
    public func createCampaign(_ spec: CampaignSpec, in account: AccountContext) async throws -> PlatformEntity {
        let operation = "createCampaign"
        let metaAccount = try MetaAccount(account, operation: operation)
        let parser = MetaResponseParser(operation: operation)
        let request = try builder.createCampaign(spec, in: account)
        var attributes: [String: String] = [:]
        if let objective = capabilities.objectives[spec.objective] { attributes["objective"] = objective }
        if let budget = spec.budget {
            let field = try builder.budgetField(budget, account: metaAccount, operation: operation)
            attributes[field.name] = field.value.scalarText
        }
        let body = try await send(request, parser: parser)
        return PlatformEntity(
            platform: .meta, kind: .campaign, id: try parser.createdID(in: body), name: spec.name, status: spec.status,
            parentID: metaAccount.nodeID, attributes: attributes)
    }

    /// Creates an ad set under the campaign.
    public func createAdGroup(
        _ spec: AdGroupSpec, under campaign: PlatformEntity, in account: AccountContext
    )
        async throws -> PlatformEntity
    {
        let parser = MetaResponseParser(operation: "createAdGroup")
        let body = try await send(try builder.createAdSet(spec, campaignID: campaign.id, in: account), parser: parser)
        return PlatformEntity(
            platform: .meta, kind: .adGroup, id: try parser.createdID(in: body), name: spec.name,
            status: spec.status, parentID: campaign.id)
    }

    /// Creates the ad creative, then the ad; returns both, the ad last. In recovery, a creative already carrying
    /// the ad's marker is reused instead of creating a second one.
    public func createAd(
        _ spec: AdSpec, under adGroup: PlatformEntity, in account: AccountContext
    ) async throws
        -> [PlatformEntity]
    {
        let parser = MetaResponseParser(operation: "createAd")
        let creative: PlatformEntity
        if spec.isRecovery, let existing = try await findEntity(marked: spec.marker, kind: .creative, in: account) {
            creative = existing
        } else {
            let metaAccount = try MetaAccount(account, operation: parser.operation)
            let body = try await send(try builder.createCreative(spec, in: account), parser: parser)
            var attributes: [String: String] = [:]
            if let image = spec.media.first(where: { $0.kind == .image }) { attributes["image_hash"] = image.reference }
            creative = PlatformEntity(
                platform: .meta, kind: .creative, id: try parser.createdID(in: body),
                name: builder.creativeName(for: spec), parentID: metaAccount.nodeID, attributes: attributes)
        }
        let body = try await send(
            try builder.createAd(spec, adSetID: adGroup.id, creativeID: creative.id, in: account), parser: parser)
        let ad = PlatformEntity(
            platform: .meta, kind: .ad, id: try parser.createdID(in: body), name: spec.name, status: spec.status,
            parentID: adGroup.id, attributes: ["creative_id": creative.id])
        return [creative, ad]
    }

    /// Sends a request and returns its JSON body; transport errors pass through unchanged.
    func send(_ request: PlatformHTTPRequest, parser: MetaResponseParser) async throws -> JSONValue {
        let response = try await transport.send(request)
        return try parser.body(of: response)
    }
}
