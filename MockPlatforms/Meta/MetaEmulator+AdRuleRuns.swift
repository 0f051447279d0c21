import Foundation

/// Running ad rules: which objects a rule's filters select, what it does to them, and the history it writes.
///
/// **When rules run.** Nothing happens in virtual time unless the clock moves, so rules are evaluated when it does:
/// - the control plane's `POST /_mock/clock` steps the clock half hour by half hour and runs, at each, the SCHEDULE
///   rules whose `schedule_spec` names it and every TRIGGER rule (``advanceClock(to:world:)``);
/// - any Graph request that finds the clock moved since the last pass (moved in-process by `MockWorld.advance` or
///   `setClock`, or by a restored state) runs one pass first: a SCHEDULE rule with at least one due half hour in
///   the time passed runs once, at the new time, however many half hours the jump skipped.
/// `POST /{rule_id}/execute` runs a rule at once, and `POST /{rule_id}/preview` works out what it would do.
extension MetaEmulator {
    /// How a run was asked for.
    enum AdRuleRunMode {
        /// By its schedule or trigger.
        case automatic
        /// By `POST /{rule_id}/execute`: acts on every object that matches now, trigger edges aside.
        case manual
        /// By `POST /{rule_id}/preview`: works out the actions and changes nothing.
        case preview
    }

    /// One object a rule looked at: what it is, whether its filters hold, and its trigger and target values.
    private struct AdRuleCandidate {
        var entity: MockEntity
        var matched: Bool
        var triggerValue: Double?
        var targetValue: Double?
    }

    // MARK: - Passes

    /// Runs the rules due since the last pass, if the virtual clock moved since then.
    func runDueAdRules(world: MockWorld) {
        adRuleScheduler.runIfClockMoved(now: world.now) { runAdRulePass(world: world) }
    }

    /// Moves the virtual clock to `target` (never backwards) a half hour at a time, running due rules at each half
    /// hour, so a SEMI_HOURLY rule runs 48 times in a day advanced at once. Jumps beyond a week run the rules once
    /// at the start of the last week and then step through it, which bounds the work of a jump of years.
    func advanceClock(to target: Date, world: MockWorld) {
        guard !adRuleAccounts(world).isEmpty else {
            world.setClock(target)
            return
        }
        runDueAdRules(world: world)
        let step = MetaAdRuleSchedule.step
        let weekBefore = target.addingTimeInterval(-7 * 86_400)
        if weekBefore > world.now {
            world.setClock(weekBefore)
            runDueAdRules(world: world)
        }
        var next = Date(
            timeIntervalSince1970: (world.now.timeIntervalSince1970 / step).rounded(.down) * step + step)
        while next <= target {
            world.setClock(next)
            runDueAdRules(world: world)
            next = next.addingTimeInterval(step)
        }
        world.setClock(target)
        runDueAdRules(world: world)
    }

    /// The accounts holding rules, from the world's creation-order lists (one key per account and kind), so a pass
    /// over a world without rules costs a scan of those keys only.
    func adRuleAccounts(_ world: MockWorld) -> [String] {
        let prefix = Self.platformID + "/"
        let suffix = "/" + MetaKind.adRule
        return world.withState { state in
            state.order.compactMap { key, ids -> String? in
                guard !ids.isEmpty, key.hasPrefix(prefix), key.hasSuffix(suffix) else { return nil }
                return String(key.dropFirst(prefix.count).dropLast(suffix.count))
            }
        }.sorted()
    }

    /// One pass: every enabled rule whose schedule came due, and every enabled TRIGGER rule, at the clock's time.
    private func runAdRulePass(world: MockWorld) {
        let now = world.now
        for account in adRuleAccounts(world) {
            for rule in world.entities(Self.platformID, kind: MetaKind.adRule, account: account)
            where rule.fields["status"]?.string == "ENABLED" {
                guard let spec = try? Self.storedAdRule(rule) else { continue }
                var state = MetaAdRuleState(rule)
                guard now > state.lastEvaluated else { continue }
                let due: Bool
                if let schedule = spec.schedule {
                    due = !schedule.runs(after: state.lastEvaluated, through: now).isEmpty
                } else {
                    due = true
                }
                if due {
                    _ = runAdRule(rule, spec: spec, state: &state, mode: .automatic, world: world)
                }
                state.lastEvaluated = now
                saveAdRuleState(state, of: rule.id, world: world)
            }
        }
    }

