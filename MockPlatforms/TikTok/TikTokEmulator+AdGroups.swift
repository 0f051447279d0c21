import Foundation

extension TikTokEmulator {
    /// Fields the ad group handlers model explicitly; anything else in a body is stored as sent.
    static let adGroupKeys: Set<String> = [
        "advertiser_id", "campaign_id", "adgroup_id", "adgroup_name", "promotion_type", "placement_type",
        "placements", "location_ids", "budget_mode", "budget", "schedule_type", "schedule_start_time",
        "schedule_end_time", "optimization_goal", "billing_event", "bid_type", "pacing", "operation_status",
        "secondary_status", "create_time", "modify_time", "request_id", "campaign_name",
    ]
    /// The smallest ad group daily budget, in USD; a lifetime budget needs this much per scheduled day.
    static let minimumAdGroupBudget = 20.0
    /// Objectives whose ad groups need no `promotion_type`.
    static let objectivesWithoutPromotionType: Set<String> = ["REACH", "VIDEO_VIEWS", "ENGAGEMENT", "RF_REACH"]
    /// How far in the past a schedule may start (SDK docs: "up to 12 hours earlier than the current time").
    static let scheduleGrace: TimeInterval = 12 * 3600

    /// `POST /adgroup/create/`: the SDK model's required fields (`advertiser_id`, `campaign_id`, `adgroup_name`,
    /// `billing_event`, `budget`, `budget_mode`, `optimization_goal`, `pacing`, `schedule_type`,
    /// `schedule_start_time`) plus `location_ids`, `placements` for `PLACEMENT_TYPE_NORMAL` and `promotion_type`
    /// for objectives other than reach, video views and engagement. Budget and pacing are not needed under
    /// Campaign Budget Optimization. Daily budgets need ≥ 20.00 USD, lifetime budgets 20.00 USD per scheduled day
    /// and `SCHEDULE_START_END`; an ad group budget may not exceed its campaign's budget of the same mode.
    /// Answers `{"adgroup_id"}` (reference §2.3).
    func createAdGroup(_ call: TikTokCall) throws(TikTokError) -> MockJSON {
        let body = try call.body()
        let advertiser = try body.advertiserID()
        let campaignID = try body.requiredID("campaign_id")
        let name = try body.requiredString("adgroup_name")
        try TikTokText.checkName(name, field: "adgroup_name")
        let campaign = try lookup(
            call.world, kind: .campaign, id: campaignID, advertiser: advertiser, field: "campaign_id")
        let optimized = campaign.fields["budget_optimize_on"]?.bool ?? false
        let billing = try body.requiredEnum("billing_event", TikTokEnums.billingEvents)
        let goal = try body.requiredEnum("optimization_goal", TikTokEnums.optimizationGoals)
        let pacing =
            optimized
            ? "PACING_MODE_SMOOTH" : try body.requiredEnum("pacing", TikTokEnums.pacings)
        let status = try body.enumValue("operation_status", TikTokEnums.createStatuses) ?? "ENABLE"
        let placementType =
            try body.enumValue("placement_type", TikTokEnums.placementTypes) ?? "PLACEMENT_TYPE_AUTOMATIC"
        let placements = try body.enumList("placements", TikTokEnums.placements)
        if placementType == "PLACEMENT_TYPE_NORMAL", placements?.isEmpty ?? true { throw .missing("placements") }
        guard let locations = try body.stringList("location_ids") else { throw .missing("location_ids") }
        try TikTokLocations.check(locations)
        let objective = campaign.fields["objective_type"]?.string ?? ""
        let promotion = try body.string("promotion_type")
        if promotion == nil, !Self.objectivesWithoutPromotionType.contains(objective) {
            throw .missing("promotion_type")
        }
        _ = try body.enumValue("gender", TikTokEnums.genders)
        _ = try body.enumList("age_groups", TikTokEnums.ageGroups)
        let bidType = try body.enumValue("bid_type", TikTokEnums.bidTypes) ?? "BID_TYPE_NO_BID"
        try Self.checkBid(body, bidType: bidType, billing: billing)
        try Self.checkDeepBid(body, goal: goal)
        let scheduleType = try body.requiredEnum("schedule_type", TikTokEnums.scheduleTypes)
        let start = try Self.scheduleTime(body, "schedule_start_time", required: true) ?? call.now
        guard start >= call.now.addingTimeInterval(-Self.scheduleGrace) else {
            throw .invalid(
                "schedule_start_time", "The start time can be at most 12 hours earlier than the current time.")
        }
        let end: Date
        if scheduleType == "SCHEDULE_START_END" {
            end = try Self.scheduleTime(body, "schedule_end_time", required: true) ?? start
            guard end > start else {
                throw .invalid("schedule_end_time", "The end time must be later than the start time.")
            }
        } else {
            end = TikTokTime.adding(years: 10, to: start)
        }
        var mode = "BUDGET_MODE_INFINITE"
        var budget: (json: MockJSON, micros: Int64?) = (.int(0), nil)
        if !optimized {
            mode = try body.requiredEnum("budget_mode", TikTokEnums.budgetModes)
            budget = try Self.adGroupBudget(
                body.number("budget"), mode: mode, scheduleType: scheduleType, start: start, end: end,
                campaign: campaign)
        }
        let id = call.world.mintID(.tiktok)
        let time = MockJSON.string(call.timestamp)
        var members: [(String, MockJSON)] = [
            ("advertiser_id", .string(advertiser)), ("campaign_id", .string(campaignID)), ("adgroup_id", .string(id)),
            ("adgroup_name", .string(name)),
        ]
        if let promotion { members.append(("promotion_type", .string(promotion))) }
        members += [
            ("placement_type", .string(placementType)),
            ("placements", .array((placements ?? []).map(MockJSON.string))),
            ("location_ids", .array(locations.map(MockJSON.string))), ("budget_mode", .string(mode)),
            ("budget", budget.json), ("schedule_type", .string(scheduleType)),
            ("schedule_start_time", .string(TikTokTime.format(start))),
            ("schedule_end_time", .string(TikTokTime.format(end))), ("optimization_goal", .string(goal)),
            ("billing_event", .string(billing)), ("bid_type", .string(bidType)), ("pacing", .string(pacing)),
            ("operation_status", .string(status)), ("create_time", time), ("modify_time", time),
        ]
        Self.appendExtras(from: body, skipping: Self.adGroupKeys, to: &members)
        var entity = MockEntity(
            platform: Self.platformID, kind: TikTokKind.adgroup.entityKind, id: id, accountID: advertiser,
            parentID: campaignID, name: name, fields: .object(members), createdAt: call.now, role: .container,
            active: status == "ENABLE")
        entity.scheduleStart = start
        entity.scheduleEnd = end
        Self.applyBudget(budget.micros, mode: mode, to: &entity)
        call.world.insert(entity)
        return .object([("adgroup_id", .string(id))])
    }

