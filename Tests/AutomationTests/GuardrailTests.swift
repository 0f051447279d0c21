import AdPlatformKit
import Automation
import Foundation
import Testing
import Trafficking

/// The engine holds every rule to the guardrails: cooldowns, change counts, change sizes, learning, minimums and
/// execution limits stop or cut changes, whatever the rule asks.
@Suite("Guardrails")
struct GuardrailTests {
    typealias F = AutomationFixtures

    static let spending = F.rows("g1", days: 1...3, spend: 5_000, conversions: 1)

    @Test("A cooldown stops the same rule changing the same entity again until it ends")
    func cooldownStopsSecondChange() throws {
        let runner = F.runner(entities: [F.entity("g1")], rows: Self.spending)
        var history = ChangeHistory()
        let first = try F.run(F.budgetRule(), runner, history: &history)
        #expect(first.requests.map(\.kind) == [.budget(Budget(.daily, F.usd(9_000)))])

        let halfHourLater = F.now.addingTimeInterval(30 * 60)
        let second = try F.run(F.budgetRule(), runner, history: &history, at: halfHourLater)
        #expect(second.requests.isEmpty)
        let reason = try #require(second.results.first?.skipReasons.first)
        #expect(reason.kind == .cooldown)
        #expect(reason.until == F.now.addingTimeInterval(6 * 3_600))

        // Another rule is not held by this rule's cooldown, and starts from the budget the first one planned.
        let other = try F.run(F.budgetRule(id: "other"), runner, history: &history, at: halfHourLater)
        #expect(other.requests.map(\.kind) == [.budget(Budget(.daily, F.usd(8_100)))])

        let afterCooldown = try F.run(
            F.budgetRule(), runner, history: &history, at: F.now.addingTimeInterval(6 * 3_600))
        #expect(afterCooldown.results.first?.outcome == .matched)
    }

    @Test("Four budget changes in an hour stop a fifth, from any source; the configured limit cannot exceed four")
    func hourlyCapStopsFifthChange() throws {
        let guardrails = Guardrails(maxChangesPerDay: 10, cooldownMinutes: 0)
        let runner = F.runner(entities: [F.entity("g1")], rows: Self.spending, guardrails: guardrails)
        var history = ChangeHistory()
        // Four rules each lower the budget in the same pass: the planner counts each change as it plans it.
        let rules = try (1...5).map { try CompiledRule(F.budgetRule(percent: -5, id: "r\($0)")) }
        let plans = runner.run(rules, history: &history, now: F.now)
        #expect(plans.map(\.requests.count) == [1, 1, 1, 1, 0])
        let reason = try #require(plans.last?.results.first?.skipReasons.first)
        #expect(reason.kind == .changesPerHour)
        #expect(reason.until == F.now.addingTimeInterval(3_600))

        // Changes made by people count too.
        let people = ChangeHistory(
            (1...4).map { minute in
                RecentChange(
                    at: F.now.addingTimeInterval(Double(-minute * 10 * 60)), entity: F.key("g1"), field: .budget,
                    ruleID: nil, oldAmount: 10_000, newAmount: 10_000)
            })
        var copy = people
        let blocked = try F.run(F.budgetRule(), runner, history: &copy)
        #expect(blocked.results.first?.skipReasons.map(\.kind) == [.changesPerHour])

        #expect(Guardrails(maxChangesPerHour: 10).effectiveChangesPerHour == 4)
        #expect(Guardrails(maxChangesPerHour: 10).problems.map(\.path) == ["guardrails.maxChangesPerHour"])
    }

    @Test("At most three budget changes a day per entity")
    func dailyCount() throws {
        let runner = F.runner(entities: [F.entity("g1")], rows: Self.spending)
        var history = ChangeHistory(
            [-20, -14, -8].map { hours in
                RecentChange(
                    at: F.now.addingTimeInterval(Double(hours) * 3_600), entity: F.key("g1"), field: .budget,
                    ruleID: nil, oldAmount: 10_000, newAmount: 10_000)
            })
        let plan = try F.run(F.budgetRule(), runner, history: &history)
        #expect(plan.results.first?.skipReasons.map(\.kind) == [.changesPerDay])
    }

