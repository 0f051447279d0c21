import AdPlatformKit
import Foundation

/// What Snap checks on each kind of entity (reference §3.2), turning a batch entry into a ``SnapchatDraft``.
extension SnapchatEmulator {
    /// Snap's longest entity name.
    static let maximumNameLength = 375
    /// The smallest ad squad daily budget: 5 currency units, in every currency.
    static let minimumDailyBudgetMicros: Int64 = 5_000_000
    /// The largest budget accepted: a billion currency units. Snap's real ceiling is unpublished; this one (ours)
    /// keeps the world's delivery arithmetic (spend × 1000 / CPM) far from overflow.
    static let maximumBudgetMicros: Int64 = 1_000_000_000_000_000

    static let statuses = ["ACTIVE", "PAUSED"]
    static let objectives = [
        "BRAND_AWARENESS", "APP_CONVERSION", "APP_INSTALL", "CATALOG_SALES", "ENGAGEMENT", "LEAD_GENERATION",
        "VIDEO_VIEW", "WEB_CONVERSION", "PROMOTE_STORIES", "PROMOTE_PLACES",
    ]
    static let adSquadTypes = ["SNAP_ADS", "LENS", "FILTER"]
    static let optimizationGoals = [
        "IMPRESSIONS", "SWIPES", "APP_INSTALLS", "VIDEO_VIEWS", "VIDEO_VIEWS_15_SEC", "USES", "STORY_OPENS",
        "PIXEL_PAGE_VIEW", "PIXEL_ADD_TO_CART", "LANDING_PAGE_VIEW", "PIXEL_PURCHASE", "PIXEL_SIGNUP",
        "APP_ADD_TO_CART", "APP_PURCHASE", "APP_SIGNUP",
    ]
    static let bidStrategies = ["AUTO_BID", "LOWEST_COST_WITH_MAX_BID", "MIN_ROAS", "TARGET_COST"]
    /// The optimisation goals a `MIN_ROAS` squad may have: purchases carry the value ROAS is measured on.
    static let purchaseGoals = ["PIXEL_PURCHASE", "APP_PURCHASE"]
    /// The smallest `bid_micro`: one cent. Snap's minimums are currency-specific and unpublished; this one is ours.
    static let minimumBidMicros: Int64 = 10_000
    /// The ages Snap targets; 50 means 50 and over (Ads Manager's oldest age) [3P; UNVERIFIED in the reference].
    static let ageLimits = 13...50
    static let creativeTypes = [
        "SNAP_AD", "APP_INSTALL", "WEB_VIEW", "DEEP_LINK", "AD_TO_LENS", "AD_TO_CALL", "AD_TO_MESSAGE", "PREVIEW",
        "COMPOSITE", "LENS", "LENS_WEB_VIEW", "LENS_APP_INSTALL", "LENS_DEEP_LINK", "COLLECTION", "LEAD_GENERATION",
    ]
    static let mediaTypes = ["VIDEO", "IMAGE", "LENS_PACKAGE", "PLAYABLE"]

    /// The creative type each ad type needs. The reference documents `REMOTE_WEBPAGE`↔`WEB_VIEW` and
    /// `SNAP_AD`↔`SNAP_AD`; the rest pair the same-named types (`STORY` with `COMPOSITE`), which is ours.
    static let creativeTypeForAdType: [String: String] = [
        "SNAP_AD": "SNAP_AD", "REMOTE_WEBPAGE": "WEB_VIEW", "APP_INSTALL": "APP_INSTALL", "DEEP_LINK": "DEEP_LINK",
        "STORY": "COMPOSITE", "AD_TO_LENS": "AD_TO_LENS", "AD_TO_CALL": "AD_TO_CALL",
        "AD_TO_MESSAGE": "AD_TO_MESSAGE", "LENS": "LENS", "LENS_WEB_VIEW": "LENS_WEB_VIEW",
        "LENS_APP_INSTALL": "LENS_APP_INSTALL", "LENS_DEEP_LINK": "LENS_DEEP_LINK", "COLLECTION": "COLLECTION",
        "LEAD_GENERATION": "LEAD_GENERATION",
    ]
    static let adTypes = creativeTypeForAdType.keys.sorted()

    // MARK: - Campaigns