    /// Writes a rule's state back to its entity.
    func saveAdRuleState(_ state: MetaAdRuleState, of id: String, world: MockWorld) {
        world.update(Self.platformID, id) { stored, _ in stored.fields = stored.fields.setting("_state", state.json) }
    }

    /// A stored rule's specs, read again.
    static func storedAdRule(_ rule: MockEntity) throws(MetaError) -> MetaAdRule {
        try MetaAdRule.parse(
            evaluation: rule.fields["evaluation_spec"] ?? .null, execution: rule.fields["execution_spec"] ?? .null,
            schedule: rule.fields["schedule_spec"])
    }

    // MARK: - One run

    /// Evaluates a rule now and, unless previewing, acts on what it selects and records a history entry (always
    /// for a manual run; for automatic ones only when an object was selected). Returns the `results`.
    func runAdRule(
        _ rule: MockEntity, spec: MetaAdRule, state: inout MetaAdRuleState, mode: AdRuleRunMode, world: MockWorld
    ) -> [MockJSON] {
        let now = world.now
        let candidates = adRuleCandidates(rule, spec: spec, state: state, world: world)
        var results: [MockJSON] = []
        for candidate in candidates {
            let id = candidate.entity.id
            var object = state.objects[id] ?? MetaAdRuleState.Object()
            let fires: Bool
            switch (mode, spec.triggerType) {
            case (.automatic, "STATS_CHANGE"):
                // Edge-triggered: fires when the conditions go from false to true, again only after going false.
                fires = candidate.matched && !object.matched
                object.matched = candidate.matched
            case (.automatic, "STATS_MILESTONE"):
                let step = spec.trigger.flatMap { MetaAdRuleCondition.number($0.value) } ?? 1
                let reached = Int64(((candidate.triggerValue ?? 0) / step).rounded(.down))
                fires = candidate.matched && reached > object.milestone
                if candidate.matched { object.milestone = max(object.milestone, reached) }
            default:
                fires = candidate.matched
            }
            if mode != .preview { state.objects[id] = object }
            guard fires else { continue }
            let actions = act(on: candidate, spec: spec, object: &object, mode: mode, now: now, world: world)
            if mode != .preview { state.objects[id] = object }
            results.append(
                .object([
                    ("object_id", .string(id)), ("object_type", .string(Self.adRuleObjectType(candidate.entity.kind))),
                    ("actions", .array(actions)),
                ]))
        }
        if mode == .manual || (mode == .automatic && !results.isEmpty) {
            var entry: [(String, MockJSON)] = [
                ("timestamp", .string(MetaTime.format(now))), ("is_manual", .bool(mode == .manual)),
                ("exception_code", .int(0)), ("exception_message", .string("")),
                ("evaluation_spec", rule.fields["evaluation_spec"] ?? .object([])),
                ("execution_spec", rule.fields["execution_spec"] ?? .object([])),
            ]
            if let schedule = rule.fields["schedule_spec"] { entry.append(("schedule_spec", schedule)) }
            entry.append(("results", .array(results)))
            entry.append(("rule_id", .string(rule.id)))
            state.record(.object(entry))
        }
        return results
    }

    /// `AD`, `ADSET` or `CAMPAIGN`.
    static func adRuleObjectType(_ kind: String) -> String {
        switch kind {
        case MetaKind.ad: "AD"
        case MetaKind.adSet: "ADSET"
        default: "CAMPAIGN"
        }
    }

    // MARK: - Selecting objects

