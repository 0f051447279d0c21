import AdPlatformKit

extension GoogleRequestBuilder {
    /// The ad group bid fields an ad group bid change rewrites together, so only the new one is left set.
    static let adGroupBidMask = "cpcBidMicros,targetCpaMicros,targetRoas"

    /// A remove of a campaign, ad group or ad: archiving on Google is its `REMOVED` status (see
    /// ``GoogleCapabilities/lifecycle``).
    public func archive(
        _ entity: PlatformEntity, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        try setStatus(.removed, of: entity, in: account)
    }

    /// An `adGroups:mutate` update of an ad group's bid. The mask names all three bid fields and the body sets
    /// only the new one, which clears the others (proto3 field masks clear masked fields left unset):
    ///
    /// | bid | field |
    /// | --- | --- |
    /// | automatic | none: the ad group bids as its campaign's strategy does |
    /// | bid cap | `cpcBidMicros`, the max CPC manual bidding uses |
    /// | cost cap | `targetCpaMicros`, overriding the campaign's target CPA |
    /// | target ROAS | `targetRoas`, overriding the campaign's target ROAS |
    public func setAdGroupBid(
        _ bid: BidStrategy, of adGroup: PlatformEntity, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "setBid"
        guard let resource = GoogleEntityResource.forKind(.adGroup) else {
            throw .google(.unsupported, "no ad group resource", operation: operation)
        }
        var update: [String: JSONValue] = [
            "resourceName": .string(
                try resourceName(of: adGroup, resource: resource, in: account, operation: operation))
        ]
        switch bid {
        case .automatic: break
        case .bidCap(let money):
            update["cpcBidMicros"] = try micros(money, in: account, fieldPath: "bid.amount", operation: operation)
        case .costCap(let money):
            update["targetCpaMicros"] = try micros(money, in: account, fieldPath: "bid.amount", operation: operation)
        case .targetROAS(let roas):
            update["targetRoas"] = .decimal(roas.ratio)
        }
        let change: JSONValue = ["update": .object(update), "updateMask": .string(Self.adGroupBidMask)]
        return try post("adGroups:mutate", body: ["operations": [change]], in: account, operation: operation)
    }

    /// A `campaigns:mutate` update of a campaign's bidding strategy, a field of the strategy oneof:
    ///
    /// | bid | strategy |
    /// | --- | --- |
    /// | bid cap | Maximize clicks with a max CPC: `targetSpend.cpcBidCeilingMicros` |
    /// | cost cap | Maximize conversions with a target CPA: `maximizeConversions.targetCpaMicros` |
    /// | target ROAS | Maximize conversion value with a target ROAS: `maximizeConversionValue.targetRoas` |
    /// | automatic | the campaign's strategy without its cap or target (the masked field left unset clears it); Maximize conversions for strategies without one |
    ///
    /// `currentStrategyType` is the campaign's `bidding_strategy_type`, read first.
    public func setCampaignBid(
        _ bid: BidStrategy, of campaign: PlatformEntity, currentStrategyType: String?, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "setBid"
        guard let resource = GoogleEntityResource.forKind(.campaign) else {
            throw .google(.unsupported, "no campaign resource", operation: operation)
        }
        var update: [String: JSONValue] = [
            "resourceName": .string(
                try resourceName(of: campaign, resource: resource, in: account, operation: operation))
        ]
        let mask: String
        switch bid {
        case .bidCap(let money):
            update["targetSpend"] = [
                "cpcBidCeilingMicros": try micros(money, in: account, fieldPath: "bid.amount", operation: operation)
            ]
            mask = "targetSpend.cpcBidCeilingMicros"
        case .costCap(let money):
            update["maximizeConversions"] = [
                "targetCpaMicros": try micros(money, in: account, fieldPath: "bid.amount", operation: operation)
            ]
            mask = "maximizeConversions.targetCpaMicros"
        case .targetROAS(let roas):
            update["maximizeConversionValue"] = ["targetRoas": .decimal(roas.ratio)]
            mask = "maximizeConversionValue.targetRoas"
        case .automatic:
            switch currentStrategyType {
            case "TARGET_SPEND": mask = "targetSpend.cpcBidCeilingMicros"
            case "MAXIMIZE_CONVERSIONS": mask = "maximizeConversions.targetCpaMicros"
            case "MAXIMIZE_CONVERSION_VALUE": mask = "maximizeConversionValue.targetRoas"
            default:
                update["maximizeConversions"] = [:]
                mask = "maximizeConversions"
            }
        }
        let change: JSONValue = ["update": .object(update), "updateMask": .string(mask)]
        return try post("campaigns:mutate", body: ["operations": [change]], in: account, operation: operation)
    }