    /// `POST /adgroup/update/`: `advertiser_id` and `adgroup_id` required. Name, budget (same rules as create,
    /// for the ad group's budget mode), schedule, bids, pacing and targeting may change; `campaign_id`,
    /// `budget_mode` and `placements` may not.
    func updateAdGroup(_ call: TikTokCall) throws(TikTokError) -> MockJSON {
        let body = try call.body()
        let advertiser = try body.advertiserID()
        let id = try body.requiredID("adgroup_id")
        let current = try lookup(call.world, kind: .adgroup, id: id, advertiser: advertiser, field: "adgroup_id")
        if let campaignID = try body.id("campaign_id"), campaignID != current.parentID {
            throw .invalid("campaign_id", "Cannot be updated after the ad group has been created.")
        }
        let mode = current.fields["budget_mode"]?.string ?? "BUDGET_MODE_INFINITE"
        if let given = try body.enumValue("budget_mode", TikTokEnums.budgetModes), given != mode {
            throw .invalid("budget_mode", "Cannot be updated after the ad group has been created.")
        }
        if let placements = try body.enumList("placements", TikTokEnums.placements),
            MockJSON.array(placements.map(MockJSON.string)) != (current.fields["placements"] ?? .array([]))
        {
            throw .invalid("placements", "Cannot be updated after the ad group has been created.")
        }
        let name = try body.string("adgroup_name")
        if let name { try TikTokText.checkName(name, field: "adgroup_name") }
        let billing =
            try body.enumValue("billing_event", TikTokEnums.billingEvents) ?? current.fields["billing_event"]?.string
            ?? "CPC"
        let goal =
            try body.enumValue("optimization_goal", TikTokEnums.optimizationGoals)
            ?? current.fields["optimization_goal"]?.string ?? ""
        _ = try body.enumValue("pacing", TikTokEnums.pacings)
        _ = try body.enumValue("gender", TikTokEnums.genders)
        _ = try body.enumList("age_groups", TikTokEnums.ageGroups)
        let bidType = try body.enumValue("bid_type", TikTokEnums.bidTypes)
        if let bidType { try Self.checkBid(body, bidType: bidType, billing: billing) }
        try Self.checkDeepBid(body, goal: goal)
        if let locations = try body.stringList("location_ids") { try TikTokLocations.check(locations) }
        let clearedBidFields = Self.clearedBidFields(bidType: bidType, billing: billing, body: body)

        let newStart = try Self.scheduleTime(body, "schedule_start_time", required: false)
        let newEnd = try Self.scheduleTime(body, "schedule_end_time", required: false)
        if let newStart, newStart != current.scheduleStart,
            newStart < call.now.addingTimeInterval(-Self.scheduleGrace)
        {
            throw .invalid(
                "schedule_start_time", "The start time can be at most 12 hours earlier than the current time.")
        }
        let start = newStart ?? current.scheduleStart ?? call.now
        let end = newEnd ?? current.scheduleEnd ?? TikTokTime.adding(years: 10, to: start)
        guard end > start else {
            throw .invalid("schedule_end_time", "The end time must be later than the start time.")
        }
        var budget: (json: MockJSON, micros: Int64?)?
        if body.has("budget"), mode != "BUDGET_MODE_INFINITE" {
            let campaign = call.world.entity(Self.platformID, current.parentID ?? "")
            budget = try Self.adGroupBudget(
                body.number("budget"), mode: mode,
                scheduleType: current.fields["schedule_type"]?.string ?? "SCHEDULE_START_END", start: start, end: end,
                campaign: campaign)
        }
        var extras: [(String, MockJSON)] = []
        Self.appendExtras(from: body, skipping: Self.adGroupKeys, to: &extras)
        for key in ["optimization_goal", "billing_event", "bid_type", "pacing", "location_ids", "promotion_type"] {
            if let value = body.raw(key) { extras.append((key, value)) }
        }
        let time = MockJSON.string(call.timestamp)
        let updated = call.world.update(Self.platformID, id) { entity, _ in
            var fields = entity.fields
            if let name {
                fields = fields.setting("adgroup_name", .string(name))
                entity.name = name
            }
            if let budget {
                fields = fields.setting("budget", budget.json)
                entity.dailyBudgetMicros = nil
                entity.lifetimeBudgetMicros = nil
                Self.applyBudget(budget.micros, mode: mode, to: &entity)
            }
            if newStart != nil || newEnd != nil {
                fields = fields.setting("schedule_start_time", .string(TikTokTime.format(start)))
                    .setting("schedule_end_time", .string(TikTokTime.format(end)))
                entity.scheduleStart = start
                entity.scheduleEnd = end
            }
            for (key, value) in extras { fields = fields.setting(key, value) }
            if let members = fields.members, !clearedBidFields.isEmpty {
                fields = .object(members.filter { !clearedBidFields.contains($0.0) })
            }
            entity.fields = fields.setting("modify_time", time)
        }
        guard let updated else { throw .notExist("adgroup_id", "Ad group \(id) does not exist.") }
        var lineage = TikTokLineage(world: call.world, now: call.now)
        return lineage.view(of: updated, kind: .adgroup)
    }

