import AdPlatformKit
import Automation
import Foundation
import Testing
import Trafficking

/// Conditions select exactly the entities that qualify, over the right days, and the pre-aggregated windows agree
/// with summing the rows.
@Suite("Rule evaluation")
struct RuleEvaluatorTests {
    typealias F = AutomationFixtures

    @Test("CPA > 50 over the last 3 days → pause selects exactly the entities that qualify")
    func cpaPauseSelectsQualifyingEntities() throws {
        let entities = [
            F.entity("over"),  // 60 a conversion
            F.entity("under"),  // 40 a conversion
            F.entity("noConversions"),  // spends, never converts: no CPA at all
            F.entity("onlyToday"),  // expensive today only; today is excluded
            F.entity("longAgo"),  // expensive 5 days ago only
            F.entity("exactly"),  // exactly 50: not over
            F.entity("adLevel", level: .ad),  // qualifies, but not an ad group
            F.entity("paused", status: .paused),  // qualifies, already paused
        ]
        let rows =
            F.rows("over", spend: 6_000, conversions: 1) + F.rows("under", spend: 4_000, conversions: 1)
            + F.rows("noConversions", spend: 9_000, conversions: 0)
            + F.rows("onlyToday", spend: 1_000, conversions: 1)
            + [F.row("onlyToday", daysAgo: 0, spend: 900_000, conversions: 1)]
            + F.rows("longAgo", spend: 1_000, conversions: 1)
            + [F.row("longAgo", daysAgo: 5, spend: 900_000, conversions: 1)]
            + F.rows("exactly", spend: 5_000, conversions: 1)
            + [F.row("adLevel", daysAgo: 1, spend: 9_000, conversions: 1, level: .ad)]
            + F.rows("paused", spend: 9_000, conversions: 1)
        let runner = F.runner(entities: entities, rows: rows)
        var history = ChangeHistory()
        let plan = try F.run(F.cpaPause, runner, history: &history)

        #expect(plan.evaluated == 7)  // the ad is out of scope
        #expect(plan.results(.matched).map(\.entity.platformID) == ["over"])
        #expect(plan.results(.skipped).map(\.entity.platformID) == ["paused"])
        #expect(plan.results(.skipped).first?.skipReasons.map(\.kind) == [.alreadyInState])
        #expect(
            plan.requests == [
                ActionRequest(
                    campaignID: F.campaignID, kind: .pause, level: .adGroup, entityIDs: ["over"],
                    requestedBy: "rule:cpa-pause")
            ])
        let matched = try #require(plan.results(.matched).first)
        #expect(matched.values == [ObservedValue(metric: .cpa, window: .last3Days, value: 60)])
        #expect(matched.plannedChanges.first?.oldValue == .status(.active))
        #expect(matched.plannedChanges.first?.newValue == .status(.paused))
        #expect(plan.executions.count == 1)
        #expect(plan.executions.first?.inputs == matched.values)
    }

    @Test("A window that includes today reads today's partial day")
    func todayInclusiveWindow() throws {
        let rows =
            F.rows("onlyToday", days: 1...2, spend: 1_000, conversions: 1)
            + [F.row("onlyToday", daysAgo: 0, spend: 900_000, conversions: 1)]
        let metrics = MetricsIndex(rows: rows, today: F.today)
        #expect(metrics.value(.cpa, over: .last3Days, of: F.key("onlyToday")) == 10)
        #expect(metrics.value(.cpa, over: .last3DaysIncludingToday, of: F.key("onlyToday")) == 9_020.0 / 3)
        #expect(metrics.value(.spend, over: .today, of: F.key("onlyToday")) == 9_000)
        #expect(metrics.value(.spend, over: .yesterday, of: F.key("onlyToday")) == 10)
    }

    @Test("AND, OR and NOT nest, and a side without a value is unknown, never true")
    func threeValuedLogic() throws {
        let entities = [F.entity("spender"), F.entity("converter")]
        let rows = F.rows("spender", spend: 3_000, conversions: 0) + F.rows("converter", spend: 3_000, conversions: 3)
        let evaluator = RuleEvaluator(entities: entities, metrics: MetricsIndex(rows: rows, today: F.today))
        func matches(_ condition: Condition) throws -> [String] {
            var rule = F.cpaPause
            rule.conditions = condition
            return evaluator.evaluate(try CompiledRule(rule)).results.filter { $0.outcome == .matched }
                .map { entities[$0.entityIndex].key.platformID }
        }
        // Over the 3 days the spender spends 90.00 without converting (no CPA); the converter's CPA is 10.
        let cpaOver20 = Condition.compare(Comparison(.cpa, over: .last3Days, ">", 20))
        let noConversions = Condition.compare(Comparison(.conversions, over: .last3Days, "=", 0))
        // "spend > 50 and conversions = 0"
        #expect(
            try matches(.all([.compare(Comparison(.spend, over: .last3Days, ">", 50)), noConversions])) == ["spender"])
        // Unknown for the spender, false for the converter.
        #expect(try matches(cpaOver20) == [])
        // NOT unknown is unknown: only the converter's false turns true.
        #expect(try matches(.not(cpaOver20)) == ["converter"])
        // Unknown OR true is true.
        #expect(try matches(.any([cpaOver20, noConversions])) == ["spender"])
        // Unknown AND false is false, and NOT false is true.
        #expect(try matches(.not(.all([cpaOver20, noConversions]))) == ["converter"])
    }

    @Test("A metric compares with another metric and with a target, the entity's own replacing the rule's")
    func metricAgainstMetricAndTargets() throws {
        let entities = [F.entity("a"), F.entity("b", targets: ["cpa": 10]), F.entity("c")]
        let rows =
            F.rows("a", spend: 3_000, conversions: 1) + F.rows("b", spend: 3_000, conversions: 1)
            + F.rows("c", days: 1...30, spend: 1_000, conversions: 1)
            + [F.row("c", daysAgo: 1, spend: 50_000, conversions: 0)]
        let evaluator = RuleEvaluator(entities: entities, metrics: MetricsIndex(rows: rows, today: F.today))
        var rule = F.cpaPause
        rule.targets = ["cpa": 20]
        // CPA > 2 × target: 30 > 40 is false for a; 30 > 20 is true for b (its own target is 10); c's last 3 days
        // cost 530.00 for 3 conversions.
        rule.conditions = .compare(
            Comparison(.metric(.cpa, window: .last3Days), ">", .product(factor: 2, .target("cpa"))))
        let byTarget = evaluator.evaluate(try CompiledRule(rule)).results.map {
            entities[$0.entityIndex].key.platformID
        }
        #expect(byTarget == ["b", "c"])
        // CPA over 3 days above 1.5 × CPA over 30 days: only c, whose last days cost more.
        rule.conditions = .compare(
            Comparison(
                .metric(.cpa, window: .last3Days), ">", .product(factor: 1.5, .metric(.cpa, window: .last30Days))))
        let results = evaluator.evaluate(try CompiledRule(rule)).results
        #expect(results.map { entities[$0.entityIndex].key.platformID } == ["c"])
        #expect(results.first?.values.map(\.window) == [.last3Days, .last30Days])
    }

    @Test("The scope narrows by platform, account, campaign, name and label")
    func scopeFilters() throws {
        let entities = [
            F.entity("m1", name: "Spring Prospecting US", labels: ["holiday"]),
            F.entity("m2", name: "Spring retargeting US"),
            F.entity("t1", name: "Spring prospecting CA", platform: .tiktok),
        ]
        let rows = entities.flatMap { F.rows($0.key.platformID, spend: 9_000, conversions: 1) }
        let evaluator = RuleEvaluator(entities: entities, metrics: MetricsIndex(rows: rows, today: F.today))
        func scoped(_ scope: RuleScope) throws -> [String] {
            var rule = F.cpaPause
            rule.scope = scope
            return evaluator.evaluate(try CompiledRule(rule)).results.map { entities[$0.entityIndex].key.platformID }
        }
        #expect(try scoped(RuleScope(level: .adGroup)) == ["m1", "m2", "t1"])
        #expect(try scoped(RuleScope(level: .adGroup, platforms: [.meta])) == ["m1", "m2"])
        #expect(try scoped(RuleScope(level: .adGroup, nameContains: ["PROSPECTING"])) == ["m1", "t1"])
        #expect(try scoped(RuleScope(level: .adGroup, nameExcludes: ["us"])) == ["t1"])
        #expect(try scoped(RuleScope(level: .adGroup, labels: ["holiday"])) == ["m1"])
        #expect(try scoped(RuleScope(level: .adGroup, accounts: [UUID()])) == [])
        #expect(try scoped(RuleScope(level: .adGroup, campaigns: [F.campaignID])) == ["m1", "m2", "t1"])
        #expect(try scoped(RuleScope(level: .campaign)) == [])
    }

    @Test("Every window of the index equals the sum of its rows, derived figures included")
    func indexAgreesWithRows() throws {
        let workload = AutomationWorkload(entities: 40, days: 30, rules: 0, today: F.today)
        let metrics = MetricsIndex(rows: workload.rows, today: workload.today)
        for entity in workload.entities {
            for window in MetricWindow.known {
                let days = try #require(window.days)
                let rows = workload.rows.filter { row in
                    guard row.platformID == entity.key.platformID, let day = CalendarDay(row.date) else {
                        return false
                    }
                    let back = F.today.daysSinceEpoch - day.daysSinceEpoch
                    return back >= days.newest && back <= days.oldest
                }
                let totals = rows.map(\.totals).reduce(MetricTotals.zero(.usd), +)
                let key = entity.key
                #expect(metrics.value(.spend, over: window, of: key) == Double(totals.spend.minorUnits) / 100)
                #expect(metrics.value(.impressions, over: window, of: key) == Double(totals.impressions))
                #expect(metrics.value(.conversions, over: window, of: key) == totals.conversions)
                #expect(close(metrics.value(.cpa, over: window, of: key), totals.costPerAcquisition))
                #expect(close(metrics.value(.roas, over: window, of: key), totals.returnOnAdSpend))
                #expect(close(metrics.value(.cpc, over: window, of: key), totals.costPerClick))
                #expect(close(metrics.value(.cpm, over: window, of: key), totals.costPerMille))
                #expect(close(metrics.value(.ctr, over: window, of: key), totals.clickThroughRate.map { $0 * 100 }))
            }
        }
    }

    @Test("An entity whose rows are in two currencies errors instead of being summed")
    func mixedCurrenciesError() throws {
        let entities = [F.entity("mixed")]
        let rows = [
            F.row("mixed", daysAgo: 1, spend: 9_000, conversions: 1),
            F.row("mixed", daysAgo: 2, spend: 9_000, conversions: 1, currency: .eur),
        ]
        let runner = F.runner(entities: entities, rows: rows)
        let plan = try runner.preview(F.cpaPause, history: ChangeHistory(), now: F.now)
        #expect(plan.results.map(\.outcome) == [.errored])
        #expect(plan.results.first?.error?.contains("more than one currency") == true)
        #expect(plan.requests.isEmpty)
    }

    private func close(_ lhs: Double?, _ rhs: Double?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): true
        case (let lhs?, let rhs?): abs(lhs - rhs) <= 1e-9 * max(1, abs(lhs), abs(rhs))
        default: false
        }
    }
}
