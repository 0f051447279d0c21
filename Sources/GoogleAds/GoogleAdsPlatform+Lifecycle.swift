import AdPlatformKit

extension GoogleAdsPlatform: BidChanging, TargetingChanging, Archiving {
    /// Archives a campaign, ad group or ad by removing it: `REMOVED` is Google's only state beyond paused, and the
    /// capability data declares the mapping (see ``GoogleCapabilities/lifecycle``).
    public func archive(_ entity: PlatformEntity, in account: AccountContext) async throws {
        let operation = "archive"
        try capabilities.checkLifecycle(.status(.archive), at: entity.kind, operation: operation)
        let body = try await send(try requests.archive(entity, in: account), operation: operation)
        _ = try GoogleResponseParser.firstResultResourceName(body, operation: operation)
    }

    /// Reads a campaign's bidding strategy or an ad group's bid fields.
    public func bid(of entity: PlatformEntity, in account: AccountContext) async throws -> BidStrategy {
        let operation = "readBid"
        switch entity.kind {
        case .campaign:
            return try await campaignBid(entity, in: account, operation: operation).bid
        case .adGroup:
            let rows = try await search(
                try GoogleQueryBuilder.adGroupBidQuery(adGroupID: entity.id), in: account, operation: operation)
            return try GoogleResponseParser.adGroupBid(in: rows, currency: account.currency, operation: operation)
        default:
            throw AdPlatformError.google(
                .unsupported, "Google bids sit on campaigns and ad groups, not on \(entity.kind)",
                operation: operation, fieldPath: "entity.kind")
        }
    }

    /// Sets a campaign's bidding strategy (reading its current type first, for ``BidStrategy/automatic``) or an
    /// ad group's bid fields.
    public func setBid(_ bid: BidStrategy, of entity: PlatformEntity, in account: AccountContext) async throws {
        let operation = "setBid"
        try capabilities.checkLifecycle(.bid(bid), at: entity.kind, operation: operation)
        let request: PlatformHTTPRequest
        if entity.kind == .campaign {
            var strategyType: String?
            if bid == .automatic {
                strategyType = try await campaignBid(entity, in: account, operation: operation).strategyType
            }
            request = try requests.setCampaignBid(bid, of: entity, currentStrategyType: strategyType, in: account)
        } else {
            request = try requests.setAdGroupBid(bid, of: entity, in: account)
        }
        _ = try GoogleResponseParser.firstResultResourceName(
            try await send(request, operation: operation), operation: operation)
    }

    /// Reads targeting: a campaign's countries; an ad group's ages and genders, with its campaign's countries.
    public func targeting(of entity: PlatformEntity, in account: AccountContext) async throws -> Targeting {
        let operation = "readTargeting"
        switch entity.kind {
        case .campaign:
            return Targeting(countries: try await countries(ofCampaign: entity.id, in: account, operation: operation))
        case .adGroup:
            let criteria = GoogleResponseParser.demographics(
                of: try await demographicCriteria(of: entity, in: account, operation: operation))
            let campaignID = try await self.campaignID(of: entity, in: account, operation: operation)
            return Targeting(
                countries: try await countries(ofCampaign: campaignID, in: account, operation: operation),
                ageRange: criteria.ageRange, genders: criteria.genders)
        default:
            throw AdPlatformError.google(
                .unsupported, "Google targeting sits on campaigns and ad groups, not on \(entity.kind)",
                operation: operation, fieldPath: "entity.kind")
        }
    }

    /// Changes a campaign's location criteria or an ad group's demographic exclusions: reads the current criteria
    /// and sends one atomic mutate with the removes and creates that differ, or nothing when none does.
    public func changeTargeting(
        _ change: TargetingChange, of entity: PlatformEntity, in account: AccountContext
    ) async throws {
        let operation = "changeTargeting"
        try capabilities.checkLifecycle(.targeting(change), at: entity.kind, operation: operation)
        let request: PlatformHTTPRequest?
        if entity.kind == .campaign, let countries = change.countries {
            let rows = try await search(
                try GoogleQueryBuilder.campaignLocationCriteriaQuery(campaignID: entity.id), in: account,
                operation: operation)
            request = try requests.changeCampaignCountries(
                countries, of: entity, current: try GoogleResponseParser.criteria(in: rows, operation: operation),
                in: account)
        } else {
            request = try requests.changeAdGroupDemographics(
                change, of: entity,
                current: try await demographicCriteria(of: entity, in: account, operation: operation),
                in: account)
        }
        guard let request else { return }
        _ = try GoogleResponseParser.resultResourceNames(
            try await send(request, operation: operation), operation: operation)
    }

    private func campaignBid(
        _ campaign: PlatformEntity, in account: AccountContext, operation: String
    ) async throws -> (bid: BidStrategy, strategyType: String?) {
        let rows = try await search(
            try GoogleQueryBuilder.campaignBidQuery(campaignID: campaign.id), in: account, operation: operation)
        return try GoogleResponseParser.campaignBid(in: rows, currency: account.currency, operation: operation)
    }

    private func countries(
        ofCampaign campaignID: String, in account: AccountContext, operation: String
    ) async throws -> [String] {
        let rows = try await search(
            try GoogleQueryBuilder.campaignLocationCriteriaQuery(campaignID: campaignID), in: account,
            operation: operation)
        return GoogleResponseParser.countries(of: try GoogleResponseParser.criteria(in: rows, operation: operation))
    }

    private func demographicCriteria(
        of adGroup: PlatformEntity, in account: AccountContext, operation: String
    ) async throws -> [GoogleCriterion] {
        let rows = try await search(
            try GoogleQueryBuilder.adGroupDemographicsQuery(adGroupID: adGroup.id), in: account, operation: operation)
        return try GoogleResponseParser.criteria(in: rows, operation: operation)
    }

    /// The ad group's campaign id: its parent, its campaign resource name, or a read.
    private func campaignID(
        of adGroup: PlatformEntity, in account: AccountContext, operation: String
    ) async throws -> String {
        if let parent = adGroup.parentID, GoogleResourceName.isNumericID(parent) { return parent }
        if let name = adGroup.attributes["campaignResourceName"], let id = GoogleResourceName.id(of: name) { return id }
        let read = try await readEntity(.adGroup, id: adGroup.id, in: account)
        guard let parent = read.parentID else {
            throw AdPlatformError.google(
                .malformedResponse, "ad group \(adGroup.id) came back without its campaign", operation: operation)
        }
        return parent
    }

    /// Every row of a search, all pages.
    private func search(_ query: String, in account: AccountContext, operation: String) async throws -> [JSONValue] {
        var rows: [JSONValue] = []
        try await searchPages(query, in: account, operation: operation) { page in
            rows += page.rows
            return false
        }
        return rows
    }
}
