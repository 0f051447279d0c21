import AdPlatformKit
import Foundation

extension MetaEmulator {
    /// A budget on an ad set whose campaign has its own (CBO).
    static let campaignBudgetInUse = MetaError.invalid(
        "Budget Set at Campaign Level",
        "This campaign uses a campaign budget, so its ad sets can't have their own daily or lifetime budget.")

    /// A lifetime budget without an end time.
    static let endTimeRequired = MetaError.invalid(
        "End Time Required", "Ad sets with a lifetime budget need an end time.")

    /// `POST act_<id>/adsets`: `name`, `campaign_id` (an existing, undeleted campaign of the account),
    /// `billing_event`, `targeting` with `geo_locations`; a budget of at least $1.00 unless the campaign has one;
    /// `end_time` with a lifetime budget; `bid_amount` for capped bid strategies; `promoted_object` when
    /// optimising for pixel conversions. Answers `{"id":"…"}`.
    func createAdSet(_ call: MetaCall, account: String, world: MockWorld) throws(MetaError) -> MockResponse {
        let params = call.params
        let name = try params.requiredString("name")
        let campaignID = try params.requiredString("campaign_id")
        guard let campaign = world.entity(Self.platformID, campaignID), campaign.kind == MetaKind.campaign,
            campaign.accountID == account
        else { throw MetaError.missingReference("campaign_id", campaignID, deleted: false) }
        if campaign.deleted { throw MetaError.missingReference("campaign_id", campaignID, deleted: true) }
        guard let billing = try params.enumValue("billing_event", MetaVocabulary.billingEvents) else {
            throw MetaError.required("billing_event")
        }
        let goal = try params.enumValue("optimization_goal", MetaVocabulary.optimizationGoals)
        guard let targeting = try params.object("targeting") else { throw MetaError.required("targeting") }
        try Self.validateTargeting(targeting)
        let status = try params.enumValue("status", MetaVocabulary.statuses) ?? "ACTIVE"

        let daily = try params.unsignedInt("daily_budget")
        let lifetime = try params.unsignedInt("lifetime_budget")
        let campaignBudgeted = campaign.fields["daily_budget"] != nil || campaign.fields["lifetime_budget"] != nil
        if daily != nil, lifetime != nil { throw Self.bothBudgets }
        if campaignBudgeted, daily != nil || lifetime != nil { throw Self.campaignBudgetInUse }
        if !campaignBudgeted, daily == nil, lifetime == nil {
            throw MetaError.invalid(
                "Budget Required", "Set a daily or lifetime budget for this ad set, or a budget on its campaign.")
        }
        try Self.checkBudget(daily ?? lifetime, for: "ad set")

        let now = world.now
        let start = try params.time("start_time")
        let end = try params.time("end_time")
        if lifetime != nil || campaign.fields["lifetime_budget"] != nil, end == nil { throw Self.endTimeRequired }
        if let end {
            if end <= (start ?? now) {
                throw MetaError.invalid("Invalid Schedule", "The ad set's end time must be after its start time.")
            }
            if end <= now {
                throw MetaError.invalid("End Time In The Past", "The ad set's end time must be in the future.")
            }
        }

        let bidStrategy = try params.enumValue("bid_strategy", MetaVocabulary.bidStrategies)
        let bidAmount = try params.unsignedInt("bid_amount")
        let strategy = bidStrategy ?? campaign.fields["bid_strategy"]?.string
        if let strategy, MetaVocabulary.cappedBidStrategies.contains(strategy), bidAmount == nil {
            throw MetaError.invalid(
                "Bid Amount Required", "Ad sets using the \(strategy) bid strategy need a bid_amount.")
        }
        let promoted = try params.object("promoted_object")
        if let goal, MetaVocabulary.pixelGoals.contains(goal) {
            let keys = ["pixel_id", "custom_conversion_id", "application_id", "offline_conversion_data_set_id"]
            guard let promoted, keys.contains(where: { promoted[$0]?.text?.isEmpty == false }) else {
                throw MetaError.invalid(
                    "Promoted Object Required",
                    "Ad sets optimised for \(goal) need a promoted_object with a pixel_id or custom_conversion_id.")
            }
        }
        let destination = try params.string("destination_type")
        if try Self.validateOnly(params) { return Self.success }

        let id = world.mintID(.meta)
        let created = MetaTime.format(now)
        var fields: [(String, MockJSON)] = [
            ("id", .string(id)), ("account_id", .string(MetaCall.accountDigits(account))),
            ("campaign_id", .string(campaignID)), ("name", .string(name)), ("status", .string(status)),
            ("billing_event", .string(billing)),
        ]
        if let goal { fields.append(("optimization_goal", .string(goal))) }
        fields.append(("targeting", targeting))
        if let daily { fields.append(("daily_budget", .string(String(daily)))) }
        if let lifetime { fields.append(("lifetime_budget", .string(String(lifetime)))) }
        if let bidStrategy { fields.append(("bid_strategy", .string(bidStrategy))) }
        if let bidAmount { fields.append(("bid_amount", .int(bidAmount))) }
        if let promoted { fields.append(("promoted_object", promoted)) }
        if let destination { fields.append(("destination_type", .string(destination))) }
        fields.append(("start_time", .string(MetaTime.format(start ?? now))))
        if let end { fields.append(("end_time", .string(MetaTime.format(end)))) }
        fields.append(("created_time", .string(created)))
        fields.append(("updated_time", .string(created)))

        var entity = MockEntity(
            platform: Self.platformID, kind: MetaKind.adSet, id: id, accountID: account, parentID: campaignID,
            name: name, fields: .object(fields), createdAt: now, role: .container, active: status == "ACTIVE")
        entity.dailyBudgetMicros = daily.map(MetaNumbers.micros(minor:))
        entity.lifetimeBudgetMicros = lifetime.map(MetaNumbers.micros(minor:))
        entity.scheduleStart = start
        entity.scheduleEnd = end
        entity.deleted = status == "DELETED"
        world.insert(entity)
        return Self.created(id)
    }

