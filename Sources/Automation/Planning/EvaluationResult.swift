import AdPlatformKit

/// What a rule run or preview says of one entity in scope: evaluated and matched (with the values that matched
/// and what it does), evaluated and not matched, matched but skipped (and why: cooldown, learning, a guardrail),
/// or errored.
public struct EvaluationResult: Sendable, Hashable {
    /// The summary, for listing.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// The conditions hold and at least one action is planned.
        case matched
        /// The conditions do not hold (or are unknown: a side without a value).
        case notMatched
        /// The conditions hold, but every action was held back.
        case skipped
        /// The entity's figures could not be read, or an action could not be planned for it.
        case errored
    }

    /// The entity.
    public var entity: EntityKey
    /// Its platform.
    public var platform: PlatformID
    /// Its name.
    public var name: String
    /// The summary.
    public var outcome: Outcome
    /// The values the conditions read.
    public var values: [ObservedValue]
    /// Per action of the rule, for a matched entity.
    public var actions: [ActionOutcome]
    /// Why the entity errored, when its figures could not be read.
    public var error: String?

    /// Creates a result.
    public init(
        entity: EntityKey, platform: PlatformID, name: String, outcome: Outcome, values: [ObservedValue],
        actions: [ActionOutcome] = [], error: String? = nil
    ) {
        self.entity = entity
        self.platform = platform
        self.name = name
        self.outcome = outcome
        self.values = values
        self.actions = actions
        self.error = error
    }

    /// Why its actions were held back.
    public var skipReasons: [SkipReason] {
        actions.compactMap { if case .skipped(let reason) = $0.result { reason } else { nil } }
    }

    /// The changes planned for it.
    public var plannedChanges: [PlannedChange] {
        actions.compactMap { if case .planned(let change) = $0.result { change } else { nil } }
    }
}

extension EvaluationResult {
    /// What each action would do, or why not, for a person: `pause: ACTIVE → PAUSED`,
    /// `changeBudget -20%: skipped (cooldown: …)`; `-` when nothing matched. The CLI's preview and the console show
    /// it.
    public var actionSummary: String {
        if let error { return "error: \(error)" }
        guard !actions.isEmpty else { return "-" }
        return actions.map { outcome in
            switch outcome.result {
            case .planned(let change):
                var text = "\(outcome.action)"
                if let new = change.newValue { text += ": \(change.oldValue.map { "\($0)" } ?? "?") → \(new)" }
                if !change.limitedBy.isEmpty { text += " (limited by \(change.limitedBy.joined(separator: ", ")))" }
                return text
            case .skipped(let reason): return "\(outcome.action): skipped (\(reason))"
            case .errored(let message): return "\(outcome.action): error (\(message))"
            }
        }.joined(separator: "; ")
    }
}
