import Foundation

/// Automation rules and their history (issue 14 §2): the rules as their authors wrote them, which of them are due,
/// and every action they took.
public protocol RuleStore: Sendable {
    /// Stores a new rule at version 1, stamped with the store's clock. Throws ``StoreError`` `conflict` when a rule
    /// with its id exists.
    func createRule(_ rule: StoredRule) async throws -> StoredRule
    /// Replaces a rule's name, state, schedule and definition and raises its version. When `expectedVersion` is
    /// given and the stored version differs, throws ``StoreError`` `conflict` and changes nothing; throws
    /// `notFound` when there is no such rule. A changed schedule makes the rule due again at once.
    func updateRule(_ rule: StoredRule, expectedVersion: Int?) async throws -> StoredRule
    /// The rule, or `nil`.
    func rule(_ id: String) async throws -> StoredRule?
    /// Rules by id, enabled ones, disabled ones or all (`nil`), with their total.
    func rules(enabled: Bool?, page: PageRequest) async throws -> Page<StoredRule>
    /// Deletes a rule; its history stays. Returns whether there was one.
    func deleteRule(_ id: String) async throws -> Bool
    /// Takes the enabled rules due at `now` (never run, or next due at most five seconds from now, so a rule on a
    /// one-minute schedule keeps its minute on a scheduler's tick) and, in the same write, marks them run at
    /// `now` and next due one schedule later. Two schedulers sharing the store never take the same rule twice.
    func claimDueRules(now: Date) async throws -> [StoredRule]
    /// Stores execution lines in one write. Throws ``StoreError`` `notFound` when a line's campaign does not exist,
    /// and then stores none.
    func recordRuleExecutions(_ records: [RuleExecutionRecord]) async throws
    /// Records, in one write, what became of each line. Links to lines that do not exist change nothing.
    func linkRuleExecutions(_ links: [RuleExecutionLink]) async throws
    /// Execution lines, newest first, of one rule, one campaign, both or all, made at or after `since` when given,
    /// with their total.
    func ruleExecutions(
        rule: String?, campaign: UUID?, since: Date?, page: PageRequest
    ) async throws -> Page<RuleExecutionRecord>
    /// The lines made at or after `since` whose lifecycle action was planned but never linked (the process stopped
    /// between writing them and requesting it), oldest first, at most `limit`.
    func unlinkedRuleExecutions(since: Date, limit: Int) async throws -> [RuleExecutionRecord]
    /// Wakes this process's rule schedulers when metrics land or a rule is stored or changed, so a due rule acts
    /// on new figures at once rather than at the next tick; `nil` when the store cannot tell.
    var automationSignal: WorkSignal? { get }
}

extension RuleStore {
    /// No signal: schedulers tick.
    public var automationSignal: WorkSignal? { nil }
}
