/// A platform module: what it can do, and how the generic model becomes its entities.
///
/// The three create calls are the hierarchy every platform shares. Optional abilities (``MediaUploading``,
/// ``StatusChanging``, ``BudgetChanging``, ``MetricsFetching``, ``MarkedEntityLookup``, ``EntityReading``) are
/// refinements, so generic code asks `where P: MediaUploading` or `as? any MediaUploading`.
public protocol AdPlatform: Sendable {
    /// The platform's id.
    static var id: PlatformID { get }
    /// Limits, maps and hierarchy, as data.
    var capabilities: PlatformCapabilities { get }

    /// Creates the campaign, and its budget where the budget is a separate entity (Google). Returns the
    /// campaign; platform facts later calls need are in ``PlatformEntity/attributes``.
    func createCampaign(_ spec: CampaignSpec, in account: AccountContext) async throws -> PlatformEntity

    /// Creates an ad group (ad set, ad squad) under a campaign.
    func createAdGroup(
        _ spec: AdGroupSpec, under campaign: PlatformEntity, in account: AccountContext
    )
        async throws -> PlatformEntity

    /// Creates an ad under an ad group, with its creative first where the creative is a separate entity.
    /// Returns every entity created, the ad last.
    func createAd(
        _ spec: AdSpec, under adGroup: PlatformEntity, in account: AccountContext
    ) async throws
        -> [PlatformEntity]
}

extension AdPlatform {
    /// The platform's id, from an instance or an existential.
    public var id: PlatformID { Self.id }
}
