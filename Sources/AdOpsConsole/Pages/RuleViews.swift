import AdPlatformKit
import Automation
import Foundation
import Trafficking

/// The rule list.
struct RulesView {
    /// A rule's row.
    struct Row {
        var id: String
        var href: String
        var name: String
        var enabled: Bool
        var every: String
        var lastRun: String
        var nextRun: String
        var version: Int
    }

    var rules: [Row]
    var count: String
    var isEmpty: Bool
    var history: [HistoryRow]

    init(rules: [StoredRule], total: Int, history: [RuleExecutionRecord]) {
        self.rules = rules.map {
            Row(
                id: $0.id, href: "/rules/\(RulesPage.escapePath($0.id))", name: $0.name, enabled: $0.enabled,
                every: "every \($0.everyMinutes) min", lastRun: Format.time($0.lastRunAt),
                nextRun: $0.enabled ? Format.time($0.nextRunAt) : "disabled", version: $0.version)
        }
        count = "\(total) rule\(total == 1 ? "" : "s")"
        isEmpty = total == 0
        self.history = history.map(HistoryRow.init)
    }
}

/// A line of a rule's history: what it did, to what, and what the platform answered.
struct HistoryRow {
    var at: String
    var rule: String
    var ruleHref: String
    var campaignHref: String
    var entity: String
    var action: String
    var status: String
    var answer: String

    init(_ record: RuleExecutionRecord) {
        at = Format.time(record.createdAt)
        rule = record.ruleName
        ruleHref = "/rules/\(RulesPage.escapePath(record.ruleID))"
        campaignHref = "/campaigns/\(record.campaignID.uuidString)"
        entity = "\(record.platform.rawValue) \(record.level) \(record.entityID)"
        action = record.action
        status =
            record.failed ? "failed" : (record.actionStatus?.rawValue ?? (record.response == nil ? "planned" : "sent"))
        answer = record.actionError ?? record.platformAnswer ?? record.response ?? ""
    }
}

/// The new-rule form.
struct RuleEditorView {
    var text: String
    var problems: [String]
    /// Stored, not computed: templates read values by reflection, which sees only stored properties.
    var hasProblems: Bool

    init(text: String, problems: [String]) {
        self.text = text
        self.problems = problems
        hasProblems = !problems.isEmpty
    }

    /// The rule a new form starts from: seed 003's CPA guard, paused until someone enables it.
    static let example = """
        id: cpa-guard
        name: Pause ad sets whose CPA doubled the target
        enabled: false
        scope: {level: adGroup}
        targets: {cpa: 40}
        conditions:
          all:
            - {metric: spend, window: last3Days, op: ">", value: 50}
            - {metric: cpa, window: last3Days, op: ">", value: {factor: 2, of: {target: cpa}}}
        actions:
          - type: pause
        schedule: {everyMinutes: 15}
        """
}

/// A rule's page.
struct RuleDetailView {
    var id: String
    var href: String
    var name: String
    var enabled: Bool
    var version: Int
    var every: String
    var lastRun: String
    var nextRun: String
    var text: String
    var problems: [String]
    var hasProblems: Bool
    var preview: PreviewView?
    var history: [HistoryRow]

    /// A dry run's results.
    struct PreviewView {
        var summary: String
        var results: [Result]
        var isEmpty: Bool

        struct Result {
            var name: String
            var platform: String
            var level: String
            var outcome: String
            var values: String
            var actions: String
        }
    }

    init(stored: StoredRule, text: String, problems: [String], plan: RulePlan?, history: [RuleExecutionRecord]) {
        id = stored.id
        href = "/rules/\(RulesPage.escapePath(stored.id))"
        name = stored.name
        enabled = stored.enabled
        version = stored.version
        every = "every \(stored.everyMinutes) min"
        lastRun = Format.time(stored.lastRunAt)
        nextRun = stored.enabled ? Format.time(stored.nextRunAt) : "disabled"
        self.text = text
        self.problems = problems
        hasProblems = !problems.isEmpty
        self.history = history.map(HistoryRow.init)
        preview = plan.map { plan in
            let counts = Dictionary(grouping: plan.results, by: \.outcome).mapValues(\.count)
            return PreviewView(
                summary:
                    "Dry run at \(Format.time(plan.evaluatedAt)): \(plan.evaluated) in scope, "
                    + "\(counts[.matched] ?? 0) matched, \(counts[.notMatched] ?? 0) not matched, "
                    + "\(counts[.skipped] ?? 0) skipped, \(counts[.errored] ?? 0) errored. Nothing was changed.",
                results: plan.results.map {
                    PreviewView.Result(
                        name: $0.name, platform: $0.platform.rawValue, level: $0.entity.level.rawValue,
                        outcome: $0.outcome.rawValue,
                        values: $0.values.isEmpty ? "-" : $0.values.map(\.description).joined(separator: "; "),
                        actions: $0.actionSummary)
                }, isEmpty: plan.results.isEmpty)
        }
    }
}
