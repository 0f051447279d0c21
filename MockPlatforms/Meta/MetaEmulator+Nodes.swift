import Foundation

extension MetaEmulator {
    // MARK: - Reading

    /// A node as Graph returns it: the selected fields that have a value, computed ones (`effective_status`,
    /// `budget_remaining`, `campaign{…}`) worked out now.
    func render(_ entity: MockEntity, selection: MetaFieldSelection, world: MockWorld) throws(MetaError) -> MockJSON {
        var members: [(String, MockJSON)] = []
        members.reserveCapacity(selection.fields.count)
        var hasID = false
        for field in selection.fields {
            hasID = hasID || field.name == "id"
            if let value = try value(of: field, in: entity, world: world) { members.append((field.name, value)) }
        }
        // Graph always returns a node's id, after the fields asked for when they did not include it.
        if !hasID { members.append(("id", .string(entity.id))) }
        return .object(members)
    }

    private func value(
        of field: MetaFieldSelection.Field, in entity: MockEntity, world: MockWorld
    ) throws(MetaError)
        -> MockJSON?
    {
        switch field.name {
        case "id":
            return .string(entity.id)
        case "effective_status":
            return entity.kind == MetaKind.image
                ? entity.fields["status"] : .string(effectiveStatus(of: entity, world: world))
        case "configured_status":
            return entity.fields["status"]
        case "campaign" where entity.kind == MetaKind.adSet || entity.kind == MetaKind.ad:
            return try reference(entity.fields["campaign_id"]?.text, nested: field.nested, world: world)
        case "adset" where entity.kind == MetaKind.ad:
            return try reference(entity.fields["adset_id"]?.text, nested: field.nested, world: world)
        case "creative" where entity.kind == MetaKind.ad && field.nested != nil:
            return try reference(entity.fields["creative"]?["id"]?.text, nested: field.nested, world: world)
        case "budget_remaining" where entity.kind == MetaKind.campaign || entity.kind == MetaKind.adSet:
            return .string(String(budgetRemaining(of: entity, world: world)))
        default:
            return entity.fields[field.name]
        }
    }

    /// A referenced node: `{"id":…}`, or rendered with its `{…}` expansion.
    private func reference(_ id: String?, nested: String?, world: MockWorld) throws(MetaError) -> MockJSON? {
        guard let id else { return nil }
        guard let nested, let target = world.entity(Self.platformID, id) else { return .object([("id", .string(id))]) }
        return try render(
            target, selection: MetaFieldSelection(text: nested, kind: target.kind, defaults: ["id"]), world: world)
    }

    /// What is left of the budget, in minor units: today's for a daily budget, the whole run's for a lifetime one.
    func budgetRemaining(of entity: MockEntity, world: MockWorld) -> Int64 {
        let now = world.now
        if let daily = entity.fields["daily_budget"]?.int64 {
            let today = MetaTime.date(dayNumber: MetaTime.dayNumber(now))
            let spent = world.delivery(Self.platformID, entityID: entity.id, from: today, to: now).spendMicros
            return max(0, daily - spent / MetaNumbers.microsPerMinor)
        }
        if let lifetime = entity.fields["lifetime_budget"]?.int64 {
            let spent = world.delivery(Self.platformID, entityID: entity.id, from: entity.createdAt, to: now)
                .spendMicros
            return max(0, lifetime - spent / MetaNumbers.microsPerMinor)
        }
        return 0
    }

    /// Graph's `effective_status`: the node's own status, or the paused or removed parent that stops it.
    func effectiveStatus(of entity: MockEntity, world: MockWorld) -> String {
        let own = entity.fields["status"]?.string ?? "ACTIVE"
        guard own == "ACTIVE" else { return own }
        switch entity.kind {
        case MetaKind.ad:
            if let adSetID = entity.parentID, let adSet = world.entity(Self.platformID, adSetID) {
                let status = adSet.fields["status"]?.string ?? "ACTIVE"
                if status == "PAUSED" { return "ADSET_PAUSED" }
                if status != "ACTIVE" { return status }
                return parentCampaignStatus(of: adSet, world: world)
            }
            return own
        case MetaKind.adSet:
            return parentCampaignStatus(of: entity, world: world)
        default:
            return own
        }
    }