    /// The objects in the rule's scope, each with whether every filter (and the trigger's condition) holds.
    ///
    /// The scope is `entity_type` (every object of the level, so objects created later are picked up) or the `id`
    /// list. Without an `effective_status` filter, Meta adds `IN [ACTIVE, PENDING_REVIEW]`, or for UNPAUSE
    /// `NOT_IN [DELETED, ARCHIVED]`. Metrics come from the world's delivery model over the rule's `time_preset`.
    private func adRuleCandidates(
        _ rule: MockEntity, spec: MetaAdRule, state: MetaAdRuleState, world: MockWorld
    ) -> [AdRuleCandidate] {
        let now = world.now
        var entities: [MockEntity]
        if let kind = spec.kind {
            entities = world.entities(Self.platformID, kind: kind, account: rule.accountID)
            if let ids = spec.ids.map(Set.init) { entities = entities.filter { ids.contains($0.id) } }
        } else {
            let found = (spec.ids ?? []).compactMap { world.entity(Self.platformID, $0) }
            let kind = found.first?.kind
            entities = found.filter { $0.kind == kind && $0.accountID == rule.accountID && !$0.deleted }
        }
        // A pass runs before the request that found the clock moved, so whatever carries the time of the last pass
        // was created or changed after it. A change the rule made itself does not trigger it again.
        let last = state.lastEvaluated
        switch spec.triggerType {
        case "METADATA_CREATION": entities = entities.filter { $0.createdAt >= last }
        case "METADATA_UPDATE":
            entities = entities.filter { $0.updatedAt >= last && $0.updatedAt != state.objects[$0.id]?.lastAction }
        default: break
        }
        if !spec.filters.contains(where: { $0.field == "effective_status" }) {
            let unpause = spec.executionType == "UNPAUSE"
            entities = entities.filter { entity in
                let status = effectiveStatus(of: entity, world: world)
                return unpause ? status != "DELETED" && status != "ARCHIVED" : status == "ACTIVE"
            }
        }

        // Every metric of every object over its window, from one delivery model.
        var conditions = spec.filters
        if let trigger = spec.trigger, case .metric = trigger.subject { conditions.append(trigger) }
        var ranges: [(entityID: String, from: Date, to: Date)] = []
        var rangeIndex: [String: Int] = [:]
        func rangeKey(_ source: MockEntity, _ preset: String) -> String {
            let window = MetaAdRuleTimePreset.window(preset, now: now, createdAt: source.createdAt)
            let key = "\(source.id)|\(window.from.timeIntervalSince1970)|\(window.to.timeIntervalSince1970)"
            if rangeIndex[key] == nil {
                rangeIndex[key] = ranges.count
                ranges.append((source.id, window.from, window.to))
            }
            return key
        }
        let defaultPreset = spec.timePreset ?? "LIFETIME"
        var plans: [[(condition: MetaAdRuleCondition, source: MockEntity?, key: String?, isTrigger: Bool)]] = []
        var targetKeys: [String?] = []
        for entity in entities {
            var plan: [(condition: MetaAdRuleCondition, source: MockEntity?, key: String?, isTrigger: Bool)] = []
            for (index, condition) in conditions.enumerated() {
                let isTrigger = index >= spec.filters.count
                switch condition.subject {
                case .metric(let level, let preset, let name):
                    let source = adRuleSource(of: entity, level: level, world: world)
                    let window =
                        name == "daily_ratio_spent" ? "TODAY" : name == "lifetime_ratio_spent" ? "LIFETIME" : nil
                    let key = source.map { rangeKey($0, window ?? preset ?? defaultPreset) }
                    plan.append((condition, source, key, isTrigger))
                case .metadata(let level, _):
                    plan.append((condition, adRuleSource(of: entity, level: level, world: world), nil, isTrigger))
                default:
                    continue
                }
            }
            plans.append(plan)
            targetKeys.append(spec.change?.targetField.map { _ in rangeKey(entity, defaultPreset) })
        }
        let totals = world.deliveries(Self.platformID, ranges)
        func delivered(_ key: String?) -> DeliveryTotals? { key.flatMap { rangeIndex[$0] }.map { totals[$0] } }

        var candidates: [AdRuleCandidate] = []
        for (offset, entity) in entities.enumerated() {
            var matched = true
            var triggerValue: Double?
            for step in plans[offset] {
                let holds: Bool
                switch step.condition.subject {
                case .metric(_, _, let name):
                    let value = step.source.flatMap { source in
                        delivered(step.key).flatMap { Self.adRuleMetric(name, totals: $0, of: source, world: world) }
                    }
                    if step.isTrigger { triggerValue = value }
                    holds =
                        step.isTrigger && spec.triggerType == "STATS_MILESTONE"
                        ? (value ?? 0) >= (MetaAdRuleCondition.number(step.condition.value) ?? 1)
                        : step.condition.matches(number: value)
                case .metadata(_, let name):
                    if step.isTrigger, step.condition.value.array?.isEmpty == true, step.condition.op == "ANY" {
                        holds = true  // METADATA_UPDATE on a field without a value: any update fires.
                    } else {
                        holds = step.condition.matches(
                            text: step.source.flatMap { adRuleMetadata(name, of: $0, now: now, world: world) })
                    }
                default:
                    holds = true
                }
                if !holds { matched = false }
            }
            var targetValue: Double?
            if let field = spec.change?.targetField, let totals = delivered(targetKeys[offset]) {
                targetValue = Self.adRuleMetric(field, totals: totals, of: entity, world: world)
            }
            candidates.append(
                AdRuleCandidate(entity: entity, matched: matched, triggerValue: triggerValue, targetValue: targetValue))
        }
        return candidates
    }

