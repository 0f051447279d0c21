import Foundation
import Trafficking

extension FailingStore {
    func createRule(_ rule: StoredRule) async throws -> StoredRule { throw Failure() }
    func updateRule(_ rule: StoredRule, expectedVersion: Int?) async throws -> StoredRule { throw Failure() }
    func rule(_ id: String) async throws -> StoredRule? { throw Failure() }
    func rules(enabled: Bool?, page: PageRequest) async throws -> Page<StoredRule> { throw Failure() }
    func deleteRule(_ id: String) async throws -> Bool { throw Failure() }
    func claimDueRules(now: Date) async throws -> [StoredRule] { throw Failure() }
    func recordRuleExecutions(_ records: [RuleExecutionRecord]) async throws { throw Failure() }
    func linkRuleExecutions(_ links: [RuleExecutionLink]) async throws { throw Failure() }
    func ruleExecutions(
        rule: String?, campaign: UUID?, since: Date?, page: PageRequest
    ) async throws -> Page<RuleExecutionRecord> { throw Failure() }
    func unlinkedRuleExecutions(since: Date, limit: Int) async throws -> [RuleExecutionRecord] { throw Failure() }
}
