import AdPlatformKit
import Foundation
import Trafficking

/// Automation rules run on what the engine keeps: rules validated as a whole and stored (``RuleStore``), previews
/// over the live entities and their synced metrics, and runs whose every action is recorded in the rule history
/// before it is requested through ``TraffickingEngine/requestAction(_:)``, so it is durable and run by the worker
/// exactly once, and whose notifications go out signed, with retries.
///
/// It reads the time from the store's clock, never the wall clock. The CLI, the REST API and the scheduler
/// (``AutomationScheduler``) share it.
public struct Automator: Sendable {
    /// The engine: its store, registry and lifecycle actions.
    public let engine: TraffickingEngine
    /// The limits every rule is held to.
    public var guardrails: Guardrails
    /// Signs notifications; without one, a notify action errors and is reported as such.
    public var signer: WebhookSigner?
    /// Sends notifications; without one, signed notifications are reported as not sent.
    public var sender: WebhookSender?

    /// An automator over an engine.
    public init(
        engine: TraffickingEngine, guardrails: Guardrails = .standard, signer: WebhookSigner? = nil,
        sender: WebhookSender? = nil
    ) {
        self.engine = engine
        self.guardrails = guardrails
        self.signer = signer
        self.sender = sender
    }

    /// The validator for the engine's platforms and these guardrails.
    public var validator: RuleValidator { RuleValidator(registry: engine.registry, guardrails: guardrails) }

    // MARK: - Rules

    /// Validates the rule as a whole and stores it. Throws ``RuleRefusal`` listing every problem, or
    /// ``AutomatorError`` `ruleExists`.
    public func add(_ rule: Rule) async throws -> StoredRule {
        try validator.check(rule)
        do {
            return try await engine.store.createRule(try Self.stored(rule))
        } catch let error as StoreError where error.code == .conflict {
            throw AutomatorError(.ruleExists, field: "id", "a rule with id '\(rule.id)' already exists")
        }
    }

    /// Validates the rule and replaces the stored one with its id. With `expectedVersion`, refuses an edit made
    /// on an older version (``AutomatorError`` `versionConflict`) rather than lose the change in between.
    public func replace(_ rule: Rule, expectedVersion: Int? = nil) async throws -> StoredRule {
        try validator.check(rule)
        return try await update(try Self.stored(rule), expectedVersion: expectedVersion)
    }

    /// Switches a stored rule on or off; a rule switched on is due at once.
    public func setEnabled(_ id: String, _ enabled: Bool) async throws -> StoredRule {
        var (rule, stored) = try await rule(id)
        rule.enabled = enabled
        // The version read: an edit that lands in between is not overwritten; the caller can try again.
        return try await update(try Self.stored(rule), expectedVersion: stored.version)
    }

    /// Deletes a stored rule; its history stays. Throws ``AutomatorError`` `ruleNotFound`.
    public func delete(_ id: String) async throws {
        guard try await engine.store.deleteRule(id) else { throw Self.notFound(id) }
    }

    /// A stored rule, read back. Throws ``AutomatorError`` `ruleNotFound` or `unreadableRule`.
    public func rule(_ id: String) async throws -> (rule: Rule, stored: StoredRule) {
        guard let stored = try await engine.store.rule(id) else { throw Self.notFound(id) }
        return (try Self.definition(of: stored), stored)
    }

    // MARK: - Previews and runs

    /// A dry run of a stored rule at the store's time: every entity in scope, evaluated and matched (with the
    /// values that matched), skipped and why, or errored. Nothing is requested, sent or recorded.
    public func preview(_ id: String) async throws -> RulePlan {
        try await preview(try await rule(id).rule)
    }

    /// A dry run of a rule that need not be stored, such as an edit before it is saved. Throws ``RuleRefusal``
    /// when the rule is not valid.
    public func preview(_ rule: Rule) async throws -> RulePlan {
        try validator.check(rule)
        let now = engine.store.clock.now
        let inputs = try await AutomationInputs.load(for: [rule], engine: engine, guardrails: guardrails, now: now)
        return try runner(inputs).preview(rule, history: inputs.history, now: now)
    }

    /// Runs the enabled rules that are due at the store's time, claiming them so that no other scheduler sharing
    /// the store runs them too. A stored rule this version cannot read is skipped and reported in `unreadable`.
    public func runDue() async throws -> (reports: [RuleRunReport], unreadable: [AutomatorError]) {
        let claimed = try await engine.store.claimDueRules(now: engine.store.clock.now)
        var rules: [Rule] = []
        var unreadable: [AutomatorError] = []
        for stored in claimed {
            do {
                rules.append(try Self.definition(of: stored))
            } catch let error as AutomatorError {
                unreadable.append(error)
            }
        }
        return (try await run(rules), unreadable)
    }

