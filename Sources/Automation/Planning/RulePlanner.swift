import AdPlatformKit
import Foundation
import Trafficking

/// Turns a rule's matches into lifecycle action requests and notifications, holding every change to the
/// guardrails: the cooldown per rule and entity, the rule's execution limit, the learning freeze, the size of one
/// change and of a day's changes, the number of changes a day and an hour, the rule's bounds and the platform's
/// minimum budget.
///
/// Pure, with time as an input: it never reads the clock, never calls a platform and never stores anything. It
/// records what it plans in the history it is given, so the next rule of the same pass sees those changes.
public struct RulePlanner: Sendable {
    /// The guardrails.
    public let guardrails: Guardrails
    /// The platforms' capabilities, by id: budget placement and minimums, what each level takes.
    public let platforms: [PlatformID: PlatformCapabilities]
    /// Signs notifications; without one, a notify action errors.
    public let signer: WebhookSigner?

    /// A planner.
    public init(guardrails: Guardrails = .standard, platforms: [PlatformCapabilities], signer: WebhookSigner? = nil) {
        self.guardrails = guardrails
        var byID: [PlatformID: PlatformCapabilities] = [:]
        for capabilities in platforms { byID[capabilities.platform] = capabilities }
        self.platforms = byID
        self.signer = signer
    }

    /// Plans the rule's actions for its evaluation at `now`, recording each planned change in `history`.
    public func plan(
        _ rule: CompiledRule, evaluation: RuleEvaluation, entities: [RuleEntity], history: inout ChangeHistory,
        now: Date, isPreview: Bool = false
    ) -> RulePlan {
        var state = PlanState()
        var results: [EvaluationResult] = []
        results.reserveCapacity(evaluation.results.count)
        for conditions in evaluation.results {
            let entity = entities[conditions.entityIndex]
            switch conditions.outcome {
            case .notMatched:
                results.append(
                    EvaluationResult(
                        entity: entity.key, platform: entity.platform, name: entity.name, outcome: .notMatched,
                        values: conditions.values))
            case .errored(let message):
                results.append(
                    EvaluationResult(
                        entity: entity.key, platform: entity.platform, name: entity.name, outcome: .errored,
                        values: conditions.values, error: message))
            case .matched:
                let outcomes = actions(
                    of: rule.rule, for: entity, values: conditions.values, history: &history, now: now,
                    state: &state)
                results.append(
                    EvaluationResult(
                        entity: entity.key, platform: entity.platform, name: entity.name,
                        outcome: Self.summary(of: outcomes), values: conditions.values, actions: outcomes))
            }
        }
        return RulePlan(
            ruleID: rule.rule.id, evaluatedAt: now, isPreview: isPreview, evaluated: evaluation.inScope,
            results: results, requests: state.requests(), notifications: notifications(rule.rule, state, now: now),
            executions: state.executions)
    }

    /// Matched when anything is planned; else errored when anything errored; else skipped.
    private static func summary(of outcomes: [ActionOutcome]) -> EvaluationResult.Outcome {
        var errored = false
        for outcome in outcomes {
            switch outcome.result {
            case .planned: return .matched
            case .errored: errored = true
            case .skipped: break
            }
        }
        return errored ? .errored : .skipped
    }

    /// The outcome of each of the rule's actions for a matched entity, recording what is planned.
    private func actions(
        of rule: Rule, for entity: RuleEntity, values: [ObservedValue], history: inout ChangeHistory, now: Date,
        state: inout PlanState
    ) -> [ActionOutcome] {
        if let held = heldBack(rule, entity, history: history, now: now) {
            return rule.actions.map { ActionOutcome(action: $0, result: .skipped(held)) }
        }
        var outcomes: [ActionOutcome] = []
        for action in rule.actions {
            let result: ActionOutcome.Result
            if action.changesSpend, entity.isLearning, guardrails.freezeWhileLearning, !rule.emergency {
                result = .skipped(
                    SkipReason(
                        .learning,
                        "\(entity.name) is learning: no budget or bid change until it exits, unless the rule is "
                            + "an emergency"))
            } else {
                switch action {
                case .pause, .unpause:
                    result = status(action, entity, history: history)
                case .changeBudget(let change, let minimum, let maximum):
                    result = budget(change, minimum: minimum, maximum: maximum, entity, history: history, now: now)
                case .changeBid(let change):
                    result = bid(change, entity, history: history, now: now)
                case .notify(let url):
                    if signer == nil {
                        result = .errored("no webhook signing secret is configured")
                    } else {
                        state.notify(url: url, entity: entity, values: values)
                        result = .planned(PlannedChange(oldValue: nil, newValue: nil, request: nil))
                    }
                }
            }
            if case .planned(var change) = result {
                change.request = change.request.map { ActionRequest(copying: $0, requestedBy: rule.requester) }
                state.add(change, for: entity)
                history.record(
                    RecentChange(
                        at: now, entity: entity.key, field: action.changeField, ruleID: rule.id,
                        oldAmount: change.oldValue.flatMap(Self.amount),
                        newAmount: change.newValue.flatMap(Self.amount),
                        newStatus: change.newValue?.status))
                state.executions.append(
                    RuleExecution(
                        ruleID: rule.id, ruleName: rule.name, at: now, entity: entity.key, platform: entity.platform,
                        action: action, inputs: values, oldValue: change.oldValue, newValue: change.newValue,
                        limitedBy: change.limitedBy))
                outcomes.append(ActionOutcome(action: action, result: .planned(change)))
            } else {
                outcomes.append(ActionOutcome(action: action, result: result))
            }
        }
        return outcomes
    }

