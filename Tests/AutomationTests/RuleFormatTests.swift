import AdPlatformKit
import Automation
import Foundation
import Testing
import Trafficking

/// Rules read and write as JSON and YAML in the documented format, and mean the same either way.
@Suite("Rule format")
struct RuleFormatTests {
    static let json = """
        {
          "id": "cpa-guard",
          "name": "Pause expensive prospecting ad sets",
          "scope": {"level": "adGroup", "platforms": ["meta", "tiktok"], "nameContains": ["prospecting"]},
          "targets": {"cpa": 40},
          "conditions": {"all": [
            {"metric": "spend", "window": "last3Days", "op": ">", "value": 50},
            {"any": [
              {"metric": "cpa", "window": "last3Days", "op": ">", "value": {"factor": 2, "of": {"target": "cpa"}}},
              {"metric": "conversions", "window": "last3Days", "op": "=", "value": 0}
            ]},
            {"not": {"metric": "roas", "window": "last7Days", "op": ">=", "value": 2}}
          ]},
          "actions": [
            {"type": "pause"},
            {"type": "notify", "url": "https://hooks.example.com/adops"}
          ],
          "schedule": {"everyMinutes": 15}
        }
        """

    static let yaml = """
        id: cpa-guard
        name: Pause expensive prospecting ad sets
        scope:
          level: adGroup
          platforms: [meta, tiktok]
          nameContains: [prospecting]
        targets: {cpa: 40}
        conditions:
          all:
            - {metric: spend, window: last3Days, op: ">", value: 50}
            - any:
                - metric: cpa
                  window: last3Days
                  op: ">"
                  value: {factor: 2, of: {target: cpa}}
                - {metric: conversions, window: last3Days, op: "=", value: 0}
            - not: {metric: roas, window: last7Days, op: ">=", value: 2}
        actions:
          - type: pause
          - {type: notify, url: "https://hooks.example.com/adops"}
        schedule: {everyMinutes: 15}
        """

    @Test("The JSON and YAML forms of a rule decode to the same rule")
    func jsonAndYAMLAgree() throws {
        let fromJSON = try RuleCoding.decodeJSON(Data(Self.json.utf8))
        let fromYAML = try RuleCoding.decodeYAML(Self.yaml)
        #expect(fromJSON == fromYAML)
        #expect(fromJSON.scope.platforms == [.meta, .tiktok])
        #expect(fromJSON.schedule.everyMinutes == 15)
        #expect(fromJSON.enabled)
        #expect(!fromJSON.emergency)
        guard case .all(let parts) = fromJSON.conditions, parts.count == 3,
            case .any(let alternatives) = parts[1], case .compare(let cpa) = alternatives[0]
        else {
            Issue.record("unexpected shape: \(fromJSON.conditions)")
            return
        }
        #expect(cpa.right == .product(factor: 2, .target("cpa")))
        #expect(fromJSON.actions == [.pause, .notify(url: "https://hooks.example.com/adops")])
    }

    @Test("A rule survives a round trip through JSON and through YAML")
    func roundTrips() throws {
        let rule = Rule(
            id: "budget", name: "Scale winners", scope: RuleScope(level: .campaign, platforms: [.google]),
            window: .last7Days,
            conditions: .all([
                .compare(Comparison(.roas, "gt", 3)),
                .compare(Comparison(.metric(.cpa, window: .last3DaysIncludingToday), "<", .metric(.cpa, window: nil))),
            ]),
            actions: [
                .changeBudget(
                    .amount(Money(minorUnits: 2_500, currency: .usd)), minimum: nil,
                    maximum: Money(minorUnits: 100_000, currency: .usd)),
                .changeBid(.percent(5)),
            ],
            schedule: RuleSchedule(everyMinutes: 60), targets: ["roas": 3], emergency: true, executionLimit: 50)
        #expect(try RuleCoding.decodeJSON(RuleCoding.encodeJSON(rule)) == rule)
        #expect(try RuleCoding.decodeYAML(RuleCoding.encodeYAML(rule)) == rule)
        #expect(RuleValidator(platforms: AutomationFixtures.platforms).validate(rule).isEmpty)
    }

    @Test("Defaults: enabled, every 30 minutes, no targets, not an emergency")
    func defaults() throws {
        let rule = try RuleCoding.decodeYAML(
            """
            id: r
            name: r
            scope: {level: ad}
            conditions: {metric: ctr, window: yesterday, op: "<", value: 0.5}
            actions: [{type: pause}]
            """)
        #expect(rule.enabled)
        #expect(rule.schedule == RuleSchedule(everyMinutes: 30))
        #expect(rule.targets.isEmpty)
        #expect(rule.executionLimit == nil)
        #expect(rule.schedule.isDue(lastRun: nil, now: AutomationFixtures.now))
        #expect(
            !rule.schedule.isDue(lastRun: AutomationFixtures.now, now: AutomationFixtures.now.addingTimeInterval(600)))
        #expect(
            rule.schedule.isDue(lastRun: AutomationFixtures.now, now: AutomationFixtures.now.addingTimeInterval(1_800)))
    }
}
