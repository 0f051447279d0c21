import AdPlatformKit
import Automation
import Foundation
import Testing
import Trafficking

/// A preview (dry run) lists every entity in scope with what a run would do, and changes nothing.
@Suite("Rule preview")
struct RulePreviewTests {
    typealias F = AutomationFixtures

    static let entities = [
        F.entity("match"), F.entity("cheap"), F.entity("cooling"), F.entity("learning", isLearning: true),
    ]
    static let rows =
        ["match", "cooling", "learning"].flatMap { F.rows($0, spend: 9_000, conversions: 1) }
        + F.rows("cheap", spend: 1_000, conversions: 1)
    static let rule = Rule(
        id: "cpa-trim", name: "Trim expensive ad groups", scope: RuleScope(level: .adGroup),
        conditions: .compare(Comparison(.cpa, over: .last3Days, ">", 50)), actions: [.changeBudget(.percent(-10))])

    @Test("A preview lists matched, not matched, skipped with the reason, and errored entities")
    func previewListsEveryEntity() throws {
        let runner = F.runner(entities: Self.entities, rows: Self.rows)
        let history = ChangeHistory([
            RecentChange(
                at: F.now.addingTimeInterval(-3_600), entity: F.key("cooling"), field: .budget, ruleID: "cpa-trim",
                oldAmount: 11_000, newAmount: 10_000)
        ])
        let preview = try runner.preview(Self.rule, history: history, now: F.now)
        #expect(preview.isPreview)
        #expect(preview.evaluated == 4)
        #expect(preview.results.map(\.entity.platformID) == ["match", "cheap", "cooling", "learning"])
        #expect(preview.results.map(\.outcome) == [.matched, .notMatched, .skipped, .skipped])
        #expect(preview.results[1].values == [ObservedValue(metric: .cpa, window: .last3Days, value: 10)])
        #expect(preview.results[2].skipReasons.map(\.kind) == [.cooldown])
        #expect(preview.results[3].skipReasons.map(\.kind) == [.learning])
        #expect(preview.requests.map(\.entityIDs) == [["match"]])
    }

    @Test("A preview changes nothing: the history is untouched and a run afterwards does the same")
    func previewChangesNothing() throws {
        let runner = F.runner(entities: Self.entities, rows: Self.rows)
        var history = ChangeHistory()
        let before = history
        let first = try runner.preview(Self.rule, history: history, now: F.now)
        let second = try runner.preview(Self.rule, history: history, now: F.now)
        #expect(history == before)
        #expect(first.requests == second.requests)
        #expect(first.results == second.results)

        let run = try F.run(Self.rule, runner, history: &history)
        #expect(!run.isPreview)
        #expect(run.requests == first.requests)
        // The run, not the previews, recorded its changes: "match" and "cooling" (not cooling without history).
        #expect(history.changes.map(\.entity.platformID).sorted() == ["cooling", "match"])
        // The run keeps matched, skipped and errored entities, not the ones that did not match.
        #expect(run.results.map(\.entity.platformID) == ["match", "cooling", "learning"])
    }

    @Test("A rule with problems in its conditions cannot be previewed")
    func previewRefusesBrokenRule() throws {
        var rule = Self.rule
        rule.conditions = .compare(Comparison(.metric("cpx", window: "last5Days"), ">", .number(1)))
        let runner = F.runner(entities: Self.entities, rows: Self.rows)
        #expect(throws: RuleRefusal.self) { try runner.preview(rule, history: ChangeHistory(), now: F.now) }
    }
}
