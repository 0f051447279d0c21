import Foundation

extension MetaEmulator {
    /// The smallest budget accepted, in minor units: $1.00.
    static let minimumBudget: Int64 = 100

    /// The largest budget accepted, in minor units: $1,000,000,000.00 (beyond it synthetic delivery would
    /// overflow its arithmetic).
    static let maximumBudget: Int64 = 100_000_000_000

    /// Checks a budget against the minimum ($1.00, subcode 1885272) and the maximum.
    static func checkBudget(_ budget: Int64?, for object: String) throws(MetaError) {
        guard let budget else { return }
        if budget < minimumBudget { throw MetaError.budgetTooLow(minimumMinor: minimumBudget, for: object) }
        if budget > maximumBudget {
            throw MetaError.invalid(
                "Your Budget Is Too High",
                "The budget for this \(object) must be at most \(MetaNumbers.dollars(minor: maximumBudget)).")
        }
    }

    /// Both a daily and a lifetime budget on one object.
    static let bothBudgets = MetaError.invalid(
        "Only One Budget Type Allowed", "Set either a daily budget or a lifetime budget, not both.")

    /// `POST act_<id>/campaigns`: `name`, `objective` and `special_ad_categories` required; enums checked; a
    /// budget here (CBO) of at least $1.00. Answers `{"id":"…"}`.
    func createCampaign(_ call: MetaCall, account: String, world: MockWorld) throws(MetaError) -> MockResponse {
        let params = call.params
        let name = try params.requiredString("name")
        guard let objective = try params.enumValue("objective", MetaVocabulary.objectives) else {
            throw MetaError.required("objective")
        }
        let categories = try Self.specialAdCategories(params)
        let status = try params.enumValue("status", MetaVocabulary.statuses) ?? "ACTIVE"
        let bidStrategy = try params.enumValue("bid_strategy", MetaVocabulary.bidStrategies)
        let buyingType = try params.enumValue("buying_type", MetaVocabulary.buyingTypes) ?? "AUCTION"
        let daily = try params.unsignedInt("daily_budget")
        let lifetime = try params.unsignedInt("lifetime_budget")
        if daily != nil, lifetime != nil { throw Self.bothBudgets }
        try Self.checkBudget(daily ?? lifetime, for: "campaign")
        let spendCap = try params.unsignedInt("spend_cap")
        let start = try params.time("start_time")
        let stop = try params.time("stop_time")
        if let start, let stop, stop <= start {
            throw MetaError.invalid("Invalid Schedule", "The campaign's stop time must be after its start time.")
        }
        let promoted = try params.object("promoted_object")
        let sharing = try params.bool("is_adset_budget_sharing_enabled")
        if try Self.validateOnly(params) { return Self.success }

        let now = world.now
        let id = world.mintID(.meta)
        let created = MetaTime.format(now)
        var fields: [(String, MockJSON)] = [
            ("id", .string(id)), ("account_id", .string(MetaCall.accountDigits(account))), ("name", .string(name)),
            ("objective", .string(objective)), ("status", .string(status)), ("buying_type", .string(buyingType)),
            ("special_ad_categories", .array(categories.map(MockJSON.string))),
            ("special_ad_category", .string(categories.first ?? "NONE")),
        ]
        if let bidStrategy { fields.append(("bid_strategy", .string(bidStrategy))) }
        if let daily { fields.append(("daily_budget", .string(String(daily)))) }
        if let lifetime { fields.append(("lifetime_budget", .string(String(lifetime)))) }
        if let spendCap { fields.append(("spend_cap", .string(String(spendCap)))) }
        if let promoted { fields.append(("promoted_object", promoted)) }
        if let sharing { fields.append(("is_adset_budget_sharing_enabled", .bool(sharing))) }
        fields.append(("start_time", .string(start.map(MetaTime.format) ?? created)))
        if let stop { fields.append(("stop_time", .string(MetaTime.format(stop)))) }
        fields.append(("created_time", .string(created)))
        fields.append(("updated_time", .string(created)))

        var entity = MockEntity(
            platform: Self.platformID, kind: MetaKind.campaign, id: id, accountID: account, parentID: nil, name: name,
            fields: .object(fields), createdAt: now, role: .container, active: status == "ACTIVE")
        entity.dailyBudgetMicros = daily.map(MetaNumbers.micros(minor:))
        entity.lifetimeBudgetMicros = lifetime.map(MetaNumbers.micros(minor:))
        entity.scheduleStart = start
        entity.scheduleEnd = stop
        entity.deleted = status == "DELETED"
        world.insert(entity)
        return Self.created(id)
    }

    /// `special_ad_categories`: required; a JSON array of the enum's values (`[]` for none), or one bare value.
    static func specialAdCategories(_ params: MetaParams) throws(MetaError) -> [String] {
        guard let value = params["special_ad_categories"] else { throw MetaError.required("special_ad_categories") }
        let elements: [MockJSON]
        switch value {
        case .array(let items): elements = items
        case .string(let text) where !text.isEmpty: elements = [.string(text)]
        default: throw MetaError.param("param special_ad_categories must be an array.")
        }
        var categories: [String] = []
        for (index, element) in elements.enumerated() {
            guard let text = element.string, MetaVocabulary.specialAdCategories.contains(text) else {
                throw MetaError.notInEnum(
                    "special_ad_categories[\(index)]", MetaVocabulary.specialAdCategories.ordered)
            }
            categories.append(text)
        }
        return categories
    }

    /// `{"id":"…"}`.
    static func created(_ id: String) -> MockResponse {
        MockResponse(
            status: 200, headers: [("Content-Type", "application/json; charset=UTF-8")],
            body: Data(("{\"id\":\"" + id + "\"}").utf8))
    }
}
