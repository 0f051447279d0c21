import AdPlatformKit
import AdPlatformTesting
import Automation
import Foundation
import Testing
import Trafficking

/// A rule is refused as a whole, with every problem and its path.
@Suite("Rule validation")
struct RuleValidatorTests {
    typealias F = AutomationFixtures

    static let validator = RuleValidator(platforms: F.platforms)

    @Test("A valid rule has no problems")
    func validRule() {
        #expect(Self.validator.validate(F.cpaPause).isEmpty)
        // Google holds budgets on campaigns only, so an ad-group budget rule names the other platforms.
        var budget = F.budgetRule()
        budget.scope.platforms = [.meta, .tiktok, .snapchat]
        #expect(Self.validator.validate(budget).isEmpty)
    }

    @Test("Every problem is listed with its path")
    func everyProblemWithItsPath() throws {
        let json = """
            {
              "id": "broken", "name": "",
              "scope": {"level": "adGroup", "platforms": ["meta", "myspace"]},
              "conditions": {"all": [
                {"metric": "cpa", "window": "last3Days", "op": ">", "value": 50},
                {"metric": "cpx", "window": "last5Days", "op": "~", "value": 1},
                {"any": []},
                {"not": {"metric": "spend", "op": ">", "value": {"factor": 2, "of": {"target": "cpa"}}}},
                {"left": 1, "op": "<", "right": 2}
              ]},
              "actions": [
                {"type": "changeBudget", "percent": 35},
                {"type": "notify", "url": "http://hooks.example.com/x"}
              ],
              "schedule": {"everyMinutes": 0},
              "executionLimit": 0
            }
            """
        let rule = try RuleCoding.decodeJSON(Data(json.utf8))
        let problems = Self.validator.validate(rule)
        #expect(
            problems.map(\.path) == [
                "name",
                "scope.platforms[1]",
                "conditions.all[1].op",
                "conditions.all[1].metric",
                "conditions.all[1].window",
                "conditions.all[2].any",
                "conditions.all[3].not.window",
                "conditions.all[3].not.value.of.target",
                "conditions.all[4]",
                "actions[0].percent",
                "actions[1].url",
                "schedule.everyMinutes",
                "executionLimit",
            ])
        #expect(
            problems.first { $0.path == "conditions.all[1].metric" }?.message.contains("unknown metric 'cpx'") == true)
        #expect(problems.first { $0.path == "actions[0].percent" }?.message.contains("20% per change") == true)
        #expect(throws: RuleRefusal.self) { try Self.validator.check(rule) }
    }

    @Test("An action the platform cannot do is refused, naming the platform")
    func actionsThePlatformCannotDo() {
        // Budgets sit on campaigns on Google, on ad groups on Snapchat; nobody holds budgets on ads.
        var adBudget = F.budgetRule()
        adBudget.scope = RuleScope(level: .ad, platforms: [.meta])
        #expect(Self.validator.validate(adBudget).map(\.path) == ["actions[0]"])

        var groupBudget = F.budgetRule()
        groupBudget.scope = RuleScope(level: .adGroup)
        let problems = Self.validator.validate(groupBudget)
        #expect(problems.map(\.path) == ["actions[0]"])
        #expect(problems.first?.message.contains("Google") == true)

        var campaignBid = F.cpaPause
        campaignBid.scope = RuleScope(level: .campaign, platforms: [.meta, .tiktok])
        campaignBid.actions = [.changeBid(.percent(-5))]
        #expect(Self.validator.validate(campaignBid).count == 2)

        var both = F.cpaPause
        both.actions = [.pause, .unpause]
        #expect(Self.validator.validate(both).map(\.message).contains("a rule cannot both pause and unpause"))
    }

    @Test("A rule-wide window serves conditions without one")
    func ruleWideWindow() throws {
        let rule = try RuleCoding.decodeYAML(
            """
            id: zero-conv
            name: Spend without conversions
            scope: {level: adGroup}
            window: last7Days
            conditions:
              all:
                - {metric: spend, op: ">", value: 50}
                - {metric: conversions, op: "=", value: 0}
            actions: [{type: pause}]
            """)
        #expect(Self.validator.validate(rule).isEmpty)
    }

    @Test("A malformed document is refused with the path where it breaks")
    func malformedDocument() {
        let json =
            #"{"id": "x", "name": "x", "scope": {"level": "adGroup"}, "conditions": {"all": [{"metric": "cpa"}]}, "actions": []}"#
        #expect {
            try RuleCoding.decodeJSON(Data(json.utf8))
        } throws: { error in
            guard let refusal = error as? RuleRefusal else { return false }
            return refusal.problems.map(\.path) == ["conditions.all[0]"]
        }
        let badLevel =
            #"{"id": "x", "name": "x", "scope": {"level": "adSet"}, "conditions": {"metric": "cpa", "window": "today", "op": ">", "value": 1}, "actions": [{"type": "pause"}]}"#
        #expect {
            try RuleCoding.decodeJSON(Data(badLevel.utf8))
        } throws: { error in
            (error as? RuleRefusal)?.problems.map(\.path) == ["scope.level"]
        }
        let badAction =
            #"{"id": "x", "name": "x", "scope": {"level": "adGroup"}, "conditions": {"metric": "cpa", "window": "today", "op": ">", "value": 1}, "actions": [{"type": "pause"}, {"type": "explode"}]}"#
        #expect {
            try RuleCoding.decodeJSON(Data(badAction.utf8))
        } throws: { error in
            (error as? RuleRefusal)?.problems.map(\.path) == ["actions[1].type"]
        }
    }

    @Test("A platform the registry does not know is refused")
    func unknownPlatforms() {
        let validator = RuleValidator(registry: PlatformRegistry(transport: ScriptedTransport(), []))
        #expect(validator.platforms.isEmpty)
        var rule = F.budgetRule()
        rule.scope.platforms = [.meta]
        #expect(validator.validate(rule).map(\.path) == ["scope.platforms[0]"])
    }
}
