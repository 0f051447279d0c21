import Foundation

extension TikTokEmulator {
    /// Fields the campaign handlers model explicitly; anything else in a body is stored as sent.
    static let campaignKeys: Set<String> = [
        "advertiser_id", "campaign_id", "campaign_name", "objective_type", "budget_mode", "budget",
        "budget_optimize_on", "operation_status", "secondary_status", "create_time", "modify_time", "request_id",
    ]
    /// The smallest campaign budget, in USD (daily or lifetime).
    static let minimumCampaignBudget = 50.0

    /// `POST /campaign/create/`: `advertiser_id`, `campaign_name` (1–512, no emoji) and `objective_type` are
    /// required; `budget_mode` defaults to `BUDGET_MODE_INFINITE`, and any other mode needs `budget` ≥ 50.00 USD;
    /// Campaign Budget Optimization (`budget_optimize_on`) needs a finite budget. Answers `{"campaign_id"}` as
    /// reference §2.3 gives it; `/campaign/get/` returns the stored campaign.
    func createCampaign(_ call: TikTokCall) throws(TikTokError) -> MockJSON {
        let body = try call.body()
        let advertiser = try body.advertiserID()
        let name = try body.requiredString("campaign_name")
        try TikTokText.checkName(name, field: "campaign_name")
        let objective = try body.requiredEnum("objective_type", TikTokEnums.objectiveTypes)
        let mode = try body.enumValue("budget_mode", TikTokEnums.budgetModes) ?? "BUDGET_MODE_INFINITE"
        let optimized = try body.bool("budget_optimize_on") ?? false
        let status = try body.enumValue("operation_status", TikTokEnums.createStatuses) ?? "ENABLE"
        let budget = try Self.campaignBudget(body.number("budget"), mode: mode)
        if optimized, mode == "BUDGET_MODE_INFINITE" {
            throw .invalid("budget_mode", "Campaign Budget Optimization needs a daily or lifetime budget.")
        }
        let id = call.world.mintID(.tiktok)
        let time = MockJSON.string(call.timestamp)
        var members: [(String, MockJSON)] = [
            ("advertiser_id", .string(advertiser)), ("campaign_id", .string(id)), ("campaign_name", .string(name)),
            ("objective_type", .string(objective)), ("budget_mode", .string(mode)), ("budget", budget.json),
            ("budget_optimize_on", .bool(optimized)), ("operation_status", .string(status)),
            ("create_time", time), ("modify_time", time),
        ]
        Self.appendExtras(from: body, skipping: Self.campaignKeys, to: &members)
        var entity = MockEntity(
            platform: Self.platformID, kind: TikTokKind.campaign.entityKind, id: id, accountID: advertiser,
            parentID: nil, name: name, fields: .object(members), createdAt: call.now, role: .container,
            active: status == "ENABLE")
        Self.applyBudget(budget.micros, mode: mode, to: &entity)
        call.world.insert(entity)
        return .object([("campaign_id", .string(id))])
    }

    /// `POST /campaign/update/`: `advertiser_id` and `campaign_id` required; `campaign_name`, `budget` and
    /// `budget_mode` change under the same rules as on create. Status changes go through `/status/update/`.
    func updateCampaign(_ call: TikTokCall) throws(TikTokError) -> MockJSON {
        let body = try call.body()
        let advertiser = try body.advertiserID()
        let id = try body.requiredID("campaign_id")
        let current = try lookup(call.world, kind: .campaign, id: id, advertiser: advertiser, field: "campaign_id")
        let name = try body.string("campaign_name")
        if let name { try TikTokText.checkName(name, field: "campaign_name") }
        if let objective = try body.string("objective_type"), objective != current.fields["objective_type"]?.string {
            throw .invalid("objective_type", "Cannot be updated after the campaign has been created.")
        }
        let currentMode = current.fields["budget_mode"]?.string ?? "BUDGET_MODE_INFINITE"
        let mode = try body.enumValue("budget_mode", TikTokEnums.budgetModes) ?? currentMode
        var budget: (json: MockJSON, micros: Int64?)?
        if body.has("budget") || mode != currentMode {
            let given = try body.number("budget")
            let kept = current.fields["budget"]?.text.flatMap { text in Double(text).map { ($0, text) } }
            budget = try Self.campaignBudget(given ?? kept, mode: mode)
        }
        if current.fields["budget_optimize_on"]?.bool == true, mode == "BUDGET_MODE_INFINITE" {
            throw .invalid("budget_mode", "Campaign Budget Optimization needs a daily or lifetime budget.")
        }
        var extras: [(String, MockJSON)] = []
        Self.appendExtras(
            from: body, skipping: Self.campaignKeys.union(["objective_type", "budget_optimize_on"]), to: &extras)
        let time = MockJSON.string(call.timestamp)
        let updated = call.world.update(Self.platformID, id) { entity, _ in
            var fields = entity.fields
            if let name {
                fields = fields.setting("campaign_name", .string(name))
                entity.name = name
            }
            if let budget {
                fields = fields.setting("budget_mode", .string(mode)).setting("budget", budget.json)
                entity.dailyBudgetMicros = nil
                entity.lifetimeBudgetMicros = nil
                Self.applyBudget(budget.micros, mode: mode, to: &entity)
            }
            for (key, value) in extras { fields = fields.setting(key, value) }
            entity.fields = fields.setting("modify_time", time)
        }
        guard let updated else { throw .notExist("campaign_id", "Campaign \(id) does not exist.") }
        var lineage = TikTokLineage(world: call.world, now: call.now)
        return lineage.view(of: updated, kind: .campaign)
    }

    /// Validates a campaign budget: ignored (stored as 0) for `BUDGET_MODE_INFINITE`, else required and at least
    /// 50.00 USD.
    static func campaignBudget(
        _ given: (value: Double, text: String)?, mode: String
    ) throws(TikTokError) -> (json: MockJSON, micros: Int64?) {
        guard mode != "BUDGET_MODE_INFINITE" else { return (.int(0), nil) }
        guard let given else { throw .missing("budget") }
        try checkBudget(given.value, minimum: minimumCampaignBudget)
        return (.number(given.text), micros(given.value))
    }

    /// The budget floor and ceiling, with TikTok's "at least" message.
    static func checkBudget(_ value: Double, minimum: Double) throws(TikTokError) {
        guard value >= minimum else {
            throw .invalid("budget", "The budget must be at least \(money(micros(minimum))) \(currency).")
        }
        guard value <= 10_000_000_000 else { throw .invalid("budget", "The budget is too large.") }
    }

    /// Sets the world budget a mode implies: daily for `DAY` and dynamic daily, lifetime for `TOTAL`.
    static func applyBudget(_ micros: Int64?, mode: String, to entity: inout MockEntity) {
        guard let micros else { return }
        if mode == "BUDGET_MODE_TOTAL" {
            entity.lifetimeBudgetMicros = micros
        } else {
            entity.dailyBudgetMicros = micros
        }
    }
}
