import AdPlatformKit
import Foundation
import Trafficking

/// A rule made ready to evaluate many times: every metric and window turned into its slot in ``MetricsIndex``,
/// factors folded, targets resolved to the rule's values, and the scope's name filters lower-cased once.
public struct CompiledRule: Sendable {
    /// The rule.
    public let rule: Rule
    let condition: CompiledCondition
    let scope: CompiledScope

    /// Compiles a rule; throws ``RuleRefusal`` when its conditions have problems (``RuleValidator`` lists every
    /// problem of a rule, conditions included, and should have refused it first).
    public init(_ rule: Rule) throws(RuleRefusal) {
        let problems = RuleValidator.conditionProblems(of: rule)
        guard problems.isEmpty else { throw RuleRefusal(problems: problems) }
        self.rule = rule
        self.condition = CompiledCondition(rule.conditions, rule: rule)
        self.scope = CompiledScope(rule.scope)
    }
}

/// Truth in three values: a comparison with a side without a value is unknown.
enum Truth {
    case isTrue, isFalse, unknown
}

/// A side of a compiled comparison.
enum CompiledOperand: Sendable {
    /// A constant.
    case constant(Double)
    /// `scale ×` the value at an offset from the entity's base in ``MetricsIndex``.
    case slot(Int, scale: Double, metric: RuleMetric, window: MetricWindow)
    /// `scale ×` a target: the entity's own, else the rule's.
    case target(String, ruleValue: Double, scale: Double)

    init(_ expression: MetricExpression, rule: Rule, scale: Double = 1) {
        switch expression {
        case .number(let value):
            self = .constant(scale * value)
        case .metric(let metric, let window):
            let window = window ?? rule.window ?? .last3Days
            let offset = (window.index ?? 0) * MetricsIndex.metricCount + (metric.index ?? 0)
            self = .slot(offset, scale: scale, metric: metric, window: window)
        case .target(let name):
            self = .target(name, ruleValue: rule.targets[name] ?? .nan, scale: scale)
        case .product(let factor, let inner):
            self = CompiledOperand(inner, rule: rule, scale: scale * factor)
        }
    }

    @inline(__always)
    func value(_ values: UnsafeBufferPointer<Double>, base: Int, targets: [String: Double]) -> Double {
        switch self {
        case .constant(let value): value
        case .slot(let offset, let scale, _, _): scale * values[base + offset]
        case .target(let name, let ruleValue, let scale):
            scale * (targets.isEmpty ? ruleValue : targets[name] ?? ruleValue)
        }
    }

    /// What the operand read, for reports; `nil` for a constant.
    func observed(_ values: UnsafeBufferPointer<Double>, base: Int, targets: [String: Double]) -> ObservedValue? {
        switch self {
        case .constant: return nil
        case .slot(let offset, _, let metric, let window):
            let value = values[base + offset]
            return ObservedValue(metric: metric, window: window, value: value.isNaN ? nil : value)
        case .target(let name, let ruleValue, _):
            return ObservedValue(target: name, value: targets[name] ?? ruleValue)
        }
    }
}