    @Test("A change larger than 20% is cut to 20%, and a day's changes to ±50% of the day's first value")
    func changeSizeLimits() throws {
        let runner = F.runner(entities: [F.entity("g1")], rows: Self.spending)
        var history = ChangeHistory()
        let big = Rule(
            id: "big", name: "Raise by 50.00", scope: RuleScope(level: .adGroup),
            conditions: .compare(Comparison(.spend, over: .yesterday, ">", 0)),
            actions: [.changeBudget(.amount(F.usd(5_000)))])
        let plan = try F.run(big, runner, history: &history)
        let change = try #require(plan.results.first?.plannedChanges.first)
        #expect(change.newValue == .budget(Budget(.daily, F.usd(12_000))))
        #expect(change.limitedBy == ["maxChangePercent"])

        // Earlier today the budget went 100.00 → 80.00 → 60.00; a 20% cut to 48.00 stops at 50.00.
        let seen = F.now.addingTimeInterval(-3_600)
        var lowered = F.entity("g1", budget: 6_000)
        lowered.seenAt = seen
        var earlier = ChangeHistory([
            RecentChange(
                at: F.now.addingTimeInterval(-5 * 3_600), entity: F.key("g1"), field: .budget, ruleID: nil,
                oldAmount: 10_000, newAmount: 8_000),
            RecentChange(
                at: F.now.addingTimeInterval(-3 * 3_600), entity: F.key("g1"), field: .budget, ruleID: nil,
                oldAmount: 8_000, newAmount: 6_000),
        ])
        let cut = try F.run(
            F.budgetRule(percent: -20), F.runner(entities: [lowered], rows: Self.spending), history: &earlier)
        let cutChange = try #require(cut.results.first?.plannedChanges.first)
        #expect(cutChange.newValue == .budget(Budget(.daily, F.usd(5_000))))
        #expect(cutChange.limitedBy == ["maxDailyChangePercent"])

        // At 50.00 there is nothing left to cut today.
        var floor = F.entity("g1", budget: 5_000)
        floor.seenAt = seen
        var atFloor = ChangeHistory([
            RecentChange(
                at: F.now.addingTimeInterval(-5 * 3_600), entity: F.key("g1"), field: .budget, ruleID: nil,
                oldAmount: 10_000, newAmount: 5_000)
        ])
        let none = try F.run(F.budgetRule(), F.runner(entities: [floor], rows: Self.spending), history: &atFloor)
        #expect(none.results.first?.skipReasons.map(\.kind) == [.dailyChangeLimit])
    }

    @Test("No budget or bid change while learning, unless the rule is an emergency; a pause still goes")
    func learningFreeze() throws {
        let runner = F.runner(entities: [F.entity("g1", isLearning: true)], rows: Self.spending)
        var history = ChangeHistory()
        let frozen = try F.run(F.budgetRule(), runner, history: &history)
        #expect(frozen.results.first?.outcome == .skipped)
        #expect(frozen.results.first?.skipReasons.map(\.kind) == [.learning])

        var fresh = ChangeHistory()
        let emergency = try F.run(F.budgetRule(emergency: true), runner, history: &fresh)
        #expect(emergency.results.first?.outcome == .matched)

        var pauseRule = F.budgetRule()
        pauseRule.actions = [.pause]
        var again = ChangeHistory()
        #expect(try F.run(pauseRule, runner, history: &again).requests.map(\.kind) == [.pause])
    }

