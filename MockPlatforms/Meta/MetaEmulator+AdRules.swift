import Foundation

/// Meta's ad-rules library (reference `ops-anchors.md` §1): `POST`/`GET act_{id}/adrules_library`, `GET`/`POST`/
/// `DELETE /{rule_id}`, `POST /{rule_id}/execute`, `POST /{rule_id}/preview`, `GET /{rule_id}/history` and
/// `GET act_{id}/adrules_history`. Specs arrive as JSON strings in form fields, as Meta's docs and SDK send them;
/// rules are stored as `adrule` entities of their account. Runs are in `MetaEmulator+AdRuleRuns.swift`.
extension MetaEmulator {
    /// Meta's documented cap: 250 automated rules per ad account, enabled and disabled ones alike.
    static let adRulesPerAccount = 250

    /// The fields of an `AdRuleHistory` entry (SDK `AdRuleHistory.Field`).
    static let adRuleHistoryFields: Set<String> = [
        "evaluation_spec", "exception_code", "exception_message", "execution_spec", "is_manual", "results", "rule_id",
        "schedule_spec", "timestamp",
    ]

    // MARK: - The library

    /// `POST act_{id}/adrules_library`: `name`, `evaluation_spec` and `execution_spec` required, `schedule_spec`
    /// and `status` (`ENABLED` or `DISABLED`) optional; answers `{"id":…}`.
    func createAdRule(_ call: MetaCall, account: String, world: MockWorld) throws(MetaError) -> MockResponse {
        let params = call.params
        let name = try params.requiredString("name")
        guard let evaluation = try params.object("evaluation_spec") else { throw MetaError.required("evaluation_spec") }
        guard let execution = try params.object("execution_spec") else { throw MetaError.required("execution_spec") }
        let status = try params.enumValue("status", MetaAdRuleVocabulary.statuses) ?? "ENABLED"
        guard status == "ENABLED" || status == "DISABLED" else {
            throw MetaError.param("param status must be ENABLED or DISABLED when a rule is created.")
        }
        let spec = try MetaAdRule.parse(
            evaluation: evaluation, execution: execution, schedule: try params.object("schedule_spec"))
        try checkAdRule(spec, account: account, world: world)
        return try adRuleScheduler.exclusively { () throws(MetaError) -> MockResponse in
            // Counted under the scheduler's lock, so concurrent creates cannot pass the cap together.
            let count = world.entities(Self.platformID, kind: MetaKind.adRule, account: account).count
            guard count < Self.adRulesPerAccount else {
                throw MetaError.invalid(
                    "Rule Limit Reached",
                    "An ad account can have at most \(Self.adRulesPerAccount) automated rules; delete a rule before "
                        + "creating another.")
            }
            let now = world.now
            let id = world.mintID(.meta)
            var fields: [(String, MockJSON)] = [
                ("id", .string(id)), ("account_id", .string(MetaCall.accountDigits(account))), ("name", .string(name)),
                ("status", .string(status)), ("evaluation_spec", evaluation), ("execution_spec", execution),
            ]
            if let schedule = spec.schedule { fields.append(("schedule_spec", schedule.json)) }
            fields += [
                ("created_by", .object([("id", .string("100000000000001")), ("name", .string("AdOps Mock User"))])),
                ("created_time", .string(MetaTime.format(now))), ("updated_time", .string(MetaTime.format(now))),
                ("_state", MetaAdRuleState(createdAt: now).json),
            ]
            world.insert(
                MockEntity(
                    platform: Self.platformID, kind: MetaKind.adRule, id: id, accountID: account, parentID: nil,
                    name: name, fields: .object(fields), createdAt: now, role: .passive, active: false))
            return .json(.object([("id", .string(id))]))
        }
    }

    /// What Meta checks beyond the specs' own shape: error 2703 behind its switch, and `id` filters naming
    /// campaigns, ad sets or ads of the account, all of one level, and of the level the execution acts on.
    private func checkAdRule(_ spec: MetaAdRule, account: String, world: MockWorld) throws(MetaError) {
        if settings.values.adRulesRefuseCostPause, spec.executionType == "PAUSE",
            let field = spec.costConditions.first
        {
            throw MetaError(
                code: 2703, message: "(#2703) Rules that turn off ads can't have cost conditions.",
                userTitle: "Rule Can't Have Cost Conditions",
                userMessage: "Rules that turn off ads can't have cost conditions; remove the \(field) condition.")
        }
        guard let ids = spec.ids else { return }
        guard !ids.isEmpty else { throw MetaError.param("evaluation_spec[filters] id filter names no objects.") }
        var kinds: Set<String> = []
        for id in ids {
            guard let entity = world.entity(Self.platformID, id), entity.accountID == account, !entity.deleted,
                [MetaKind.campaign, MetaKind.adSet, MetaKind.ad].contains(entity.kind)
            else {
                throw MetaError.param(
                    "evaluation_spec[filters] id \(id) is not a campaign, ad set or ad of \(account).")
            }
            kinds.insert(entity.kind)
        }
        guard kinds.count == 1, let kind = kinds.first else {
            throw MetaError.param("evaluation_spec[filters] id names objects of several levels; a rule acts at one.")
        }
        if let expected = spec.kind, expected != kind {
            throw MetaError.param("evaluation_spec[filters] id names objects that are not of entity_type.")
        }
        let needed: String? =
            switch spec.executionType {
            case "CHANGE_BUDGET", "CHANGE_BID": MetaKind.adSet
            case "CHANGE_CAMPAIGN_BUDGET": MetaKind.campaign
            default: nil
            }
        if let needed, needed != kind {
            throw MetaError.param(
                "execution_spec[execution_type] \(spec.executionType) acts on "
                    + "\(Self.adRuleObjectType(needed)) objects only.")
        }
    }