    private func parentCampaignStatus(of adSet: MockEntity, world: MockWorld) -> String {
        guard let campaignID = adSet.parentID, let campaign = world.entity(Self.platformID, campaignID) else {
            return "ACTIVE"
        }
        let status = campaign.fields["status"]?.string ?? "ACTIVE"
        return status == "PAUSED" ? "CAMPAIGN_PAUSED" : status
    }

    /// `GET /{v}/?ids=a,b`: several nodes at once, keyed by id.
    func readMany(_ call: MetaCall, world: MockWorld) throws(MetaError) -> MockResponse {
        let ids = try call.params.list("ids") ?? []
        guard !ids.isEmpty else { throw MetaError.required("ids") }
        guard ids.count <= 50 else { throw MetaError.param("param ids must contain at most 50 ids.") }
        var members: [(String, MockJSON)] = []
        for id in ids {
            if MetaCall.isAccountNode(id) {
                members.append((id, try renderAccount(id, call: call, world: world)))
                continue
            }
            guard let entity = world.entity(Self.platformID, id) else { throw MetaError.notFound(id, method: "GET") }
            let selection = try MetaFieldSelection(call.params, kind: entity.kind, defaults: ["id"])
            members.append((id, try render(entity, selection: selection, world: world)))
        }
        return .json(.object(members))
    }

    /// The ad account node: USD, UTC, active; `amount_spent` from the world's delivery.
    func renderAccount(_ account: String, call: MetaCall, world: MockWorld) throws(MetaError) -> MockJSON {
        let selection = try MetaFieldSelection(call.params, kind: "account", defaults: ["id"])
        let digits = MetaCall.accountDigits(account)
        var members: [(String, MockJSON)] = []
        for name in selection.names {
            let value: MockJSON?
            switch name {
            case "id": value = .string(account)
            case "account_id": value = .string(digits)
            case "name": value = .string("AdOps mock account \(digits)")
            case "currency": value = .string("USD")
            case "account_status": value = .int(1)
            case "timezone_name": value = .string("Etc/GMT")
            case "timezone_offset_hours_utc": value = .int(0)
            case "timezone_id": value = .int(0)
            case "spend_cap", "balance": value = .string("0")
            case "amount_spent":
                let spent = world.entities(
                    Self.platformID, kind: MetaKind.campaign, account: account, includeDeleted: true
                )
                .reduce(Int64(0)) { total, campaign in
                    total
                        + world.delivery(
                            Self.platformID, entityID: campaign.id, from: campaign.createdAt, to: world.now
                        ).spendMicros
                }
                value = .string(String(spent / MetaNumbers.microsPerMinor))
            default: value = nil
            }
            if let value { members.append((name, value)) }
        }
        if !selection.names.contains("id") { members.append(("id", .string(account))) }
        return .object(members)
    }

    // MARK: - Updating

