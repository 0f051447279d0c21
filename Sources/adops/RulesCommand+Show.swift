import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Automation
import Foundation
import Trafficking

extension RulesCommand {
    /// `adops rules show ID`: a stored rule, its state and timetable, and its definition.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a stored rule: its state, schedule, version, last and next run, and the rule itself.",
            discussion: "--yaml prints only the rule document, ready to edit and pass to `adops rules update`.")

        @OptionGroup var engine: EngineOptions

        @Argument(help: "The rule's id (see `adops rules list`).")
        var id: String

        @Flag(help: "Print the stored rule as JSON, the same resource as GET /api/v1/rules/{id}.")
        var json = false

        @Flag(help: "Print the rule document as YAML.")
        var yaml = false

        func run() async throws {
            try await RulesCommand.reporting {
                if json, yaml { throw CommandFailure.usage("--json and --yaml cannot be combined") }
                let context = try engine.open()
                if yaml {
                    let rule = try await context.automator().rule(id).rule
                    Terminal.output(try RuleCoding.encodeYAML(rule).trimmingCharacters(in: .newlines))
                    return
                }
                guard let stored = try await context.store.rule(id) else {
                    throw CommandFailure.failed("ID: no rule '\(id)' (see `adops rules list`)")
                }
                if json {
                    try Terminal.json(RuleResource(stored))
                } else {
                    Terminal.output(RulesCommand.describe(stored))
                }
            }
        }
    }
}
