import AdPlatformKit
import Automation
import Foundation
import Testing
import Trafficking

/// Rules stay fast at scale: the metrics are indexed once and compiled conditions read them by index.
@Suite("Automation at scale")
struct AutomationScaleTests {
    typealias F = AutomationFixtures

    @Test("A rule over 10,000 entities with 30 days of metrics each evaluates within budget")
    func oneRuleOverTenThousandEntities() throws {
        let workload = AutomationWorkload(entities: 10_000, days: 30, rules: 0, today: F.today)
        let evaluator = RuleEvaluator(
            entities: workload.entities, metrics: MetricsIndex(rows: workload.rows, today: workload.today))
        let rule = try CompiledRule(F.cpaPause)
        let clock = ContinuousClock()
        var evaluation = RuleEvaluation(inScope: 0, results: [])
        let elapsed = clock.measure { evaluation = evaluator.evaluate(rule) }
        #expect(evaluation.inScope == 10_000)
        #expect(evaluation.matched > 0 && evaluation.matched < 10_000)
        // The pass's budget is 10 s for 1,000 rules, so 10 ms a rule in a release build; this allows a debug build
        // fifty times that.
        #expect(elapsed < .milliseconds(500), "took \(elapsed)")

        // Every match is exactly an entity whose CPA over the 3 days before today is above 50, summed from rows.
        let matched = Set(evaluation.results.map { workload.entities[$0.entityIndex].key.platformID })
        var expected: Set<String> = []
        var sums: [String: (spend: Int64, conversions: Double)] = [:]
        let oldest = F.today.adding(-3).description
        let newest = F.today.adding(-1).description
        for row in workload.rows where row.date >= oldest && row.date <= newest {
            sums[row.platformID, default: (0, 0)].spend += row.totals.spend.minorUnits
            sums[row.platformID, default: (0, 0)].conversions += row.totals.conversions
        }
        for (id, sum) in sums where sum.conversions > 0 && Double(sum.spend) / 100 / sum.conversions > 50 {
            expected.insert(id)
        }
        #expect(matched == expected)
    }

    @Test("A pass of a hundred rules over 2,000 entities holds every entity to the guardrails")
    func manyRulesPass() throws {
        let workload = AutomationWorkload(entities: 2_000, days: 30, rules: 100, today: F.today)
        let runner = F.runner(
            entities: workload.entities, rows: workload.rows, signer: WebhookSigner(secret: Data("s".utf8)))
        var history = ChangeHistory()
        let plans = runner.run(try workload.rules.map { try CompiledRule($0) }, history: &history, now: F.now)
        let requests = plans.flatMap(\.requests)
        #expect(!requests.isEmpty)
        #expect(requests.allSatisfy { $0.requestedBy.hasPrefix("rule:bench-") })
        var budgetChanges: [String: Int] = [:]
        var bidChanges: [String: Int] = [:]
        for request in requests {
            for id in request.entityIDs {
                if case .budget = request.kind { budgetChanges[id, default: 0] += 1 }
                if case .bid = request.kind { bidChanges[id, default: 0] += 1 }
            }
        }
        #expect(!budgetChanges.isEmpty)
        #expect(budgetChanges.values.allSatisfy { $0 <= 3 })
        #expect(bidChanges.values.allSatisfy { $0 <= 3 })
        // Every change planned is within 20% of the value it starts from, and no entity learning got one.
        let learning = Set(workload.entities.filter(\.isLearning).map(\.key.platformID))
        for execution in plans.flatMap(\.executions) {
            if case .budget(let old)? = execution.oldValue, case .budget(let new)? = execution.newValue {
                #expect(abs(new.amount.minorUnits - old.amount.minorUnits) * 5 <= old.amount.minorUnits)
                #expect(!learning.contains(execution.entity.platformID))
            }
        }
        #expect(plans.flatMap(\.notifications).count == plans.filter { !$0.notifications.isEmpty }.count)
    }
}
