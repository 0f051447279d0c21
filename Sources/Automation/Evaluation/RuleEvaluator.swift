import AdPlatformKit
import Foundation
import Trafficking

/// Evaluates compiled rules over a set of entities and their pre-aggregated metrics.
///
/// Built once per evaluation pass and shared by every rule: the entities are grouped by level, their names
/// lower-cased once, and each is tied to its block in the ``MetricsIndex``. Evaluating a rule then walks only the
/// entities of its level, filters them by scope, and runs its compiled condition, reading each metric with one
/// array index.
public struct RuleEvaluator: Sendable {
    /// The entities, in the order given; results refer to them by position.
    public let entities: [RuleEntity]
    /// Their metrics.
    public let metrics: MetricsIndex

    private let bases: [Int]
    private let problems: [String?]
    private let names: [[UInt8]]
    private let byLevel: [ActionLevel: [Int]]
    // The scope's fields, column by column: reading them does not copy each entity.
    private let accountIDs: [UUID]
    private let platforms: [PlatformID]
    private let campaignIDs: [UUID]
    private let labels: [[String]]
    private let targets: [[String: Double]]
    private let positions: [EntityKey: Int]

    /// An evaluator over `entities` with `metrics`. A removed entity is in no rule's scope.
    public init(entities: [RuleEntity], metrics: MetricsIndex) {
        self.entities = entities
        self.metrics = metrics
        bases = entities.map { metrics.base(of: $0.key) }
        problems = entities.map { metrics.problem(of: $0.key) }
        names = entities.map { Array($0.name.lowercased().utf8) }
        accountIDs = entities.map(\.accountID)
        platforms = entities.map(\.platform)
        campaignIDs = entities.map(\.key.campaignID)
        labels = entities.map(\.labels)
        targets = entities.map(\.targets)
        var byLevel: [ActionLevel: [Int]] = [:]
        var positions: [EntityKey: Int] = [:]
        for (index, entity) in entities.enumerated() {
            positions[entity.key] = positions[entity.key] ?? index
            guard entity.status != .removed else { continue }
            byLevel[entity.key.level, default: []].append(index)
        }
        self.byLevel = byLevel
        self.positions = positions
    }

    /// The position of an entity in ``entities``.
    public func index(of key: EntityKey) -> Int? { positions[key] }

    /// The positions of the entities in the rule's scope, in order.
    public func scope(of rule: CompiledRule) -> [Int] {
        let scope = rule.scope
        return (byLevel[scope.level] ?? []).filter { admits($0, scope) }
    }

    /// The rule's conditions for every entity in its scope, in order. With `includeUnmatched` (a preview), every
    /// entity is listed with the values read; without it (a run), only matched and errored ones are, which keeps a
    /// pass of a thousand rules over ten thousand entities from building ten million results.
    public func evaluate(_ rule: CompiledRule, includeUnmatched: Bool = false) -> RuleEvaluation {
        let scope = rule.scope
        let condition = rule.condition
        var results: [ConditionResult] = []
        var inScope = 0
        metrics.values.withUnsafeBufferPointer { values in
            for index in byLevel[scope.level] ?? [] where admits(index, scope) {
                inScope += 1
                if let problem = problems[index] {
                    results.append(ConditionResult(entityIndex: index, outcome: .errored(problem), values: []))
                    continue
                }
                let base = bases[index]
                let targets = targets[index]
                let matched = condition.truth(values, base: base, targets: targets) == .isTrue
                guard matched || includeUnmatched else { continue }
                results.append(
                    ConditionResult(
                        entityIndex: index, outcome: matched ? .matched : .notMatched,
                        values: condition.observed(values, base: base, targets: targets)))
            }
        }
        return RuleEvaluation(inScope: inScope, results: results)
    }

    @inline(__always)
    private func admits(_ index: Int, _ scope: CompiledScope) -> Bool {
        if let accounts = scope.accounts, !accounts.contains(accountIDs[index]) { return false }
        if let platforms = scope.platforms, !platforms.contains(self.platforms[index]) { return false }
        if let campaigns = scope.campaigns, !campaigns.contains(campaignIDs[index]) { return false }
        if let wanted = scope.labels, !labels[index].contains(where: wanted.contains) { return false }
        if !scope.nameContains.isEmpty || !scope.nameExcludes.isEmpty, !scope.admits(name: names[index]) {
            return false
        }
        return true
    }
}
