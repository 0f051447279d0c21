import AdPlatformKit
import Foundation
import Trafficking

/// Checks a rule as a whole before it is stored, and lists every problem with its path: unknown metrics, windows,
/// operators and targets; malformed conditions; actions a platform in scope cannot take (from its
/// ``PlatformCapabilities``); changes beyond the guardrails; schedules under a minute.
///
/// Pure: it reads the capabilities it was given, never the network.
public struct RuleValidator: Sendable {
    /// The platforms rules may address, by id, as their lifecycle capabilities say.
    public let platforms: [PlatformID: PlatformCapabilities]
    /// The guardrails rules are held to.
    public let guardrails: Guardrails

    /// The deepest nesting of `all`, `any` and `not` accepted.
    public static let maxDepth = 16

    /// A validator for platforms' capabilities.
    public init(platforms: [PlatformCapabilities], guardrails: Guardrails = .standard) {
        var byID: [PlatformID: PlatformCapabilities] = [:]
        for capabilities in platforms { byID[capabilities.platform] = capabilities }
        self.platforms = byID
        self.guardrails = guardrails
    }

    /// A validator for the registry's platforms. A module without status, budget or bid changes
    /// (``StatusChanging``, ``BudgetChanging``, ``BidChanging``) has that ability removed from its capabilities,
    /// as the engine's ``ActionPlanner`` refuses it.
    public init(registry: PlatformRegistry, guardrails: Guardrails = .standard) {
        let capabilities = registry.all.map { platform in
            var capabilities = platform.capabilities
            for kind in [EntityKind.campaign, .adGroup, .ad] {
                guard var level = capabilities.lifecycle.level(kind) else { continue }
                if !platform.supports((any StatusChanging).self) { level.statusActions = [] }
                if !platform.supports((any BudgetChanging).self) { level.budgetPeriods = [] }
                if !platform.supports((any BidChanging).self) { level.bidStrategies = [] }
                switch kind {
                case .campaign: capabilities.lifecycle.campaign = level
                case .adGroup: capabilities.lifecycle.adGroup = level
                default: capabilities.lifecycle.ad = level
                }
            }
            return capabilities
        }
        self.init(platforms: capabilities, guardrails: guardrails)
    }

