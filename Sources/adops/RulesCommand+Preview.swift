import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Automation
import Foundation
import Trafficking

extension RulesCommand {
    /// `adops rules preview ID` or `--file FILE`: a dry run over the live entities and their synced metrics.
    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Dry-run a stored rule, or a rule file, over the live entities: nothing is changed or sent.",
            discussion: """
                Lists every entity in the rule's scope: matched (with the values that matched and what each action \
                would do), not matched (with the values read), skipped (and why: cooldown, learning, a guardrail) \
                or errored. A rule file is validated first and need not be stored.
                """)

        @OptionGroup var engine: EngineOptions

        @Argument(help: "The stored rule's id (see `adops rules list`).")
        var id: String?

        @Option(
            help: ArgumentHelp(
                "Preview this rule file instead (JSON or YAML; - for standard input).", valueName: "file"))
        var file: String?

        @Flag(help: "Print the plan as JSON, the same resource as POST /api/v1/rules/{id}/preview.")
        var json = false

        func run() async throws {
            try await RulesCommand.reporting(source: file.map { $0 == "-" ? "standard input" : $0 }) {
                let plan: RulePlan
                switch (id, file) {
                case (let id?, nil):
                    plan = try await try engine.open().automator().preview(id)
                case (nil, let file?):
                    let rule = try RuleFileReader(path: file).read()
                    plan = try await try engine.open().automator().preview(rule)
                default:
                    throw CommandFailure.usage("give a rule's ID or --file FILE, not both")
                }
                if json {
                    try Terminal.json(RulePlanResource(plan))
                } else {
                    Terminal.output(Self.render(plan))
                }
            }
        }

        /// A line of counts, then a row per entity: its name, platform, level, outcome, values and what each action
        /// would do or why not.
        static func render(_ plan: RulePlan) -> String {
            let notMatched =
                plan.isPreview
                ? plan.results(.notMatched).count
                : max(0, plan.evaluated - plan.results.count)
            var lines = [
                "\(plan.isPreview ? "Preview of" : "Run of") rule \(plan.ruleID) at \(JobsCommand.format(plan.evaluatedAt)): "
                    + "\(plan.evaluated) in scope, \(plan.results(.matched).count) matched, \(notMatched) not matched, "
                    + "\(plan.results(.skipped).count) skipped, \(plan.results(.errored).count) errored."
            ]
            guard !plan.results.isEmpty else {
                if plan.evaluated == 0 {
                    lines.append(
                        "No live entity is in the rule's scope (`adops campaigns list`; `adops sync` fetches metrics).")
                }
                return lines.joined(separator: "\n")
            }
            var table = TextTable(header: ["entity", "platform", "level", "outcome", "values", "action"])
            for result in plan.results {
                table.append([
                    "\(result.name) (\(result.entity.platformID))", result.platform.rawValue,
                    result.entity.level.rawValue, result.outcome.rawValue,
                    result.values.isEmpty ? "-" : result.values.map(\.description).joined(separator: "; "),
                    result.actionSummary,
                ])
            }
            lines.append(table.render())
            return lines.joined(separator: "\n")
        }
    }
}
