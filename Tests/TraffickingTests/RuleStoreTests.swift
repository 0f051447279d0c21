import AdPlatformKit
import Foundation
import Testing

@testable import Trafficking

/// Rules keep their definition, version and timetable; due rules are claimed once; the history keeps every
/// execution and reads its lifecycle action's outcome beside it.
@Suite("Rules and their history in the store")
struct RuleStoreTests {
    static func rule(_ id: String, enabled: Bool = true, every minutes: Int = 30) -> StoredRule {
        StoredRule(
            id: id, name: "Rule \(id)", enabled: enabled, everyMinutes: minutes, definitionJSON: #"{"id":"\#(id)"}"#)
    }

    static func line(
        _ campaign: Campaign, rule: String = "cpa", action: String = "pause", planned: UUID? = nil, at seconds: Double
    ) -> RuleExecutionRecord {
        RuleExecutionRecord(
            id: .timeOrdered(at: StoreFixtures.epoch.addingTimeInterval(seconds)), ruleID: rule, ruleName: "CPA guard",
            campaignID: campaign.id, accountID: campaign.accountID, platform: campaign.platform, level: "campaign",
            entityID: campaign.platformCampaignID ?? "c", action: action, executionJSON: "{}",
            createdAt: StoreFixtures.epoch.addingTimeInterval(seconds), plannedActionID: planned)
    }

    @Test("created at version 1; an update raises it; a stale version or a taken id is a conflict; delete keeps none")
    func rulesRoundTrip() async throws {
        let store = try StoreFixtures.store()
        let created = try await store.createRule(Self.rule("b"))
        #expect(created.version == 1 && created.lastRunAt == nil && created.nextRunAt == nil)
        _ = try await store.createRule(Self.rule("a", enabled: false))
        await #expect(throws: StoreError.self) { try await store.createRule(Self.rule("a")) }

        var edit = created
        edit.name = "Renamed"
        let updated = try await store.updateRule(edit, expectedVersion: 1)
        #expect(updated.version == 2 && updated.name == "Renamed" && updated.createdAt == created.createdAt)
        await #expect(throws: StoreError.self) { try await store.updateRule(edit, expectedVersion: 1) }
        await #expect(throws: StoreError.self) { try await store.updateRule(Self.rule("zz"), expectedVersion: nil) }

        #expect(try await store.rules(enabled: nil, page: PageRequest()).items.map(\.id) == ["a", "b"])
        #expect(try await store.rules(enabled: true, page: PageRequest()).items.map(\.id) == ["b"])
        #expect(try await store.deleteRule("a"))
        #expect(try await store.deleteRule("a") == false)
        #expect(try await store.rule("a") == nil)
    }

    @Test("due rules are claimed once per schedule, with five seconds' grace; disabled ones never")
    func claims() async throws {
        let store = try StoreFixtures.store()
        _ = try await store.createRule(Self.rule("fast", every: 1))
        _ = try await store.createRule(Self.rule("slow", every: 30))
        _ = try await store.createRule(Self.rule("off", enabled: false, every: 1))
        let start = StoreFixtures.epoch.addingTimeInterval(1_000)
        #expect(try await store.claimDueRules(now: start).map(\.id) == ["fast", "slow"])
        #expect(try await store.claimDueRules(now: start).isEmpty, "claimed: not due again at once")
        #expect(try await store.claimDueRules(now: start.addingTimeInterval(56)).map(\.id) == ["fast"])
        let fast = try #require(try await store.rule("fast"))
        #expect(fast.lastRunAt == start.addingTimeInterval(56) && fast.nextRunAt == start.addingTimeInterval(116))

        // A changed schedule is due at once.
        var slow = try #require(try await store.rule("slow"))
        slow.everyMinutes = 5
        _ = try await store.updateRule(slow, expectedVersion: nil)
        #expect(try await store.claimDueRules(now: start.addingTimeInterval(60)).map(\.id) == ["slow"])
    }

    @Test("history lines join their action's status; unlinked planned lines are listed until linked")
    func history() async throws {
        let (store, campaigns) = try await ActionStoreTests.launched(2)
        let planned = UUID()
        let lines = [
            Self.line(campaigns[0], planned: planned, at: 10), Self.line(campaigns[1], rule: "other", at: 20),
            Self.line(campaigns[1], action: "notify", at: 30),
        ]
        try await store.recordRuleExecutions(lines)
        let since = StoreFixtures.epoch
        #expect(try await store.unlinkedRuleExecutions(since: since, limit: 10).map(\.id) == [lines[0].id])

        let action = try await store.enqueueAction(ActionStoreTests.action(.pause, on: campaigns[0]))
        try await store.linkRuleExecutions([
            RuleExecutionLink(recordID: lines[0].id, actionID: action.id),
            RuleExecutionLink(recordID: lines[2].id, response: "HTTP 200", failed: false),
        ])
        #expect(try await store.unlinkedRuleExecutions(since: since, limit: 10).isEmpty)

        let all = try await store.ruleExecutions(rule: nil, campaign: nil, since: nil, page: PageRequest())
        #expect(all.total == 3 && all.items.map(\.id) == lines.reversed().map(\.id))
        let linked = try #require(all.items.first { $0.id == lines[0].id })
        #expect(linked.actionID == action.id && linked.actionStatus == .pending && linked.plannedActionID == planned)
        #expect(all.items.first { $0.id == lines[2].id }?.response == "HTTP 200")
        #expect(
            try await store.ruleExecutions(rule: "other", campaign: nil, since: nil, page: PageRequest()).total == 1)
        #expect(
            try await store.ruleExecutions(rule: nil, campaign: campaigns[1].id, since: nil, page: PageRequest()).total
                == 2)
        #expect(
            try await store.ruleExecutions(
                rule: nil, campaign: nil, since: StoreFixtures.epoch.addingTimeInterval(15), page: PageRequest()
            ).total == 2)

        var orphan = Self.line(campaigns[0], at: 40)
        orphan.campaignID = UUID()
        await #expect(throws: StoreError.self) { try await store.recordRuleExecutions([orphan]) }
    }
}