    /// Every problem of the rule, in document order; empty when it may be stored.
    public func validate(_ rule: Rule) -> [RuleProblem] {
        var problems = guardrails.problems
        if rule.id.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(RuleProblem(path: "id", message: "must not be empty"))
        }
        if rule.name.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(RuleProblem(path: "name", message: "must not be empty"))
        }
        problems += scopeProblems(rule.scope)
        if let window = rule.window, !window.isKnown {
            problems.append(RuleProblem(path: "window", message: Self.unknownWindow(window)))
        }
        problems += Self.conditionProblems(of: rule)
        problems += actionProblems(rule)
        if rule.schedule.everyMinutes < RuleSchedule.minimumMinutes {
            problems.append(
                RuleProblem(
                    path: "schedule.everyMinutes",
                    message: "must be at least \(RuleSchedule.minimumMinutes) minute; got \(rule.schedule.everyMinutes)"
                ))
        } else if rule.schedule.everyMinutes > RuleSchedule.maximumMinutes {
            problems.append(
                RuleProblem(
                    path: "schedule.everyMinutes",
                    message: "must be at most \(RuleSchedule.maximumMinutes) minutes (30 days); got "
                        + "\(rule.schedule.everyMinutes)"))
        }
        for name in rule.targets.keys.sorted() {
            guard let value = rule.targets[name] else { continue }
            if name.isEmpty || !value.isFinite {
                problems.append(
                    RuleProblem(path: "targets.\(name)", message: "a target needs a name and a finite number"))
            }
        }
        if let limit = rule.executionLimit, limit < 1 || limit > guardrails.maxExecutionsPerRulePerDay {
            problems.append(
                RuleProblem(
                    path: "executionLimit",
                    message: "must be 1 to \(guardrails.maxExecutionsPerRulePerDay) (the guardrail's "
                        + "maxExecutionsPerRulePerDay); got \(limit)"))
        }
        return problems
    }

    /// Throws ``RuleRefusal`` with every problem unless the rule may be stored.
    public func check(_ rule: Rule) throws(RuleRefusal) {
        let problems = validate(rule)
        guard problems.isEmpty else { throw RuleRefusal(problems: problems) }
    }

    /// The platforms a scope reaches: those it names, else every one known.
    func platforms(in scope: RuleScope) -> [PlatformCapabilities] {
        let ids = scope.platforms.isEmpty ? platforms.keys.sorted() : scope.platforms
        return ids.compactMap { platforms[$0] }
    }

    private func scopeProblems(_ scope: RuleScope) -> [RuleProblem] {
        var problems: [RuleProblem] = []
        for (index, platform) in scope.platforms.enumerated() where platforms[platform] == nil {
            problems.append(
                RuleProblem(
                    path: "scope.platforms[\(index)]",
                    message: "unknown platform '\(platform)'; known: "
                        + platforms.keys.sorted().map(\.rawValue).joined(separator: ", ")))
        }
        for (field, list) in [("nameContains", scope.nameContains), ("nameExcludes", scope.nameExcludes)] {
            for (index, text) in list.enumerated() where text.isEmpty {
                problems.append(RuleProblem(path: "scope.\(field)[\(index)]", message: "must not be empty"))
            }
        }
        return problems
    }

    /// The problems of the conditions alone: what compiling them needs. ``RuleEvaluator`` compiles only rules
    /// without any.
    static func conditionProblems(of rule: Rule) -> [RuleProblem] {
        var problems: [RuleProblem] = []
        walk(rule.conditions, path: "conditions", depth: 0, rule: rule, into: &problems)
        return problems
    }

    private static func walk(
        _ condition: Condition, path: String, depth: Int, rule: Rule, into problems: inout [RuleProblem]
    ) {
        guard depth <= maxDepth else {
            problems.append(RuleProblem(path: path, message: "nested deeper than \(maxDepth) levels"))
            return
        }
        switch condition {
        case .all(let parts), .any(let parts):
            let key = if case .all = condition { "all" } else { "any" }
            if parts.isEmpty {
                problems.append(RuleProblem(path: "\(path).\(key)", message: "needs at least one condition"))
            }
            for (index, part) in parts.enumerated() {
                walk(part, path: "\(path).\(key)[\(index)]", depth: depth + 1, rule: rule, into: &problems)
            }
        case .not(let part):
            walk(part, path: "\(path).not", depth: depth + 1, rule: rule, into: &problems)
        case .compare(let comparison):
            if comparison.op.kind == nil {
                problems.append(
                    RuleProblem(
                        path: "\(path).op",
                        message: "unknown operator '\(comparison.op)'; expected "
                            + ComparisonOperator.spellings.joined(separator: ", ")))
            }
            let leftPath = comparison.isFlat ? path : "\(path).left"
            let rightPath = comparison.isFlat ? "\(path).value" : "\(path).right"
            check(comparison.left, path: leftPath, rule: rule, into: &problems)
            check(comparison.right, path: rightPath, rule: rule, into: &problems)
            if !mentionsMetric(comparison.left) && !mentionsMetric(comparison.right) {
                problems.append(
                    RuleProblem(
                        path: path, message: "compares no metric: one side must read a metric over a window"))
            }
        }
    }

    private static func mentionsMetric(_ expression: MetricExpression) -> Bool {
        switch expression {
        case .metric: true
        case .product(_, let inner): mentionsMetric(inner)
        case .number, .target: false
        }
    }

    private static func check(
        _ expression: MetricExpression, path: String, rule: Rule, into problems: inout [RuleProblem]
    ) {
        switch expression {
        case .number(let value):
            if !value.isFinite { problems.append(RuleProblem(path: path, message: "must be a finite number")) }
        case .metric(let metric, let window):
            if !metric.isKnown {
                problems.append(
                    RuleProblem(
                        path: "\(path).metric",
                        message: "unknown metric '\(metric)'; known: "
                            + RuleMetric.known.map(\.rawValue).joined(separator: ", ")))
            }
            if let window {
                if !window.isKnown {
                    problems.append(RuleProblem(path: "\(path).window", message: unknownWindow(window)))
                }
            } else if rule.window == nil {
                problems.append(
                    RuleProblem(
                        path: "\(path).window",
                        message: "a window is required here, or a rule-wide window; e.g. last3Days"))
            }
        case .target(let name):
            if rule.targets[name] == nil {
                problems.append(
                    RuleProblem(
                        path: "\(path).target",
                        message: "unknown target '\(name)': define it under targets (entities may replace it)"))
            }
        case .product(let factor, let inner):
            if !factor.isFinite {
                problems.append(RuleProblem(path: "\(path).factor", message: "must be a finite number"))
            }
            check(inner, path: "\(path).of", rule: rule, into: &problems)
        }
    }

    static func unknownWindow(_ window: MetricWindow) -> String {
        "unknown window '\(window)'; known: " + MetricWindow.known.map(\.rawValue).joined(separator: ", ")
    }
}
