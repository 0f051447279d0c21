import NIOConcurrencyHelpers

/// The fault rules in force, and the dice that decide whether a rule fires.
public final class FaultInjector: Sendable {
    /// What a request should suffer.
    public struct Decision: Sendable {
        /// Latency to add before anything else, in milliseconds.
        public var latencyMilliseconds = 0
        /// The rule that replaces the answer, if any.
        public var rule: FaultRule?
    }

    private struct State {
        var rules: [FaultRule] = []
        var dice: SplitMix64
        var nextID = 1
    }

    private let state: NIOLockedValueBox<State>

    /// Creates an injector whose dice follow the seed.
    public init(seed: UInt64) {
        state = NIOLockedValueBox(State(dice: SplitMix64(seed: SplitMix64.hash(seed, "faults"))))
    }

    /// Adds a rule and returns it with its id.
    @discardableResult
    public func add(_ rule: FaultRule) -> FaultRule {
        state.withLockedValue { state in
            var added = rule
            added.id = "fault-\(state.nextID)"
            added.fired = 0
            state.nextID += 1
            state.rules.append(added)
            return added
        }
    }

    /// The rules in force.
    public var rules: [FaultRule] { state.withLockedValue { $0.rules } }

    /// Removes one rule; returns whether it existed.
    @discardableResult
    public func remove(id: String) -> Bool {
        state.withLockedValue { state in
            let before = state.rules.count
            state.rules.removeAll { $0.id == id }
            return state.rules.count != before
        }
    }

    /// Removes every rule.
    public func removeAll() { state.withLockedValue { $0.rules.removeAll() } }

    /// Decides what a request suffers: every firing latency rule adds up; the first firing rule of another kind
    /// replaces the answer. Counts go down as rules fire.
    public func decide(platform: String, method: String, path: String) -> Decision {
        state.withLockedValue { state in
            var decision = Decision()
            guard !state.rules.isEmpty else { return decision }
            var index = 0
            while index < state.rules.count {
                let rule = state.rules[index]
                guard rule.matches(platform: platform, method: method, path: path) else {
                    index += 1
                    continue
                }
                if decision.rule != nil, rule.kind != .latency {
                    index += 1
                    continue
                }
                let probability = rule.probability ?? 1
                guard probability >= 1 || state.dice.nextUnit() < probability else {
                    index += 1
                    continue
                }
                state.rules[index].fired += 1
                if rule.kind == .latency {
                    decision.latencyMilliseconds += rule.latencyMilliseconds ?? 0
                } else {
                    decision.rule = state.rules[index]
                }
                if let remaining = rule.remaining {
                    if remaining <= 1 {
                        state.rules.remove(at: index)
                        continue
                    }
                    state.rules[index].remaining = remaining - 1
                }
                index += 1
            }
            return decision
        }
    }
}