    /// Runs one stored rule now, whether due or not (a person pressing "run now"); a disabled rule runs too.
    public func runNow(_ id: String) async throws -> RuleRunReport? {
        var rule = try await rule(id).rule
        rule.enabled = true
        return try await run([rule]).first
    }

    /// Runs the rules in order at the store's time: plans them over one set of inputs, records every planned
    /// action in the history, then requests the lifecycle actions and sends the notifications, recording what
    /// came of each.
    public func run(_ rules: [Rule]) async throws -> [RuleRunReport] {
        var reports: [RuleRunReport] = []
        for plan in try await record(rules) {
            reports.append(try await carryOut(plan))
        }
        return reports
    }

    /// The first half of a run: plans the rules and writes every planned action to the history, each with the id
    /// its lifecycle action will be requested under. Nothing is requested or sent yet; a process that stops here
    /// loses nothing, as ``resume()`` carries the recorded actions out.
    public func record(_ rules: [Rule]) async throws -> [RecordedPlan] {
        guard !rules.isEmpty else { return [] }
        let now = engine.store.clock.now
        let compiled = rules.compactMap { try? CompiledRule($0) }
        var inputs = try await AutomationInputs.load(for: rules, engine: engine, guardrails: guardrails, now: now)
        let plans = runner(inputs).run(compiled, history: &inputs.history, now: now)
        let accounts = Dictionary(
            inputs.entities.map { ($0.key.campaignID, $0.accountID) }, uniquingKeysWith: { first, _ in first })

        var recorded: [RecordedPlan] = []
        var records: [RuleExecutionRecord] = []
        for plan in plans {
            let requests = plan.requests.map { request in
                var request = request
                request.id = UUID.timeOrdered(at: now)
                return request
            }
            var ids: [UUID] = []
            for execution in plan.executions {
                // One id per execution, in the plan's order, even for one left unrecorded (its campaign vanished
                // from the inputs), so the ids stay aligned with the executions.
                let id = UUID.timeOrdered(at: now)
                ids.append(id)
                guard let account = accounts[execution.entity.campaignID] else { continue }
                let planned = requests.first { Self.request($0, covers: execution) }?.id
                records.append(try execution.record(id: id, accountID: account, plannedActionID: planned))
            }
            recorded.append(RecordedPlan(plan: plan, requests: requests, recordIDs: ids))
        }
        // Every execution is on record, in one write, before anything is asked for.
        try await engine.store.recordRuleExecutions(records)
        return recorded
    }

    /// The second half of a run: requests the plan's lifecycle actions under their planned ids and sends its
    /// notifications, linking each recorded execution to what came of it.
    public func carryOut(_ recorded: RecordedPlan) async throws -> RuleRunReport {
        let plan = recorded.plan
        var report = RuleRunReport(plan: plan)
        var links: [RuleExecutionLink] = []
        let executions = Array(zip(plan.executions, recorded.recordIDs))
        for request in recorded.requests {
            let covered = executions.filter { Self.request(request, covers: $0.0) }.map(\.1)
            let (actionID, refusal) = try await requestAction(request)
            if let actionID {
                report.actionIDs.append(actionID)
                links += covered.map { RuleExecutionLink(recordID: $0, actionID: actionID) }
            } else if let refusal {
                report.refusals.append(refusal)
                links += covered.map { RuleExecutionLink(recordID: $0, response: refusal, failed: true) }
            }
        }
        for delivery in plan.notifications {
            let response =
                await sender?.send(delivery)
                ?? PlatformResponse(succeeded: false, message: "no webhook sender is configured")
            report.deliveries.append((delivery.url, response))
            let covered = executions.filter { execution, _ in
                if case .notify(let url) = execution.action { return url == delivery.url }
                return false
            }
            links += covered.map {
                RuleExecutionLink(recordID: $0.1, response: response.message, failed: !response.succeeded)
            }
        }
        try await engine.store.linkRuleExecutions(links)
        return report
    }

    /// Carries out the actions recorded in the last day but never requested or never linked, because the process
    /// that recorded them stopped: each is requested under its planned id, so one that was requested before the
    /// stop is found, not stored twice. Returns the lifecycle actions now linked. The scheduler calls it every
    /// tick before the due rules.
    public func resume() async throws -> [UUID] {
        let since = engine.store.clock.now.addingTimeInterval(-86_400)
        let lines = try await engine.store.unlinkedRuleExecutions(since: since, limit: 1_000)
        var byAction: [UUID: [RuleExecutionRecord]] = [:]
        var order: [UUID] = []
        for line in lines {
            guard let planned = line.plannedActionID else { continue }
            if byAction[planned] == nil { order.append(planned) }
            byAction[planned, default: []].append(line)
        }
        var linked: [UUID] = []
        var links: [RuleExecutionLink] = []
        for planned in order {
            guard let group = byAction[planned], let request = Self.request(planned, for: group) else { continue }
            let (actionID, refusal) = try await requestAction(request)
            if let actionID {
                linked.append(actionID)
                links += group.map { RuleExecutionLink(recordID: $0.id, actionID: actionID) }
            } else if let refusal {
                links += group.map { RuleExecutionLink(recordID: $0.id, response: refusal, failed: true) }
            }
        }
        try await engine.store.linkRuleExecutions(links)
        return linked
    }