    // MARK: - A rule node

    /// `/{rule_id}`: read, update (`name`, `status`, whole specs) or delete.
    func adRuleNode(_ rule: MockEntity, call: MetaCall, world: MockWorld) throws(MetaError) -> MockResponse {
        switch call.method {
        case "GET":
            let selection = try MetaFieldSelection(call.params, kind: rule.kind, defaults: ["id"])
            return .json(try render(rule, selection: selection, world: world))
        case "POST":
            return try updateAdRule(rule, call: call, world: world)
        default:
            adRuleScheduler.exclusively { deleteAdRule(rule.id, world: world) }
            return Self.success
        }
    }

    /// `POST /{rule_id}`: a status-only change needs no spec; a spec is replaced whole (Meta's docs: send every
    /// filter again), and checked with the rule's other specs.
    private func updateAdRule(_ rule: MockEntity, call: MetaCall, world: MockWorld) throws(MetaError) -> MockResponse {
        let params = call.params
        let status = try params.enumValue("status", MetaAdRuleVocabulary.statuses)
        if rule.deleted {
            guard status == "DELETED" else {
                throw MetaError.invalid("Object Deleted", "This rule was deleted and can no longer be edited.")
            }
            return Self.success
        }
        if status == "HAS_ISSUES" {
            throw MetaError.param("param status HAS_ISSUES is set by Meta, not by an update.")
        }
        let name = try params.has("name") ? params.requiredString("name") : nil
        let newEvaluation = try params.object("evaluation_spec")
        let newExecution = try params.object("execution_spec")
        let newSchedule = try params.object("schedule_spec")
        var scheduleJSON: MockJSON?
        if newEvaluation != nil || newExecution != nil || newSchedule != nil {
            let evaluation = newEvaluation ?? rule.fields["evaluation_spec"] ?? .null
            // A stored schedule stays unless the rule becomes a TRIGGER rule, which takes none.
            let keptSchedule = evaluation["evaluation_type"]?.string == "TRIGGER" ? nil : rule.fields["schedule_spec"]
            let spec = try MetaAdRule.parse(
                evaluation: evaluation, execution: newExecution ?? rule.fields["execution_spec"] ?? .null,
                schedule: newSchedule ?? keptSchedule)
            try checkAdRule(spec, account: rule.accountID, world: world)
            scheduleJSON = spec.schedule?.json ?? .null
        }
        adRuleScheduler.exclusively {
            if status == "DELETED" {
                deleteAdRule(rule.id, world: world)
                return
            }
            world.update(Self.platformID, rule.id) { stored, now in
                var fields = stored.fields
                if let name {
                    stored.name = name
                    fields = fields.setting("name", .string(name))
                }
                if status == "ENABLED", stored.fields["status"]?.string != "ENABLED" {
                    // A rule enabled again runs at its next half hour, not for those it missed while disabled.
                    var state = MetaAdRuleState(stored)
                    state.lastEvaluated = now
                    fields = fields.setting("_state", state.json)
                }
                if let status { fields = fields.setting("status", .string(status)) }
                if let newEvaluation { fields = fields.setting("evaluation_spec", newEvaluation) }
                if let newExecution { fields = fields.setting("execution_spec", newExecution) }
                if let scheduleJSON {
                    fields =
                        scheduleJSON == .null
                        ? Self.removing("schedule_spec", from: fields) : fields.setting("schedule_spec", scheduleJSON)
                }
                stored.fields = fields.setting("updated_time", .string(MetaTime.format(now)))
            }
        }
        return Self.success
    }

    /// Marks a rule deleted: it leaves the library and stops running; its history stays readable.
    private func deleteAdRule(_ id: String, world: MockWorld) {
        world.update(Self.platformID, id) { stored, now in
            stored.deleted = true
            stored.fields = stored.fields.setting("status", .string("DELETED"))
                .setting("updated_time", .string(MetaTime.format(now)))
        }
    }

