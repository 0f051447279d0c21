/// A request resolved for one platform: the specs for each create call, in order, with their idempotency
/// markers and tagged landing URLs. The engine walks it; tests build specs from it.
public struct TraffickingPlan: Sendable {
    /// One ad to create under one of the plan's ad groups.
    public struct PlannedAd: Sendable, Hashable {
        /// The key of the ad group it goes under.
        public var adGroupKey: String
        /// The spec; its ``AdSpec/media`` is empty until the engine uploads the creative's media.
        public var spec: AdSpec
    }

    /// The platform.
    public var platform: PlatformID
    /// The step key of the campaign, for the engine's ledger.
    public static let campaignStep = "campaign"
    /// The campaign.
    public var campaign: CampaignSpec
    /// The ad groups, in request order.
    public var adGroups: [AdGroupSpec]
    /// The ads whose creatives apply to this platform, in request order.
    public var ads: [PlannedAd]

    /// Resolves a request for a platform. `scope` identifies the job, so markers are stable across retries of
    /// the same job and different between jobs.
    public init(
        request: TraffickingRequest, capabilities: PlatformCapabilities, scope: String,
        links: TrackingLinkBuilder = TrackingLinkBuilder()
    ) {
        platform = capabilities.platform
        let budgetOnCampaign = capabilities.budget.placement == .campaign
        let campaignMarker = IdempotencyMarker(scope: scope, step: Self.campaignStep)
        campaign = CampaignSpec(
            name: campaignMarker.apply(to: request.name), marker: campaignMarker, objective: request.objective,
            status: request.status, budget: budgetOnCampaign ? request.budget : nil, schedule: request.schedule,
            targeting: request.targeting)
        let shares = Self.adGroupBudgets(for: request)
        adGroups = request.adGroups.map { group in
            let step = Self.adGroupStep(group.key)
            let marker = IdempotencyMarker(scope: scope, step: step)
            return AdGroupSpec(
                key: group.key, name: marker.apply(to: group.name), marker: marker, objective: request.objective,
                status: request.status, budget: budgetOnCampaign ? nil : shares[group.key], bid: group.bid,
                schedule: request.schedule, targeting: group.targeting ?? request.targeting)
        }
        let campaignTag = request.tracking?.campaign ?? TrackingLinkBuilder.slug(request.name)
        var planned: [PlannedAd] = []
        for (index, ad) in request.ads.enumerated() {
            guard let creative = request.creative(ad.creative), creative.applies(to: capabilities.platform) else {
                continue
            }
            let step = Self.adStep(index: index, ad: ad)
            let marker = IdempotencyMarker(scope: scope, step: step)
            let tags = TrackingLinkBuilder.Tags(
                campaign: campaignTag, content: TrackingLinkBuilder.slug("\(ad.adGroup)__\(ad.creative)"),
                extra: request.tracking?.extraParameters ?? [:])
            let spec = AdSpec(
                key: "\(ad.adGroup)/\(ad.creative)/\(index)", name: marker.apply(to: ad.name), marker: marker,
                status: request.status, creative: creative,
                landingURL: links.link(creative.landingURL, for: capabilities.platform, tags: tags))
            planned.append(PlannedAd(adGroupKey: ad.adGroup, spec: spec))
        }
        ads = planned
    }

    /// The ledger step key of an ad group.
    public static func adGroupStep(_ key: String) -> String { "adGroup/\(key)" }

    /// The ledger step key of an ad.
    public static func adStep(index: Int, ad: AdDefinition) -> String { "ad/\(index)/\(ad.adGroup)/\(ad.creative)" }

    /// Each ad group's budget where budgets sit on ad groups: its own if set, else an even share of what the
    /// request's budget leaves after the groups that set their own. Shares sum exactly to the remainder.
    public static func adGroupBudgets(for request: TraffickingRequest) -> [String: Budget] {
        var result: [String: Budget] = [:]
        var explicitTotal: Int64 = 0
        for group in request.adGroups {
            if let budget = group.budget {
                result[group.key] = budget
                explicitTotal += budget.amount.minorUnits
            }
        }
        let shared = request.adGroups.filter { $0.budget == nil }
        let remainder = Money(
            minorUnits: request.budget.amount.minorUnits - explicitTotal, currency: request.budget.amount.currency)
        for (group, share) in zip(shared, remainder.split(into: shared.count)) {
            result[group.key] = Budget(request.budget.period, share)
        }
        return result
    }
}
