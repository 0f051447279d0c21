/// An automation rule: a scope, conditions over metric windows, actions, and a schedule (issue 14 §2).
///
/// A rule says what it wants; the engine decides what it may do. The guardrails (``Guardrails``) apply to every
/// rule, so no rule can exceed them: a rule can only be stricter (``executionLimit``) or be marked an emergency,
/// which lets its budget and bid changes through a learning phase.
///
/// Rules are JSON or YAML (``RuleCoding``), in the format docs/automation.md describes, and are validated as a
/// whole (``RuleValidator``) before they are stored.
public struct Rule: Sendable, Hashable, Codable, Identifiable {
    /// The rule's id; its actions are requested by `rule:<id>`.
    public var id: String
    /// A name people read.
    public var name: String
    /// Whether the scheduler runs it; a disabled rule can still be previewed.
    public var enabled: Bool
    /// Which entities it looks at.
    public var scope: RuleScope
    /// The window of every metric the conditions name without one.
    public var window: MetricWindow?
    /// When it acts.
    public var conditions: Condition
    /// What it does, in order, to each entity whose conditions hold.
    public var actions: [RuleAction]
    /// How often it runs.
    public var schedule: RuleSchedule
    /// Named values the conditions compare with (`{"target": "cpa"}`); an entity's own targets replace these.
    public var targets: [String: Double]
    /// Whether its budget and bid changes go through while an entity is learning. The other guardrails still hold.
    public var emergency: Bool
    /// The most actions it takes in 24 hours, across entities: a circuit breaker for a rule that matches far more
    /// than meant. At most ``Guardrails/maxExecutionsPerRulePerDay``, which applies when this is `nil`.
    public var executionLimit: Int?

    /// Creates a rule.
    public init(
        id: String, name: String, enabled: Bool = true, scope: RuleScope, window: MetricWindow? = nil,
        conditions: Condition, actions: [RuleAction], schedule: RuleSchedule = RuleSchedule(),
        targets: [String: Double] = [:], emergency: Bool = false, executionLimit: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.enabled = enabled
        self.scope = scope
        self.window = window
        self.conditions = conditions
        self.actions = actions
        self.schedule = schedule
        self.targets = targets
        self.emergency = emergency
        self.executionLimit = executionLimit
    }

    /// Who asks for the rule's lifecycle actions: `rule:<id>`.
    public var requester: String { "rule:\(id)" }

    private enum CodingKeys: String, CodingKey {
        case id, name, enabled, scope, window, conditions, actions, schedule, targets, emergency, executionLimit
    }

    /// Decodes a rule; `enabled`, `window`, `schedule`, `targets`, `emergency` and `executionLimit` are optional.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? true
        scope = try container.decode(RuleScope.self, forKey: .scope)
        window = try container.decodeIfPresent(MetricWindow.self, forKey: .window)
        conditions = try container.decode(Condition.self, forKey: .conditions)
        actions = try container.decode([RuleAction].self, forKey: .actions)
        schedule = try container.decodeIfPresent(RuleSchedule.self, forKey: .schedule) ?? RuleSchedule()
        targets = try container.decodeIfPresent([String: Double].self, forKey: .targets) ?? [:]
        emergency = try container.decodeIfPresent(Bool.self, forKey: .emergency) ?? false
        executionLimit = try container.decodeIfPresent(Int.self, forKey: .executionLimit)
    }

    /// Encodes every field; the optional ones only when set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(enabled, forKey: .enabled)
        try container.encode(scope, forKey: .scope)
        try container.encodeIfPresent(window, forKey: .window)
        try container.encode(conditions, forKey: .conditions)
        try container.encode(actions, forKey: .actions)
        try container.encode(schedule, forKey: .schedule)
        if !targets.isEmpty { try container.encode(targets, forKey: .targets) }
        if emergency { try container.encode(emergency, forKey: .emergency) }
        try container.encodeIfPresent(executionLimit, forKey: .executionLimit)
    }
}