    /// `POST /{id}/`: name, status, budgets, schedule, bids and targeting, each validated as on create; the
    /// answer is `{"success":true}`.
    func update(_ entity: MockEntity, call: MetaCall, world: MockWorld) throws(MetaError) -> MockResponse {
        let params = call.params
        let status = try params.enumValue("status", MetaVocabulary.statuses)
        if entity.deleted {
            guard status == "DELETED" else {
                throw MetaError.invalid(
                    "Object Deleted", "This object was deleted and can no longer be edited.")
            }
            return Self.success
        }
        if entity.fields["status"]?.string == "ARCHIVED" { try Self.checkArchivedUpdate(params, status: status) }
        var changes: [(String, MockJSON)] = []
        var name: String?
        if params.has("name") {
            let text = try params.requiredString("name")
            name = text
            changes.append(("name", .string(text)))
        }
        var daily: Int64?
        var lifetime: Int64?
        var start: Date?
        var end: Date?
        switch entity.kind {
        case MetaKind.campaign, MetaKind.adSet:
            (daily, lifetime) = try budgetChange(of: entity, params: params, world: world)
            if let daily { changes.append(("daily_budget", .string(String(daily)))) }
            if let lifetime { changes.append(("lifetime_budget", .string(String(lifetime)))) }
            changes += try bidChanges(of: entity, params: params, world: world)
            let endName = entity.kind == MetaKind.campaign ? "stop_time" : "end_time"
            start = try params.time("start_time")
            end = try params.time(endName)
            let effectiveStart =
                start ?? entity.fields["start_time"]?.string.flatMap(MetaTime.parse) ?? entity.createdAt
            if let end, end <= effectiveStart {
                throw MetaError.invalid("Invalid Schedule", "The end time must be after the start time.")
            }
            if let start { changes.append(("start_time", .string(MetaTime.format(start)))) }
            if let end { changes.append((endName, .string(MetaTime.format(end)))) }
            if entity.kind == MetaKind.adSet {
                if let targeting = try params.object("targeting") {
                    try Self.validateTargeting(targeting)
                    changes.append(("targeting", targeting))
                }
                if let goal = try params.enumValue("optimization_goal", MetaVocabulary.optimizationGoals) {
                    changes.append(("optimization_goal", .string(goal)))
                }
                if let billing = try params.enumValue("billing_event", MetaVocabulary.billingEvents) {
                    changes.append(("billing_event", .string(billing)))
                }
                let hasLifetime = lifetime != nil || entity.fields["lifetime_budget"] != nil
                if hasLifetime, end == nil, entity.fields["end_time"] == nil {
                    throw Self.endTimeRequired
                }
            } else if params.has("objective"),
                try params.string("objective") != entity.fields["objective"]?.string
            {
                throw MetaError.invalid("Objective Can't Be Changed", "A campaign's objective can't be changed.")
            }
        case MetaKind.ad:
            if let creative = try params.object("creative") {
                let creativeID = try creativeReference(creative, account: entity.accountID, world: world)
                changes.append(("creative", .object([("id", .string(creativeID))])))
            }
        case MetaKind.creative:
            let allowed: Set<String> = ["name", "status", "access_token", "appsecret_proof", "execution_options"]
            if let other = params.values.keys.sorted().first(where: { !allowed.contains($0) }) {
                throw MetaError.param("Cannot update field \(other) of an ad creative; create a new creative instead.")
            }
        default:
            throw MetaError.unsupportedMethod("POST", path: entity.id)
        }
        if let status { changes.append(("status", .string(status))) }
        if try Self.validateOnly(params) { return Self.success }
        var landing: String?
        if entity.kind == MetaKind.ad, let creativeID = changes.first(where: { $0.0 == "creative" })?.1["id"]?.text {
            landing = world.entity(Self.platformID, creativeID)?.landingURL
        }
        let timestamp = world.now
        changes.append(("updated_time", .string(MetaTime.format(timestamp))))
        world.update(Self.platformID, entity.id) { stored, now in
            for (key, value) in changes {
                stored.fields =
                    value == .null ? Self.removing(key, from: stored.fields) : stored.fields.setting(key, value)
            }
            if let name { stored.name = name }
            if let daily { stored.dailyBudgetMicros = MetaNumbers.micros(minor: daily) }
            if let lifetime { stored.lifetimeBudgetMicros = MetaNumbers.micros(minor: lifetime) }
            if let start { stored.scheduleStart = start }
            if let end { stored.scheduleEnd = end }
            if let landing { stored.landingURL = landing }
            if let status { Self.apply(status: status, to: &stored, at: now) }
        }
        if status == "DELETED" { cascadeDelete(from: entity, world: world) }
        if status != nil { notifyStatusChange(of: entity.id, from: entity.fields["status"]?.string, world: world) }
        return Self.success
    }

