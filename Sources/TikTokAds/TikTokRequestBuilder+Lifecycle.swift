import AdPlatformKit

extension TikTokRequestBuilder {
    /// `GET adgroup/get/` for one ad group with its billing event, bid and targeting fields.
    public func readAdGroupSettings(
        _ adGroupID: String, in account: AccountContext, operation: String
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let query: [(String, String)] = [
            ("advertiser_id", account.accountID),
            ("filtering", JSONValue.object(["adgroup_ids": [.string(adGroupID)]]).encodedString()),
            ("fields", JSONValue.array(TikTokAdGroupSettings.fields.map(JSONValue.string)).encodedString()),
            ("page", "1"), ("page_size", "1"),
        ]
        return try get("adgroup/get", query: query, in: account, operation: operation)
    }

    /// `POST adgroup/update/` with the bid:
    ///
    /// | bid | body |
    /// | --- | --- |
    /// | automatic | `bid_type: BID_TYPE_NO_BID` |
    /// | bid cap (CPC, CPM, CPV ad groups) | `bid_type: BID_TYPE_CUSTOM`, `bid_price` |
    /// | cost cap (oCPM ad groups) | `bid_type: BID_TYPE_CUSTOM`, `conversion_bid_price` |
    /// | target ROAS (value-optimised ad groups) | `deep_bid_type: VO_MIN_ROAS`, `roas_bid` |
    ///
    /// Amounts are decimal major units. A cap that does not fit the billing event is refused here, naming the
    /// field: TikTok ignores a `bid_price` on an oCPM ad group rather than failing.
    public func setBid(
        _ bid: BidStrategy, adGroupID: String, billingEvent: String?, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "setBid"
        var body: [String: JSONValue] = [
            "advertiser_id": .string(account.accountID), "adgroup_id": .string(adGroupID),
        ]
        let conversionBilled = billingEvent == "OCPM"
        switch bid {
        case .automatic:
            body["bid_type"] = "BID_TYPE_NO_BID"
        case .bidCap(let money):
            guard !conversionBilled else {
                throw AdPlatformError(
                    code: .invalidParameter,
                    message:
                        "this TikTok ad group is billed by oCPM, so it takes a cost cap (conversion_bid_price), not a bid cap",
                    platform: .tiktok, operation: operation, fieldPath: "bid")
            }
            body["bid_type"] = "BID_TYPE_CUSTOM"
            body["bid_price"] = try amount(money, in: account, operation: operation, fieldPath: "bid.amount")
        case .costCap(let money):
            guard conversionBilled else {
                throw AdPlatformError(
                    code: .invalidParameter,
                    message:
                        "this TikTok ad group is billed by \(billingEvent ?? "an unknown event"), so it takes a bid cap (bid_price), not a cost cap",
                    platform: .tiktok, operation: operation, fieldPath: "bid")
            }
            body["bid_type"] = "BID_TYPE_CUSTOM"
            body["conversion_bid_price"] = try amount(
                money, in: account, operation: operation, fieldPath: "bid.amount")
        case .targetROAS(let roas):
            body["deep_bid_type"] = "VO_MIN_ROAS"
            body["roas_bid"] = .decimal(roas.ratio)
        }
        return try post("adgroup/update", body: .object(body), in: account, operation: operation)
    }

    /// `POST adgroup/update/` with only the targeting fields the change gives: `location_ids` (TikTok location
    /// ids), `age_groups` (every bucket the range touches) and `gender`.
    public func changeTargeting(
        _ change: TargetingChange, adGroupID: String, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "changeTargeting"
        var body: [String: JSONValue] = [
            "advertiser_id": .string(account.accountID), "adgroup_id": .string(adGroupID),
        ]
        if let countries = change.countries {
            body["location_ids"] = .array(
                try TikTokTargetingTranslator.locationIDs(for: countries, operation: operation).map(JSONValue.string))
        }
        if let ages = change.ageRange,
            let groups = try TikTokTargetingTranslator.ageGroups(for: ages, operation: operation)
        {
            body["age_groups"] = .array(groups.map(JSONValue.string))
        }
        if let genders = change.genders {
            body["gender"] = .string(TikTokTargetingTranslator.gender(for: genders))
        }
        return try post("adgroup/update", body: .object(body), in: account, operation: operation)
    }
}