/// A condition with its comparisons compiled.
indirect enum CompiledCondition: Sendable {
    case all([CompiledCondition])
    case any([CompiledCondition])
    case not(CompiledCondition)
    case compare(CompiledOperand, ComparisonOperator.Kind, CompiledOperand)

    init(_ condition: Condition, rule: Rule) {
        switch condition {
        case .all(let parts): self = .all(parts.map { CompiledCondition($0, rule: rule) })
        case .any(let parts): self = .any(parts.map { CompiledCondition($0, rule: rule) })
        case .not(let part): self = .not(CompiledCondition(part, rule: rule))
        case .compare(let comparison):
            self = .compare(
                CompiledOperand(comparison.left, rule: rule), comparison.op.kind ?? .equal,
                CompiledOperand(comparison.right, rule: rule))
        }
    }

    func truth(_ values: UnsafeBufferPointer<Double>, base: Int, targets: [String: Double]) -> Truth {
        switch self {
        case .compare(let left, let op, let right):
            let lhs = left.value(values, base: base, targets: targets)
            let rhs = right.value(values, base: base, targets: targets)
            guard !lhs.isNaN, !rhs.isNaN else { return .unknown }
            let holds: Bool
            switch op {
            case .greaterThan: holds = lhs > rhs
            case .greaterThanOrEqual: holds = lhs >= rhs
            case .lessThan: holds = lhs < rhs
            case .lessThanOrEqual: holds = lhs <= rhs
            case .equal: holds = Self.equal(lhs, rhs)
            case .notEqual: holds = !Self.equal(lhs, rhs)
            }
            return holds ? .isTrue : .isFalse
        case .all(let parts):
            var result = Truth.isTrue
            for part in parts {
                switch part.truth(values, base: base, targets: targets) {
                case .isFalse: return .isFalse
                case .unknown: result = .unknown
                case .isTrue: break
                }
            }
            return result
        case .any(let parts):
            var result = Truth.isFalse
            for part in parts {
                switch part.truth(values, base: base, targets: targets) {
                case .isTrue: return .isTrue
                case .unknown: result = .unknown
                case .isFalse: break
                }
            }
            return result
        case .not(let part):
            switch part.truth(values, base: base, targets: targets) {
            case .isTrue: return .isFalse
            case .isFalse: return .isTrue
            case .unknown: return .unknown
            }
        }
    }

    /// The values the comparisons read, in order, each once.
    func observed(_ values: UnsafeBufferPointer<Double>, base: Int, targets: [String: Double]) -> [ObservedValue] {
        var seen: [ObservedValue] = []
        collect(values, base: base, targets: targets, into: &seen)
        return seen
    }

    private func collect(
        _ values: UnsafeBufferPointer<Double>, base: Int, targets: [String: Double], into seen: inout [ObservedValue]
    ) {
        switch self {
        case .all(let parts), .any(let parts):
            for part in parts { part.collect(values, base: base, targets: targets, into: &seen) }
        case .not(let part):
            part.collect(values, base: base, targets: targets, into: &seen)
        case .compare(let left, _, let right):
            for operand in [left, right] {
                if let value = operand.observed(values, base: base, targets: targets), !seen.contains(value) {
                    seen.append(value)
                }
            }
        }
    }

    private static func equal(_ lhs: Double, _ rhs: Double) -> Bool {
        abs(lhs - rhs) <= 1e-9 * max(1, abs(lhs), abs(rhs))
    }
}

/// A scope with its sets built and its name filters lower-cased once.
struct CompiledScope: Sendable {
    let level: ActionLevel
    let accounts: Set<UUID>?
    let platforms: Set<PlatformID>?
    let campaigns: Set<UUID>?
    let nameContains: [[UInt8]]
    let nameExcludes: [[UInt8]]
    let labels: Set<String>?

    init(_ scope: RuleScope) {
        level = scope.level
        accounts = scope.accounts.isEmpty ? nil : Set(scope.accounts)
        platforms = scope.platforms.isEmpty ? nil : Set(scope.platforms)
        campaigns = scope.campaigns.isEmpty ? nil : Set(scope.campaigns)
        nameContains = scope.nameContains.map { Array($0.lowercased().utf8) }
        nameExcludes = scope.nameExcludes.map { Array($0.lowercased().utf8) }
        labels = scope.labels.isEmpty ? nil : Set(scope.labels)
    }

    /// Whether the name (lower-cased bytes) passes the name filters.
    func admits(name: [UInt8]) -> Bool {
        if !nameContains.isEmpty, !nameContains.contains(where: { Self.find($0, in: name) }) { return false }
        return !nameExcludes.contains { Self.find($0, in: name) }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        let first = needle[0]
        var start = 0
        while start <= haystack.count - needle.count {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}