    /// `targeting` must name where to deliver: `geo_locations` with at least one location; countries are assigned
    /// ISO codes in upper case, `genders` a list of 1 and 2, ages 13–65 with the minimum not above the maximum.
    static func validateTargeting(_ targeting: MockJSON) throws(MetaError) {
        let kinds = [
            "countries", "regions", "cities", "zips", "places", "custom_locations", "geo_markets",
            "electoral_districts", "country_groups", "subcities", "neighborhoods", "metro_areas", "large_geo_areas",
            "medium_geo_areas", "small_geo_areas",
        ]
        guard let geo = targeting["geo_locations"], geo.members != nil,
            kinds.contains(where: { geo[$0]?.array?.isEmpty == false })
        else {
            throw MetaError.invalid(
                "Location Required",
                "Your audience is missing a location. Add targeting.geo_locations with at least one country, region, "
                    + "city or zip.")
        }
        for (index, country) in (geo["countries"]?.array ?? []).enumerated() {
            guard let code = country.string, code.count == 2, CountryCodes.alpha2.contains(code) else {
                throw MetaError.invalid(
                    "Invalid Country",
                    "targeting.geo_locations.countries[\(index)] \(country.text.map { "'\($0)'" } ?? "") is not a "
                        + "country code Meta can target; use ISO-3166 alpha-2 codes in upper case, such as US or GB.")
            }
        }
        if let genders = targeting["genders"] {
            guard let list = genders.array, list.allSatisfy({ $0.int64 == 1 || $0.int64 == 2 }) else {
                throw MetaError.param("param targeting[genders] must be a list of 1 (men) and 2 (women).")
            }
        }
        for (name, range) in [("age_min", 13...65), ("age_max", 13...65)] {
            if let value = targeting[name] {
                guard let age = value.int64, range.contains(Int(age)) else {
                    throw MetaError.param("param targeting[\(name)] must be an integer between 13 and 65.")
                }
            }
        }
        if let minimum = targeting["age_min"]?.int64, let maximum = targeting["age_max"]?.int64, minimum > maximum {
            throw MetaError.invalid("Invalid Age Range", "The minimum age must not be above the maximum age.")
        }
    }
}
