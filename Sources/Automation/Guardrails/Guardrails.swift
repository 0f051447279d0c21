/// The limits the engine holds every rule to, whatever the rule says. Configurable; the defaults are the anchors
/// of ops-anchors.md §7.2: the folklore 20% per change, ±50% a day, 2–3 changes a day, Meta's documented hard limit
/// of 4 budget changes an hour, a 6-hour cooldown, no spend changes while learning.
///
/// "Budget and bid changes" below count each field on its own: three budget changes and three bid changes in a
/// day are both within the default.
public struct Guardrails: Sendable, Hashable, Codable {
    /// The largest single budget or bid change, as a percentage of the current value. Larger changes are cut to it.
    public var maxChangePercent: Double
    /// How far an entity's budget or bid may move in 24 hours, as a percentage of its value before the first change
    /// in those 24 hours, up or down. Changes that would go further are cut to the limit.
    public var maxDailyChangePercent: Double
    /// Budget (and, separately, bid) changes per entity in 24 hours.
    public var maxChangesPerDay: Int
    /// Budget (and, separately, bid) changes per entity in an hour; never more than
    /// ``platformHourlyChangeLimit``.
    public var maxChangesPerHour: Int
    /// Minutes before the same rule acts on the same entity again (Meta's `action_frequency`).
    public var cooldownMinutes: Int
    /// Whether budget and bid changes wait while an entity is learning; an emergency rule's go through.
    public var freezeWhileLearning: Bool
    /// The most actions one rule takes in 24 hours, across entities.
    public var maxExecutionsPerRulePerDay: Int
    /// An entity is learning while its synced metrics show fewer days of delivery than this (seed 003's learning
    /// phase, the optimiser's too).
    public var learningDays: Int
    /// An entity is learning while it has spent less than this, in its account's currency, over those days.
    public var learningSpend: Double

    /// Meta's documented hard limit: an ad set's budget may change 4 times an hour; the fifth is blocked for an
    /// hour (error 17). The engine keeps every platform under it.
    public static let platformHourlyChangeLimit = 4

    /// The defaults.
    public static let standard = Guardrails()

    /// Creates guardrails; every limit has the default listed on ``Guardrails``.
    public init(
        maxChangePercent: Double = 20, maxDailyChangePercent: Double = 50, maxChangesPerDay: Int = 3,
        maxChangesPerHour: Int = 4, cooldownMinutes: Int = 360, freezeWhileLearning: Bool = true,
        maxExecutionsPerRulePerDay: Int = 1_000, learningDays: Int = 3, learningSpend: Double = 50
    ) {
        self.maxChangePercent = maxChangePercent
        self.maxDailyChangePercent = maxDailyChangePercent
        self.maxChangesPerDay = maxChangesPerDay
        self.maxChangesPerHour = maxChangesPerHour
        self.cooldownMinutes = cooldownMinutes
        self.freezeWhileLearning = freezeWhileLearning
        self.maxExecutionsPerRulePerDay = maxExecutionsPerRulePerDay
        self.learningDays = learningDays
        self.learningSpend = learningSpend
    }

    /// The hourly limit the engine applies: the configured one, never above the platform's.
    public var effectiveChangesPerHour: Int { min(maxChangesPerHour, Self.platformHourlyChangeLimit) }

    /// What is wrong with the configuration, each at `guardrails.<field>`: limits must be positive, and the hourly
    /// limit cannot exceed the platform's.
    public var problems: [RuleProblem] {
        var problems: [RuleProblem] = []
        func check(_ ok: Bool, _ field: String, _ message: String) {
            if !ok { problems.append(RuleProblem(path: "guardrails.\(field)", message: message)) }
        }
        check(
            maxChangePercent.isFinite && maxChangePercent > 0 && maxChangePercent <= 100, "maxChangePercent",
            "must be above 0 and at most 100")
        check(
            maxDailyChangePercent.isFinite && maxDailyChangePercent >= maxChangePercent
                && maxDailyChangePercent <= 100,
            "maxDailyChangePercent", "must be at least maxChangePercent and at most 100")
        check(maxChangesPerDay > 0, "maxChangesPerDay", "must be at least 1")
        check(
            maxChangesPerHour > 0 && maxChangesPerHour <= Self.platformHourlyChangeLimit, "maxChangesPerHour",
            "must be 1 to \(Self.platformHourlyChangeLimit): Meta blocks a fifth budget change in an hour")
        check(cooldownMinutes >= 0, "cooldownMinutes", "must not be negative")
        check(maxExecutionsPerRulePerDay > 0, "maxExecutionsPerRulePerDay", "must be at least 1")
        check(learningDays >= 0, "learningDays", "must not be negative")
        check(learningSpend.isFinite && learningSpend >= 0, "learningSpend", "must not be negative")
        return problems
    }
}