    /// A campaign: `ad_account_id` (the path's), `name` ≤ 375, `status`, `start_time`; optional `end_time`
    /// after it, `objective` (default `BRAND_AWARENESS`), `buy_model`, and non-negative micro amounts.
    static func campaignDraft(_ item: SnapchatItem, account: String) throws(SnapchatError) -> SnapchatDraft {
        try requireAccount(item, account)
        let name = try item.requiredString("name", maxLength: maximumNameLength)
        let status = try item.requiredEnumeration("status", statuses)
        let start = try item.requiredTime("start_time")
        let end = try item.time("end_time")
        if let end, end <= start { throw .invalid("end_time must be after start_time") }
        let objective = try item.enumeration("objective", objectives) ?? "BRAND_AWARENESS"
        _ = try item.enumeration("buy_model", ["AUCTION", "RESERVED"])
        let dailyCap = try nonNegative(item, "daily_budget_micro")
        let lifetimeCap = try nonNegative(item, "lifetime_spend_cap_micro")
        var draft = SnapchatDraft(
            fields: SnapchatDraft.writable(item), name: name, accountID: account, parentID: nil,
            active: status == "ACTIVE", scheduleStart: start, scheduleEnd: end)
        draft.set("start_time", .string(SnapchatTime.format(start)))
        if let end { draft.set("end_time", .string(SnapchatTime.format(end))) }
        draft.set("objective", .string(objective))
        if let dailyCap { draft.set("daily_budget_micro", .int(dailyCap)) }
        if let lifetimeCap { draft.set("lifetime_spend_cap_micro", .int(lifetimeCap)) }
        draft.set("delivery_status", .array([.string("VALID")]))
        return draft
    }

    // MARK: - Ad squads

    /// An ad squad under a live campaign: `campaign_id` (the path's), `name`, `type`, `billing_event` =
    /// `IMPRESSION`, `optimization_goal`, `placement_v2`, `targeting.geos`, exactly one budget (daily ≥ 5,000,000
    /// micros; lifetime needs `end_time`), and `bid_micro` when the bid strategy needs one. `AUTO_BID` needs
    /// none, and is assumed when neither a strategy nor a bid is given.
    static func adSquadDraft(_ item: SnapchatItem, campaign: MockEntity) throws(SnapchatError) -> SnapchatDraft {
        guard !campaign.deleted else {
            throw .invalid("Campaign \(campaign.id) is deleted; ad squads can not be created or changed under it")
        }
        let campaignID = try item.requiredString("campaign_id")
        guard campaignID == campaign.id else {
            throw .invalid("campaign_id \(campaignID) does not match the campaign in the path (\(campaign.id))")
        }
        let name = try item.requiredString("name", maxLength: maximumNameLength)
        _ = try item.requiredEnumeration("type", adSquadTypes)
        _ = try item.requiredEnumeration("billing_event", ["IMPRESSION"])
        _ = try item.requiredEnumeration("optimization_goal", optimizationGoals)
        let placement = try SnapchatItem(try item.requiredObject("placement_v2"))
        _ = try placement.enumeration("config", ["AUTOMATIC", "CUSTOM"])
        try validateTargeting(try item.requiredObject("targeting"))
        let status = try item.enumeration("status", statuses) ?? "ACTIVE"
        let start = try item.time("start_time")
        let end = try item.time("end_time")
        if let start, let end, end <= start { throw .invalid("end_time must be after start_time") }
        let daily = try item.integer("daily_budget_micro")
        let lifetime = try item.integer("lifetime_budget_micro")
        switch (daily, lifetime) {
        case (nil, nil):
            throw .invalid("One of daily_budget_micro or lifetime_budget_micro is required")
        case (.some, .some):
            throw .invalid("Only one of daily_budget_micro and lifetime_budget_micro may be set")
        case (.some(let amount), nil) where amount < minimumDailyBudgetMicros:
            throw .invalid(
                "Daily budget \(amount) micro is below the minimum daily budget of \(minimumDailyBudgetMicros) micro")
        case (nil, .some(let amount)) where amount <= 0:
            throw .invalid("lifetime_budget_micro must be greater than 0")
        case (.some(let amount), nil) where amount > maximumBudgetMicros,
            (nil, .some(let amount)) where amount > maximumBudgetMicros:
            throw .invalid("Budget \(amount) micro is above the maximum of \(maximumBudgetMicros) micro")
        case (nil, .some) where end == nil:
            throw .invalid("end_time is required when lifetime_budget_micro is set")
        default:
            break
        }
        let strategy = try item.enumeration("bid_strategy", bidStrategies)
        let bid = try item.integer("bid_micro")
        if let bid, bid <= 0 { throw .invalid("bid_micro must be greater than 0") }
        if let bid, bid < minimumBidMicros {
            throw .invalid("bid_micro \(bid) is below the minimum bid of \(minimumBidMicros) micro")
        }
        if let strategy, strategy == "LOWEST_COST_WITH_MAX_BID" || strategy == "TARGET_COST", bid == nil {
            throw .invalid("bid_micro is required when bid_strategy is \(strategy)")
        }
        let roas = try item.integer("roas_value_micro")
        if let roas, roas <= 0 { throw .invalid("roas_value_micro must be greater than 0") }
        if strategy == "MIN_ROAS" {
            let goal = try item.string("optimization_goal") ?? ""
            guard purchaseGoals.contains(goal) else {
                throw .invalid(
                    "bid_strategy MIN_ROAS is only available for optimization_goal "
                        + "\(purchaseGoals.joined(separator: " or ")), not \(goal)")
            }
            guard roas != nil else { throw .invalid("roas_value_micro is required when bid_strategy is MIN_ROAS") }
        }
        var draft = SnapchatDraft(
            fields: SnapchatDraft.writable(item), name: name, accountID: campaign.accountID, parentID: campaign.id,
            active: status == "ACTIVE", dailyBudgetMicros: daily, lifetimeBudgetMicros: lifetime,
            scheduleStart: start, scheduleEnd: end)
        draft.set("status", .string(status))
        if let daily { draft.set("daily_budget_micro", .int(daily)) }
        if let lifetime { draft.set("lifetime_budget_micro", .int(lifetime)) }
        if let bid { draft.set("bid_micro", .int(bid)) }
        if strategy == nil, bid == nil { draft.set("bid_strategy", .string("AUTO_BID")) }
        if let start { draft.set("start_time", .string(SnapchatTime.format(start))) }
        if let end { draft.set("end_time", .string(SnapchatTime.format(end))) }
        return draft
    }