    /// Validates an ad group budget for its mode and schedule, against its campaign's budget.
    static func adGroupBudget(
        _ given: (value: Double, text: String)?, mode: String, scheduleType: String, start: Date, end: Date,
        campaign: MockEntity?
    ) throws(TikTokError) -> (json: MockJSON, micros: Int64?) {
        if mode == "BUDGET_MODE_INFINITE" {
            throw .invalid("budget_mode", "BUDGET_MODE_INFINITE is only available with Campaign Budget Optimization.")
        }
        if mode == "BUDGET_MODE_TOTAL", scheduleType != "SCHEDULE_START_END" {
            throw .invalid("schedule_type", "A lifetime budget (BUDGET_MODE_TOTAL) needs SCHEDULE_START_END.")
        }
        guard let given else { throw .missing("budget") }
        var minimum = minimumAdGroupBudget
        if mode == "BUDGET_MODE_TOTAL" {
            minimum *= max(1, (end.timeIntervalSince(start) / 86_400).rounded(.up))
        }
        try checkBudget(given.value, minimum: minimum)
        let amount = micros(given.value)
        if let campaign, campaign.fields["budget_mode"]?.string == mode {
            let ceiling = mode == "BUDGET_MODE_TOTAL" ? campaign.lifetimeBudgetMicros : campaign.dailyBudgetMicros
            if let ceiling, amount > ceiling {
                throw .invalid(
                    "budget",
                    "The ad group budget (\(money(amount)) \(currency)) cannot exceed the campaign budget "
                        + "(\(money(ceiling)) \(currency)).")
            }
        }
        return (.number(given.text), amount)
    }