    /// The lifecycle action request that carries a group of recorded executions planned under one id, rebuilt from
    /// their entities and new values; `nil` when a line cannot be read back.
    static func request(_ planned: UUID, for group: [RuleExecutionRecord]) -> ActionRequest? {
        let executions = group.compactMap(RuleExecution.init(record:))
        guard let first = executions.first, executions.count == group.count else { return nil }
        let kind: ActionKind
        switch (first.action, first.newValue) {
        case (.pause, _): kind = .pause
        case (.unpause, _): kind = .resume
        case (.changeBudget, .budget(let budget)?): kind = .budget(budget)
        case (.changeBid, .bid(let bid)?): kind = .bid(bid)
        default: return nil
        }
        return ActionRequest(
            campaignID: first.entity.campaignID, kind: kind, level: first.entity.level,
            entityIDs: executions.map(\.entity.platformID), requestedBy: "rule:\(first.ruleID)", id: planned)
    }

    /// Requests one action: its id, or the engine's refusal. Other failures (the store) are thrown.
    private func requestAction(_ request: ActionRequest) async throws -> (UUID?, String?) {
        do {
            return (try await engine.requestAction(request).id, nil)
        } catch let error as ActionError {
            return (nil, error.message)
        }
    }

    /// Whether the lifecycle action request carries the execution: the same campaign, level and entity, and the
    /// kind the action asks for.
    static func request(_ request: ActionRequest, covers execution: RuleExecution) -> Bool {
        guard request.campaignID == execution.entity.campaignID, request.level == execution.entity.level,
            request.entityIDs.contains(execution.entity.platformID)
        else { return false }
        switch (execution.action, request.kind) {
        case (.pause, .pause), (.unpause, .resume), (.changeBudget, .budget), (.changeBid, .bid): return true
        default: return false
        }
    }

    // MARK: - History

    /// The rules' history, newest first: of one rule, one campaign, both or all.
    public func history(rule: String?, campaign: UUID?, page: PageRequest) async throws -> Page<RuleExecutionRecord> {
        try await engine.store.ruleExecutions(rule: rule, campaign: campaign, since: nil, page: page)
    }

    // MARK: - Helpers

    private func runner(_ inputs: AutomationInputs) -> RuleRunner {
        RuleRunner(
            evaluator: RuleEvaluator(entities: inputs.entities, metrics: inputs.metrics),
            planner: RulePlanner(
                guardrails: guardrails, platforms: validator.platforms.map(\.value), signer: signer))
    }

    private func update(_ stored: StoredRule, expectedVersion: Int?) async throws -> StoredRule {
        do {
            return try await engine.store.updateRule(stored, expectedVersion: expectedVersion)
        } catch let error as StoreError where error.code == .notFound {
            throw Self.notFound(stored.id)
        } catch let error as StoreError where error.code == .conflict {
            throw AutomatorError(.versionConflict, field: "version", error.message)
        }
    }

    /// The stored form of a rule.
    static func stored(_ rule: Rule) throws -> StoredRule {
        StoredRule(
            id: rule.id, name: rule.name, enabled: rule.enabled,
            everyMinutes: max(rule.schedule.everyMinutes, RuleSchedule.minimumMinutes),
            definitionJSON: String(decoding: try RuleCoding.encodeJSON(rule), as: UTF8.self))
    }

    /// The rule a stored one holds, with its enabled state from the column (which ``setEnabled(_:_:)`` changes).
    /// Throws ``AutomatorError`` `unreadableRule` when this version cannot read it.
    public static func definition(of stored: StoredRule) throws -> Rule {
        do {
            var rule = try RuleCoding.decodeJSON(Data(stored.definitionJSON.utf8))
            rule.enabled = stored.enabled
            return rule
        } catch {
            throw AutomatorError(
                .unreadableRule, field: "id",
                "rule '\(stored.id)' is stored in a form this version cannot read: \(error)")
        }
    }

    private static func notFound(_ id: String) -> AutomatorError {
        AutomatorError(.ruleNotFound, field: "id", "no rule '\(id)'")
    }
}