    /// The object a prefixed field reads: the object itself, or its ad set or campaign.
    private func adRuleSource(of entity: MockEntity, level: String?, world: MockWorld) -> MockEntity? {
        guard let level, level != Self.adRuleLevel(entity.kind) else { return entity }
        let parentID: String? =
            switch level {
            case "campaign": entity.kind == MetaKind.adSet ? entity.parentID : entity.fields["campaign_id"]?.string
            case "adset": entity.kind == MetaKind.ad ? entity.parentID : nil
            default: nil
            }
        return parentID.flatMap { world.entity(Self.platformID, $0) }
    }

    private static func adRuleLevel(_ kind: String) -> String {
        switch kind {
        case MetaKind.ad: "ad"
        case MetaKind.adSet: "adset"
        default: "campaign"
        }
    }

    /// An insights field's value from delivery totals; money in minor units (cents), as rule filters take it.
    /// `nil` when undefined, such as a cost per result without results.
    static func adRuleMetric(
        _ name: String, totals: DeliveryTotals, of entity: MockEntity, world: MockWorld
    ) -> Double? {
        let spent = Double(totals.spendMicros) / Double(MetaNumbers.microsPerMinor)
        let impressions = Double(totals.impressions)
        let clicks = Double(totals.clicks)
        // Reach and unique clicks as insights reports them (MetaEmulator+Insights.swift).
        let reach = Double(totals.impressions * 10 / 13)
        let conversions = Double(totals.conversions)
        func ratio(_ top: Double, _ bottom: Double) -> Double? { bottom > 0 ? top / bottom : nil }
        switch name {
        case "spent": return spent
        case "impressions": return impressions
        case "clicks", "link_click": return clicks
        case "unique_clicks": return Double(totals.clicks - totals.clicks / 10)
        case "reach": return reach
        case "frequency": return ratio(impressions, reach)
        case "ctr": return ratio(clicks * 100, impressions)
        case "cpc", "cost_per_link_click": return ratio(spent, clicks)
        case "cpm": return ratio(spent * 1_000, impressions)
        case "cpp": return ratio(spent * 1_000, reach)
        case "results", "offsite_conversion.fb_pixel_purchase": return conversions
        case "cpa", "cost_per", "cost_per_purchase_fb": return ratio(spent, conversions)
        case "website_purchase_roas": return ratio(Double(totals.revenueMicros), Double(totals.spendMicros))
        case "daily_ratio_spent", "lifetime_ratio_spent":
            let field = name == "daily_ratio_spent" ? "daily_budget" : "lifetime_budget"
            var owner: MockEntity? = entity
            while let current = owner, current.fields[field] == nil {
                owner = current.parentID.flatMap { world.entity(platformID, $0) }
            }
            return owner?.fields[field]?.text.flatMap(Double.init).flatMap { ratio(spent, $0) }
        default: return nil
        }
    }