    /// `/{rule_id}/execute`, `/{rule_id}/preview` and `/{rule_id}/history`.
    func adRuleEdge(
        _ rule: MockEntity, edge: String, call: MetaCall, world: MockWorld
    ) throws(MetaError) -> MockResponse {
        switch (call.method, edge) {
        case ("POST", "execute"), ("POST", "preview"):
            guard !rule.deleted else { throw MetaError.notFound(rule.id, method: call.method) }
            let preview = edge == "preview"
            let (current, results) = try adRuleScheduler.exclusively {
                () throws(MetaError) -> (MockEntity, [MockJSON]) in
                let current = world.entity(Self.platformID, rule.id) ?? rule
                let spec = try Self.storedAdRule(current)
                var state = MetaAdRuleState(current)
                let results = runAdRule(
                    current, spec: spec, state: &state, mode: preview ? .preview : .manual, world: world)
                if !preview { saveAdRuleState(state, of: rule.id, world: world) }
                return (current, results)
            }
            guard preview else { return Self.success }
            // The preview's shape is undocumented (reference §1.1): the rule, with what a run would do now.
            var members: [(String, MockJSON)] = [("id", .string(current.id))]
            for name in ["name", "status", "evaluation_spec", "execution_spec", "schedule_spec"] {
                if let value = current.fields[name] { members.append((name, value)) }
            }
            members.append(("results", .array(results)))
            return .json(.object(members))
        case ("GET", "history"):
            let state = MetaAdRuleState(rule)
            let entries = state.history.reversed().map { entry in
                (key: "\(rule.id):\(entry["_seq"]?.int64 ?? 0)", entry: entry)
            }
            return try adRuleHistory(entries, call: call, includeRuleID: false)
        default:
            throw Self.nonexistingField(edge, kind: rule.kind)
        }
    }

    /// `GET act_{id}/adrules_history`: every rule's entries (deleted rules' too), newest first, each with `rule_id`.
    func accountAdRuleHistory(_ call: MetaCall, account: String, world: MockWorld) throws(MetaError) -> MockResponse {
        let rules = world.entities(Self.platformID, kind: MetaKind.adRule, account: account, includeDeleted: true)
        var entries: [(key: String, entry: MockJSON, time: Int64, sequence: Int64)] = []
        for rule in rules {
            for entry in MetaAdRuleState(rule).history {
                let sequence = entry["_seq"]?.int64 ?? 0
                let time = entry["timestamp"]?.string.flatMap(MetaTime.parse).map { Int64(MetaTime.epochSeconds($0)) }
                entries.append(("\(rule.id):\(sequence)", entry, time ?? 0, sequence))
            }
        }
        entries.sort { ($0.time, $0.sequence, $0.key) > ($1.time, $1.sequence, $1.key) }
        return try adRuleHistory(entries.map { (key: $0.key, entry: $0.entry) }, call: call, includeRuleID: true)
    }

    /// A page of history entries, filtered by `action`, `object_id`, `hide_no_changes` and `evaluation_type`.
    private func adRuleHistory(
        _ entries: [(key: String, entry: MockJSON)], call: MetaCall, includeRuleID: Bool
    ) throws(MetaError) -> MockResponse {
        let params = call.params
        let action = try params.string("action")
        let objectID = try params.string("object_id")
        let hideNoChanges = try params.bool("hide_no_changes") ?? false
        let evaluationType = try includeRuleID ? params.string("evaluation_type") : nil
        if let evaluationType, !MetaAdRuleVocabulary.evaluationTypes.contains(evaluationType) {
            throw MetaError.notInEnum("evaluation_type", MetaAdRuleVocabulary.evaluationTypes.ordered)
        }
        var names: [String]?
        if let requested = try params.list("fields"), !requested.isEmpty {
            for name in requested where !Self.adRuleHistoryFields.contains(name) {
                throw MetaError.param("Tried accessing nonexisting field (\(name)) on node type (AdRuleHistory)")
            }
            names = requested
        }
        let pager = try MetaPager(params)
        var items: [(position: Int, key: String, item: MockJSON)] = []
        for (position, (key, entry)) in entries.enumerated() {
            if let evaluationType, entry["evaluation_spec"]?["evaluation_type"]?.string != evaluationType { continue }
            var results = entry["results"]?.array ?? []
            if let objectID { results = results.filter { $0["object_id"]?.string == objectID } }
            if let action {
                results = results.filter { result in
                    (result["actions"]?.array ?? []).contains { $0["action"]?.string == action }
                }
            }
            if hideNoChanges {
                results = results.filter { result in
                    (result["actions"]?.array ?? []).contains { $0["action"]?.string != "NOT_CHANGED" }
                }
            }
            let filtered = objectID != nil || action != nil || hideNoChanges
            if filtered, results.isEmpty { continue }
            var members: [(String, MockJSON)] = []
            for (name, value) in entry.members ?? [] where name != "_seq" {
                if name == "rule_id", !includeRuleID { continue }
                if let names, !names.contains(name) { continue }
                members.append((name, name == "results" ? .array(results) : value))
            }
            items.append((position, key, .object(members)))
        }
        let (page, paging) = try pager.page(
            items, position: { key in entries.firstIndex { $0.key == key } }, call: call)
        var body: [(String, MockJSON)] = [("data", .array(page))]
        if let paging { body.append(("paging", paging)) }
        return .json(.object(body))
    }
}