    /// `targeting.geos`: a non-empty array of objects, each with the `country_code` of a country (ISO-3166 alpha-2
    /// in lower case; Snap's own examples also write `uk`). `targeting.demographics`: ages `min_age`/`max_age`
    /// (numbers or numeric strings) from 13 to 50, the minimum not above the maximum, `age_groups` such as `18-20`
    /// or `35+`, and `gender` `MALE`, `FEMALE` or `OTHER`.
    private static func validateTargeting(_ targeting: MockJSON) throws(SnapchatError) {
        guard let geos = targeting["geos"] else { throw .invalid("targeting.geos is required") }
        guard let list = geos.array, !list.isEmpty else {
            throw .invalid("targeting.geos must be a non-empty array of {\"country_code\": …}")
        }
        for (index, geo) in list.enumerated() {
            guard let code = geo["country_code"]?.string, code.count == 2, code.allSatisfy(\.isLetter) else {
                throw .invalid("Each targeting.geos entry needs a two-letter country_code")
            }
            guard code.lowercased() == "uk" || CountryCodes.isAssigned(code) else {
                throw .invalid("targeting.geos[\(index)].country_code \(code) is not a valid country code")
            }
        }
        guard let demographics = targeting["demographics"] else { return }
        guard let entries = demographics.array else { throw .invalid("targeting.demographics must be an array") }
        for (index, entry) in entries.enumerated() {
            let path = "targeting.demographics[\(index)]"
            var ages: [String: Int] = [:]
            for key in ["min_age", "max_age"] {
                guard let value = entry[key] else { continue }
                guard let text = value.text, let age = Int(text) else {
                    throw .invalid("\(path).\(key) must be a whole number of years")
                }
                guard ageLimits.contains(age) else {
                    throw .invalid(
                        "\(path).\(key) \(age) is outside the targetable ages \(ageLimits.lowerBound) to "
                            + "\(ageLimits.upperBound)")
                }
                ages[key] = age
            }
            if let minimum = ages["min_age"], let maximum = ages["max_age"], minimum > maximum {
                throw .invalid("\(path).min_age \(minimum) must not be above max_age \(maximum)")
            }
            for group in entry["age_groups"]?.array ?? [] {
                guard let text = group.string, ageGroupPattern(text) else {
                    throw .invalid("\(path).age_groups entries look like 18-20 or 35+")
                }
            }
            if let gender = entry["gender"] {
                guard let text = gender.string, ["MALE", "FEMALE", "OTHER"].contains(text) else {
                    throw .invalid("\(path).gender must be one of MALE, FEMALE, OTHER")
                }
            }
        }
    }