    /// The new budget of an update, checked: at least $1.00, the same kind as before (Meta does not switch a
    /// daily budget to a lifetime one), and only where the budget lives (campaign with CBO, else ad set).
    private func budgetChange(
        of entity: MockEntity, params: MetaParams, world: MockWorld
    ) throws(MetaError)
        -> (Int64?, Int64?)
    {
        let daily = try params.unsignedInt("daily_budget")
        let lifetime = try params.unsignedInt("lifetime_budget")
        guard daily != nil || lifetime != nil else { return (nil, nil) }
        let object = entity.kind == MetaKind.campaign ? "campaign" : "ad set"
        if daily != nil, lifetime != nil { throw Self.bothBudgets }
        try Self.checkBudget(daily ?? lifetime, for: object)
        let hasDaily = entity.fields["daily_budget"] != nil
        let hasLifetime = entity.fields["lifetime_budget"] != nil
        if (daily != nil && hasLifetime) || (lifetime != nil && hasDaily) {
            throw MetaError.invalid(
                "Budget Type Can't Be Changed",
                "This \(object) has a \(hasDaily ? "daily" : "lifetime") budget; its budget type can't be changed.")
        }
        if !hasDaily, !hasLifetime {
            if entity.kind == MetaKind.adSet {
                if let campaignID = entity.parentID, let campaign = world.entity(Self.platformID, campaignID),
                    campaign.fields["daily_budget"] != nil || campaign.fields["lifetime_budget"] != nil
                {
                    throw Self.campaignBudgetInUse
                }
            } else {
                let budgeted = world.children(
                    Self.platformID, of: entity.id, kind: MetaKind.adSet, account: entity.accountID
                ) { $0.fields["daily_budget"] != nil || $0.fields["lifetime_budget"] != nil }
                if !budgeted.isEmpty {
                    throw MetaError.invalid(
                        "Ad Set Budgets In Use",
                        "This campaign's ad sets have their own budgets; remove them before setting a campaign budget.")
                }
            }
        }
        return (daily, lifetime)
    }

    // MARK: - Deleting

    /// `DELETE /{id}`: status `DELETED`, hidden from lists, children deleted with it; `{"success":true}`.
    func delete(_ entity: MockEntity, world: MockWorld) throws(MetaError) -> MockResponse {
        guard entity.kind != MetaKind.reportRun else { throw MetaError.unsupportedMethod("DELETE", path: entity.id) }
        guard !entity.deleted else { return Self.success }
        world.update(Self.platformID, entity.id) { stored, now in
            Self.apply(status: "DELETED", to: &stored, at: now)
            stored.fields = stored.fields.setting("updated_time", .string(MetaTime.format(now)))
        }
        cascadeDelete(from: entity, world: world)
        notifyStatusChange(of: entity.id, from: entity.fields["status"]?.string, world: world)
        return Self.success
    }

    /// Deletes a campaign's ad sets and ads, or an ad set's ads, as Meta does.
    func cascadeDelete(from entity: MockEntity, world: MockWorld) {
        var parents: Set<String> = [entity.id]
        let kinds: [String]
        switch entity.kind {
        case MetaKind.campaign: kinds = [MetaKind.adSet, MetaKind.ad]
        case MetaKind.adSet: kinds = [MetaKind.ad]
        default: return
        }
        for kind in kinds {
            let children = world.children(Self.platformID, of: parents, kind: kind, account: entity.accountID)
            for child in children {
                parents.insert(child.id)
                world.update(Self.platformID, child.id) { stored, now in
                    Self.apply(status: "DELETED", to: &stored, at: now)
                }
            }
        }
    }

    /// Applies a configured status: active intervals for delivery, `deleted` for `DELETED`.
    static func apply(status: String, to entity: inout MockEntity, at now: Date) {
        entity.fields = entity.fields.setting("status", .string(status))
        entity.setActive(status == "ACTIVE", at: now)
        if status == "DELETED" { entity.deleted = true }
    }

    /// `{"success":true}`.
    static let success = MockResponse.json(.object([("success", .bool(true))]))

    /// Whether `execution_options` asks only to validate.
    static func validateOnly(_ params: MetaParams) throws(MetaError) -> Bool {
        guard params.has("execution_options") else { return false }
        let options = try params.list("execution_options") ?? []
        for option in options
        where !["validate_only", "include_recommendations", "synchronous_ad_review"].contains(option) {
            throw MetaError.notInEnum(
                "execution_options[0]", ["validate_only", "include_recommendations", "synchronous_ad_review"])
        }
        return options.contains("validate_only")
    }
}