    /// A `campaignCriteria:mutate` that makes the campaign's positive location criteria exactly the countries:
    /// removes the criteria of countries that go and creates those of countries that come. `nil` when the campaign
    /// already targets exactly them. Exclusions (negative criteria) are left alone.
    public func changeCampaignCountries(
        _ countries: [String], of campaign: PlatformEntity, current: [GoogleCriterion], in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest? {
        let operation = "changeTargeting"
        let customerID = try customerID(for: account, operation: operation)
        let campaignName = try campaignResourceName(of: campaign, customerID: customerID, operation: operation)
        let wanted = try locationResourceNames(
            forCountries: countries, fieldPath: "targeting.countries", operation: operation)
        var operations: [JSONValue] = []
        var present: Set<String> = []
        for criterion in current where !criterion.negative {
            guard case .location(let location) = criterion.target else { continue }
            if wanted.contains(location) {
                present.insert(location)
            } else {
                operations.append(["remove": .string(criterion.resourceName)])
            }
        }
        for location in wanted where !present.contains(location) {
            operations.append([
                "create": ["campaign": .string(campaignName), "location": ["geoTargetConstant": .string(location)]]
            ])
        }
        guard !operations.isEmpty else { return nil }
        return try post(
            "campaignCriteria:mutate", body: ["operations": .array(operations)], in: account, operation: operation)
    }

    /// An `adGroupCriteria:mutate` that makes the ad group's age and gender exclusions match the change (see
    /// ``GoogleDemographics``): removes exclusions no longer wanted and creates missing ones, for the fields the
    /// change gives. `nil` when nothing differs.
    public func changeAdGroupDemographics(
        _ change: TargetingChange, of adGroup: PlatformEntity, current: [GoogleCriterion], in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest? {
        let operation = "changeTargeting"
        guard let resource = GoogleEntityResource.forKind(.adGroup) else {
            throw .google(.unsupported, "no ad group resource", operation: operation)
        }
        let adGroupName = try resourceName(of: adGroup, resource: resource, in: account, operation: operation)
        var operations: [JSONValue] = []
        func reconcile(wanted: Set<String>, managed: Set<String>, existing: [(String, String)], field: String) {
            var present: Set<String> = []
            for (name, value) in existing where managed.contains(value) {
                if wanted.contains(value) {
                    present.insert(value)
                } else {
                    operations.append(["remove": .string(name)])
                }
            }
            for value in wanted.sorted() where !present.contains(value) {
                operations.append([
                    "create": ["adGroup": .string(adGroupName), "negative": true, field: ["type": .string(value)]]
                ])
            }
        }
        let exclusions = current.filter(\.negative)
        if let ages = change.ageRange {
            let existing = exclusions.compactMap { criterion -> (String, String)? in
                guard case .ageRange(let type) = criterion.target else { return nil }
                return (criterion.resourceName, type)
            }
            reconcile(
                wanted: GoogleDemographics.excludedAgeRanges(for: ages),
                managed: Set(GoogleDemographics.ageBuckets.map(\.type)), existing: existing, field: "ageRange")
        }
        if let genders = change.genders {
            let existing = exclusions.compactMap { criterion -> (String, String)? in
                guard case .gender(let type) = criterion.target else { return nil }
                return (criterion.resourceName, type)
            }
            reconcile(
                wanted: GoogleDemographics.excludedGenders(for: genders),
                managed: Set(GoogleDemographics.genderTypes), existing: existing, field: "gender")
        }
        guard !operations.isEmpty else { return nil }
        return try post(
            "adGroupCriteria:mutate", body: ["operations": .array(operations)], in: account, operation: operation)
    }
}