    /// The smallest bid accepted, in USD: one cent. TikTok's minimums depend on the billing event and currency and
    /// are not in the reference; this one is ours.
    static let minimumBid = 0.01

    /// `BID_TYPE_CUSTOM` needs a positive `conversion_bid_price` for oCPM billing and a `bid_price` otherwise;
    /// neither may be below ``minimumBid``.
    static func checkBid(_ body: TikTokParams, bidType: String, billing: String) throws(TikTokError) {
        for field in ["bid_price", "conversion_bid_price"] {
            guard let bid = try body.number(field) else { continue }
            if bid.value <= 0 { throw .invalid(field, "Must be greater than 0.") }
            if bid.value < minimumBid {
                throw .invalid(field, "The bid must be at least \(minimumBid) \(currency).")
            }
        }
        guard bidType == "BID_TYPE_CUSTOM" else { return }
        let field = billing == "OCPM" ? "conversion_bid_price" : "bid_price"
        guard body.has(field) else { throw .missing(field) }
    }

    /// `deep_bid_type: VO_MIN_ROAS` (minimum ROAS) needs a value-optimised ad group (`optimization_goal`
    /// `VALUE`) and a positive `roas_bid`.
    static func checkDeepBid(_ body: TikTokParams, goal: String) throws(TikTokError) {
        let deep = try body.enumValue("deep_bid_type", TikTokEnums.deepBidTypes)
        if let roas = try body.number("roas_bid"), roas.value <= 0 {
            throw .invalid("roas_bid", "Must be greater than 0.")
        }
        guard deep == "VO_MIN_ROAS" else { return }
        guard goal == "VALUE" else {
            throw .invalid(
                "deep_bid_type", "VO_MIN_ROAS is only available when optimization_goal is VALUE, not \(goal).")
        }
        guard body.has("roas_bid") else { throw .missing("roas_bid") }
    }

    /// The stored bid fields an update's `bid_type` makes stale: all of them for `BID_TYPE_NO_BID`, the price the
    /// billing event does not use for `BID_TYPE_CUSTOM`. TikTok reads back only the bid in force.
    static func clearedBidFields(bidType: String?, billing: String, body: TikTokParams) -> Set<String> {
        switch bidType {
        case "BID_TYPE_NO_BID":
            return body.has("deep_bid_type")
                ? ["bid_price", "conversion_bid_price"]
                : ["bid_price", "conversion_bid_price", "deep_bid_type", "roas_bid"]
        case "BID_TYPE_CUSTOM":
            return billing == "OCPM" ? ["bid_price"] : ["conversion_bid_price"]
        default:
            return []
        }
    }

    /// A schedule time in `YYYY-MM-DD HH:MM:SS` (UTC+0).
    static func scheduleTime(_ body: TikTokParams, _ field: String, required: Bool) throws(TikTokError) -> Date? {
        guard let text = try body.string(field) else {
            if required { throw .missing(field) }
            return nil
        }
        guard let date = TikTokTime.parse(text) else {
            throw .invalid(field, "Not a valid time. Use the format YYYY-MM-DD HH:MM:SS (UTC+0).")
        }
        return date
    }
}
