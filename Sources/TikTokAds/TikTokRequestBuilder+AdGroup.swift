import AdPlatformKit

extension TikTokRequestBuilder {
    /// `POST adgroup/create/` under a campaign: website promotion in the TikTok placement, with the ad group's
    /// budget, schedule, targeting, and the optimisation goal and billing event the objective implies.
    public func createAdGroup(
        _ spec: AdGroupSpec, campaignID: String, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "createAdGroup"
        guard let budget = spec.budget else {
            throw AdPlatformError(
                code: .invalidParameter, message: "a TikTok ad group needs a budget", platform: .tiktok,
                operation: operation, fieldPath: "budget")
        }
        let optimization = TikTokOptimization.forObjective(spec.objective)
        var body: [String: JSONValue] = [
            "advertiser_id": .string(account.accountID),
            "campaign_id": .string(campaignID),
            "adgroup_name": .string(spec.name),
            "promotion_type": "WEBSITE",
            "placement_type": "PLACEMENT_TYPE_NORMAL",
            "placements": ["PLACEMENT_TIKTOK"],
            "location_ids": .array(
                try TikTokTargetingTranslator.locationIDs(for: spec.targeting.countries, operation: operation)
                    .map(JSONValue.string)),
            "gender": .string(TikTokTargetingTranslator.gender(for: spec.targeting.genders)),
            "budget_mode": .string(budget.period == .daily ? "BUDGET_MODE_DAY" : "BUDGET_MODE_TOTAL"),
            "budget": try amount(budget.amount, in: account, operation: operation, fieldPath: "budget.amount"),
            "schedule_start_time": .string(TikTokScheduleTime.string(from: spec.schedule.start)),
            "optimization_goal": .string(optimization.goal),
            "billing_event": .string(optimization.billingEvent),
            "pacing": "PACING_MODE_SMOOTH",
            "operation_status": .string(
                try TikTokOperationStatus.creationValue(for: spec.status, operation: operation)),
        ]
        if let ageGroups = try TikTokTargetingTranslator.ageGroups(for: spec.targeting.ageRange, operation: operation) {
            body["age_groups"] = .array(ageGroups.map(JSONValue.string))
        }
        if let end = spec.schedule.end {
            body["schedule_type"] = "SCHEDULE_START_END"
            body["schedule_end_time"] = .string(TikTokScheduleTime.string(from: end))
        } else if budget.period == .lifetime {
            throw AdPlatformError(
                code: .invalidParameter, message: "a lifetime (BUDGET_MODE_TOTAL) budget needs a schedule end",
                platform: .tiktok, operation: operation, fieldPath: "schedule.end")
        } else {
            body["schedule_type"] = "SCHEDULE_FROM_NOW"
        }
        if let bid = spec.bid {
            body["bid_type"] = "BID_TYPE_CUSTOM"
            body[optimization.bidField] = try amount(bid, in: account, operation: operation, fieldPath: "bid")
        } else {
            body["bid_type"] = "BID_TYPE_NO_BID"
        }
        return try post("adgroup/create", body: .object(body), in: account, operation: operation)
    }
}