    @Test("A budget never goes below the platform's minimum, nor the rule's")
    func minimums() throws {
        // TikTok ad groups take at least 20.00 a day.
        let tiktok = F.entity("t1", platform: .tiktok, budget: 2_100)
        var history = ChangeHistory()
        let plan = try F.run(
            F.budgetRule(), F.runner(entities: [tiktok], rows: F.rows("t1", spend: 500, conversions: 0)),
            history: &history)
        let change = try #require(plan.results.first?.plannedChanges.first)
        #expect(change.newValue == .budget(Budget(.daily, F.usd(2_000))))
        #expect(change.limitedBy == ["platformMinimum"])

        let atMinimum = F.entity("t1", platform: .tiktok, budget: 2_000)
        var fresh = ChangeHistory()
        let none = try F.run(
            F.budgetRule(), F.runner(entities: [atMinimum], rows: F.rows("t1", spend: 500, conversions: 0)),
            history: &fresh)
        #expect(none.results.first?.skipReasons.map(\.kind) == [.platformMinimum])

        var bounded = ChangeHistory()
        let ruleFloor = try F.run(
            F.budgetRule(minimum: F.usd(9_500)), F.runner(entities: [F.entity("g1")], rows: Self.spending),
            history: &bounded)
        #expect(ruleFloor.results.first?.plannedChanges.first?.newValue == .budget(Budget(.daily, F.usd(9_500))))
        #expect(ruleFloor.results.first?.plannedChanges.first?.limitedBy == ["ruleBounds"])
    }

    @Test("A rule's execution limit stops it after that many actions in 24 hours")
    func executionLimit() throws {
        let entities = ["a", "b", "c"].map { F.entity($0) }
        let rows = ["a", "b", "c"].flatMap { F.rows($0, spend: 9_000, conversions: 1) }
        var rule = F.cpaPause
        rule.executionLimit = 2
        var history = ChangeHistory()
        let plan = try F.run(rule, F.runner(entities: entities, rows: rows), history: &history)
        #expect(plan.results.map(\.outcome) == [.matched, .matched, .skipped])
        #expect(plan.results.last?.skipReasons.map(\.kind) == [.executionLimit])
        #expect(plan.requests.map(\.entityIDs) == [["a", "b"]])
    }

    @Test("A bid cap changes by a percentage; an automatic bid is left alone")
    func bids() throws {
        let entities = [F.entity("capped"), F.entity("auto", bid: .automatic)]
        let rows = F.rows("capped", spend: 9_000, conversions: 1) + F.rows("auto", spend: 9_000, conversions: 1)
        var rule = F.cpaPause
        rule.actions = [.changeBid(.percent(-10))]
        var history = ChangeHistory()
        let plan = try F.run(rule, F.runner(entities: entities, rows: rows), history: &history)
        #expect(plan.requests.map(\.kind) == [.bid(.costCap(F.usd(900)))])
        #expect(plan.results.last?.skipReasons.map(\.kind) == [.notApplicable])
    }

    @Test("A second rule pausing in the same pass finds the entity already paused")
    func pauseAcrossRules() throws {
        let rows = F.rows("g1", spend: 9_000, conversions: 1)
        let runner = F.runner(entities: [F.entity("g1")], rows: rows)
        var other = F.cpaPause
        other.id = "other-pause"
        var history = ChangeHistory()
        let plans = runner.run([try CompiledRule(F.cpaPause), try CompiledRule(other)], history: &history, now: F.now)
        #expect(plans.map(\.requests.count) == [1, 0])
        #expect(plans.last?.results.first?.skipReasons.map(\.kind) == [.alreadyInState])
    }

    @Test("An entity from a campaign's mapping carries its last-seen status, budget and time")
    func entityFromMapping() throws {
        let budget = Budget(.daily, F.usd(25_000))
        let campaign = Campaign(
            id: F.campaignID, jobID: UUID(), batchID: UUID(), ticket: nil, platform: .meta, accountID: F.accountID,
            name: "Spring", objective: .conversions, status: .live, budget: budget,
            schedule: Schedule(start: F.now, end: nil), platformCampaignID: "c1", createdAt: F.now, updatedAt: F.now)
        let mapping = EntityMapping(
            campaignID: F.campaignID, level: .campaign, platformID: "c1", parentPlatformID: "act_1", name: "Spring",
            stepKey: "campaign", lastSeenStatus: .active, lastSeenBudget: nil, lastSeenAt: F.now)
        let entity = try #require(RuleEntity(mapping: mapping, of: campaign))
        #expect(entity.key == F.key("c1", level: .campaign))
        #expect(entity.budget == budget)
        #expect(entity.status == .active)
        #expect(entity.seenAt == F.now)
        var media = mapping
        media.level = .media
        #expect(RuleEntity(mapping: media, of: campaign) == nil)
    }
}