    /// A metadata field's value as text; times as UNIX seconds, `objective` from the campaign.
    private func adRuleMetadata(_ name: String, of entity: MockEntity, now: Date, world: MockWorld) -> String? {
        switch name {
        case "id": return entity.id
        case "name": return entity.name
        case "effective_status": return effectiveStatus(of: entity, world: world)
        case "hours_since_creation": return String(Int(now.timeIntervalSince(entity.createdAt) / 3_600))
        case "created_time", "updated_time", "start_time", "stop_time":
            let key = name == "stop_time" && entity.kind == MetaKind.adSet ? "end_time" : name
            return entity.fields[key]?.string.flatMap(MetaTime.parse).map { String(MetaTime.epochSeconds($0)) }
        case "objective", "buying_type":
            guard entity.kind != MetaKind.campaign else { return entity.fields[name]?.text }
            let campaignID = entity.kind == MetaKind.adSet ? entity.parentID : entity.fields["campaign_id"]?.string
            return campaignID.flatMap { world.entity(Self.platformID, $0) }?.fields[name]?.text
        default:
            return entity.fields[name]?.text
        }
    }

    // MARK: - Acting

    /// What the rule does to one object, as history `actions`; changes it unless previewing.
    private func act(
        on candidate: AdRuleCandidate, spec: MetaAdRule, object: inout MetaAdRuleState.Object, mode: AdRuleRunMode,
        now: Date, world: MockWorld
    ) -> [MockJSON] {
        let entity = world.entity(Self.platformID, candidate.entity.id) ?? candidate.entity
        func action(_ name: String, _ field: String? = nil, old: String? = nil, new: String? = nil) -> MockJSON {
            var members: [(String, MockJSON)] = [("action", .string(name))]
            if let field { members.append(("field", .string(field))) }
            if let old { members.append(("old_value", .string(old))) }
            if let new { members.append(("new_value", .string(new))) }
            return .object(members)
        }
        if spec.executionType == "NOTIFICATION" { return [action("FACEBOOK_NOTIFICATION_SENT")] }
        if let limit = spec.executionCountLimit, object.changes >= limit { return [action("NOT_CHANGED")] }
        if let minutes = spec.actionFrequencyMinutes, let last = object.lastAction,
            now < last.addingTimeInterval(TimeInterval(minutes) * 60)
        {
            return [action("NOT_CHANGED")]
        }
        let apply = mode != .preview
        switch spec.executionType {
        case "PAUSE", "UNPAUSE":
            let target = spec.executionType == "PAUSE" ? "PAUSED" : "ACTIVE"
            let old = entity.fields["status"]?.string ?? "ACTIVE"
            guard old != target else { return [action("NOT_CHANGED", "status", old: old, new: old)] }
            if apply {
                world.update(Self.platformID, entity.id) { stored, now in
                    Self.apply(status: target, to: &stored, at: now)
                    stored.fields = stored.fields.setting("updated_time", .string(MetaTime.format(now)))
                }
                notifyStatusChange(of: entity.id, from: old, world: world)
                object.changes += 1
                object.lastAction = now
            }
            return [action(spec.executionType == "PAUSE" ? "PAUSED" : "UNPAUSED", "status", old: old, new: target)]
        default:
            let isBid = spec.executionType == "CHANGE_BID"
            let field =
                isBid ? "bid_amount" : (entity.fields["daily_budget"] != nil ? "daily_budget" : "lifetime_budget")
            let name = isBid ? "CHANGED_BID" : "CHANGED_BUDGET"
            guard let old = entity.fields[field]?.int64, let change = spec.change,
                var new = change.newValue(from: old, target: candidate.targetValue)
            else {
                // CBO ad sets have no budget of their own, ad sets without a cap no bid: Meta records an error.
                return [action("ERROR", field)]
            }
            // Meta's floor: a budget of at least $1.00, a bid of at least one minor unit.
            new = max(new, isBid ? 1 : 100)
            guard new != old else { return [action("NOT_CHANGED", field, old: String(old), new: String(old))] }
            if apply {
                world.update(Self.platformID, entity.id) { stored, now in
                    // Budgets read back as strings, bids as numbers, as Graph writes them.
                    stored.fields = stored.fields.setting(field, isBid ? .int(new) : .string(String(new)))
                        .setting("updated_time", .string(MetaTime.format(now)))
                    if field == "daily_budget" { stored.dailyBudgetMicros = MetaNumbers.micros(minor: new) }
                    if field == "lifetime_budget" { stored.lifetimeBudgetMicros = MetaNumbers.micros(minor: new) }
                }
                object.changes += 1
                object.lastAction = now
            }
            return [action(name, field, old: String(old), new: String(new))]
        }
    }
}