    /// The cooldown and the execution limit, which hold back every action of the rule on the entity.
    private func heldBack(_ rule: Rule, _ entity: RuleEntity, history: ChangeHistory, now: Date) -> SkipReason? {
        if guardrails.cooldownMinutes > 0, let last = history.lastChange(of: entity.key, by: rule.id) {
            let until = last.addingTimeInterval(Double(guardrails.cooldownMinutes) * 60)
            if now < until {
                return SkipReason(
                    .cooldown,
                    "the rule acted on \(entity.name) less than \(guardrails.cooldownMinutes) minutes ago",
                    until: until)
            }
        }
        let limit = min(rule.executionLimit ?? .max, guardrails.maxExecutionsPerRulePerDay)
        if history.executions(of: rule.id, since: now.addingTimeInterval(-86_400)) >= limit {
            return SkipReason(.executionLimit, "the rule took \(limit) actions in the last 24 hours, its limit")
        }
        return nil
    }

    private func status(_ action: RuleAction, _ entity: RuleEntity, history: ChangeHistory) -> ActionOutcome.Result {
        let pausing = action == .pause
        let target: DeliveryStatus = pausing ? .paused : .active
        // A status another rule set earlier in the pass is newer than the one last read.
        let current = history.latestStatus(of: entity.key, after: entity.seenAt) ?? entity.status
        if current == target {
            return .skipped(
                SkipReason(.alreadyInState, "\(entity.name) is already \(pausing ? "paused" : "delivering")"))
        }
        let change: LifecycleChange = .status(pausing ? .pause : .resume)
        if let capabilities = platforms[entity.platform],
            let refusal = capabilities.lifecycleRefusal(for: change, at: entity.key.level.kind)
        {
            return .errored(refusal.message)
        }
        return .planned(
            PlannedChange(
                oldValue: current.map(ActionValue.status), newValue: .status(target),
                request: ActionRequest(
                    campaignID: entity.key.campaignID, kind: pausing ? .pause : .resume, level: entity.key.level,
                    entityIDs: [entity.key.platformID], requestedBy: "")))
    }

    /// A budget's or bid's amount as the guardrails count it: minor units, or basis points for a target ROAS.
    static func amount(_ value: ActionValue) -> Int64? {
        switch value {
        case .budget(let budget): budget.amount.minorUnits
        case .bid(.bidCap(let money)), .bid(.costCap(let money)): money.minorUnits
        case .bid(.targetROAS(let roas)): roas.basisPoints
        default: nil
        }
    }

    private func notifications(_ rule: Rule, _ state: PlanState, now: Date) -> [WebhookDelivery] {
        guard let signer else { return [] }
        return state.notified.map { url, entities in
            let notification = RuleNotification(
                deliveryID: WebhookSigner.deliveryID(rule: rule.id, at: now, url: url), ruleID: rule.id,
                ruleName: rule.name, firedAt: now, entities: entities)
            return signer.delivery(of: notification, to: url)
        }
    }
}

/// What a plan gathers as it goes: requests (pauses of one campaign and level merged), notifications per URL, and
/// history records.
struct PlanState {
    private var statusRequests: [ActionRequest] = []
    private var statusRequestIndex: [String: Int] = [:]
    private var otherRequests: [(position: Int, request: ActionRequest)] = []
    private(set) var notified: [(url: String, entities: [RuleNotification.Entity])] = []
    var executions: [RuleExecution] = []

    mutating func add(_ change: PlannedChange, for entity: RuleEntity) {
        guard let request = change.request else { return }
        switch request.kind {
        case .pause, .resume:
            let key = "\(request.kind.name)|\(request.campaignID)|\(request.level)"
            if let index = statusRequestIndex[key] {
                statusRequests[index].entityIDs += request.entityIDs
            } else {
                statusRequestIndex[key] = statusRequests.count
                statusRequests.append(request)
            }
        default:
            otherRequests.append((statusRequests.count, request))
        }
    }

    /// Every request: the merged status changes and the budget and bid changes, in the order first planned.
    func requests() -> [ActionRequest] {
        var merged: [ActionRequest] = []
        var others = otherRequests[...]
        for (index, request) in statusRequests.enumerated() {
            while let next = others.first, next.position <= index {
                merged.append(next.request)
                others = others.dropFirst()
            }
            merged.append(request)
        }
        merged += others.map(\.request)
        return merged
    }

    mutating func notify(url: String, entity: RuleEntity, values: [ObservedValue]) {
        let entry = RuleNotification.Entity(
            campaignID: entity.key.campaignID, level: entity.key.level, platform: entity.platform,
            platformID: entity.key.platformID, name: entity.name, values: values)
        if let index = notified.firstIndex(where: { $0.url == url }) {
            notified[index].entities.append(entry)
        } else {
            notified.append((url, [entry]))
        }
    }
}

extension ActionRequest {
    /// The same request, asked for by `requester`.
    init(copying request: ActionRequest, requestedBy requester: String) {
        self.init(
            campaignID: request.campaignID, kind: request.kind, level: request.level, entityIDs: request.entityIDs,
            requestedBy: requester)
    }
}