    /// `18-20` or `35+`, within the targetable ages.
    private static func ageGroupPattern(_ text: String) -> Bool {
        if text.hasSuffix("+") { return Int(text.dropLast()).map(ageLimits.contains) ?? false }
        let parts = text.split(separator: "-")
        guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]) else { return false }
        return ageLimits.contains(low) && ageLimits.contains(high) && low <= high
    }

    // MARK: - Creatives

    /// A creative: `ad_account_id` (the path's), `name`, `brand_name` ≤ 32, `headline` ≤ 34, `type`,
    /// `top_snap_media_id` naming uploaded (`READY`) media of the account, `profile_properties.profile_id`, and
    /// `web_view_properties.url` (http or https) for `WEB_VIEW`.
    func creativeDraft(
        _ item: SnapchatItem, account: String, world: MockWorld
    ) throws(SnapchatError)
        -> SnapchatDraft
    {
        try Self.requireAccount(item, account)
        let name = try item.requiredString("name", maxLength: Self.maximumNameLength)
        _ = try item.requiredString("brand_name", maxLength: 32)
        _ = try item.requiredString("headline", maxLength: 34)
        let type = try item.requiredEnumeration("type", Self.creativeTypes)
        let mediaID = try item.requiredString("top_snap_media_id")
        guard let media = world.entity(platform, mediaID), media.kind == SnapchatKind.media.rawValue,
            media.accountID == account, !media.deleted
        else { throw .notFound("Media \(mediaID) can not be found") }
        guard media.fields["media_status"]?.string == "READY" else {
            throw .invalid("Media \(mediaID) hasn't been uploaded yet (media_status PENDING_UPLOAD)")
        }
        let profile = try SnapchatItem(try item.requiredObject("profile_properties"))
        _ = try profile.requiredString("profile_id")
        var landing: String?
        if let web = try item.object("web_view_properties") {
            landing = try SnapchatItem(web).string("url")
        }
        if type == "WEB_VIEW", landing == nil { throw .invalid("web_view_properties.url is required for WEB_VIEW") }
        if let landing {
            let lower = landing.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), landing.count <= 2_048 else {
                throw .invalid("web_view_properties.url must be an http or https URL of at most 2048 characters")
            }
        }
        _ = try item.string("call_to_action")
        _ = try item.boolean("shareable")
        var draft = SnapchatDraft(
            fields: SnapchatDraft.writable(item), name: name, accountID: account, parentID: nil, active: false)
        draft.landingURL = landing
        return draft
    }

    // MARK: - Ads

    /// An ad under a live ad squad: `ad_squad_id` (the path's), `creative_id` naming a creative of the account,
    /// `name`, `status`, and a `type` that goes with the creative's type. Review starts `PENDING`.
    func adDraft(
        _ item: SnapchatItem, adSquad: MockEntity, world: MockWorld
    ) throws(SnapchatError)
        -> SnapchatDraft
    {
        guard !adSquad.deleted else {
            throw .invalid("Ad squad \(adSquad.id) is deleted; ads can not be created or changed under it")
        }
        let squadID = try item.requiredString("ad_squad_id")
        guard squadID == adSquad.id else {
            throw .invalid("ad_squad_id \(squadID) does not match the ad squad in the path (\(adSquad.id))")
        }
        let creativeID = try item.requiredString("creative_id")
        guard let creative = world.entity(platform, creativeID), creative.kind == SnapchatKind.creative.rawValue,
            creative.accountID == adSquad.accountID, !creative.deleted
        else { throw .notFound("Creative \(creativeID) can not be found") }
        let name = try item.requiredString("name", maxLength: Self.maximumNameLength)
        let status = try item.requiredEnumeration("status", Self.statuses)
        let type = try item.requiredEnumeration("type", Self.adTypes)
        let creativeType = creative.fields["type"]?.string ?? ""
        guard Self.creativeTypeForAdType[type] == creativeType else {
            throw .invalid(
                "Ad type \(type) requires a \(Self.creativeTypeForAdType[type] ?? "matching") creative; creative "
                    + "\(creativeID) is \(creativeType)")
        }
        var draft = SnapchatDraft(
            fields: SnapchatDraft.writable(item), name: name, accountID: adSquad.accountID, parentID: adSquad.id,
            active: status == "ACTIVE")
        draft.set("review_status", .string("PENDING"))
        draft.landingURL = creative.fields["web_view_properties"]?["url"]?.string
        return draft
    }

    // MARK: - Media

    /// Media: `ad_account_id` (the path's), `name`, `type`; it waits for its upload as `PENDING_UPLOAD`.
    static func mediaDraft(_ item: SnapchatItem, account: String) throws(SnapchatError) -> SnapchatDraft {
        try requireAccount(item, account)
        let name = try item.requiredString("name", maxLength: maximumNameLength)
        _ = try item.requiredEnumeration("type", mediaTypes)
        var draft = SnapchatDraft(
            fields: SnapchatDraft.writable(item), name: name, accountID: account, parentID: nil, active: false)
        draft.set("media_status", .string("PENDING_UPLOAD"))
        return draft
    }

    // MARK: - Shared checks

    private static func requireAccount(_ item: SnapchatItem, _ account: String) throws(SnapchatError) {
        let given = try item.requiredString("ad_account_id")
        guard given == account else {
            throw .invalid("ad_account_id \(given) does not match the ad account in the path (\(account))")
        }
    }

    private static func nonNegative(_ item: SnapchatItem, _ key: String) throws(SnapchatError) -> Int64? {
        let value = try item.integer(key)
        if let value, value < 0 { throw .invalid("\(key) must not be negative") }
        return value
    }
}
