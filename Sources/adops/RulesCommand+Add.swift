import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Automation
import Foundation
import Trafficking

extension RulesCommand {
    /// `adops rules add FILE`: validates a rule as a whole and stores it.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a rule file (JSON or YAML; - for standard input) and store the rule.",
            discussion: """
                Every problem of the rule is listed with its path in the document (conditions.all[1].metric, \
                schedule.everyMinutes), and nothing is stored. A rule with the same id is refused; replace it with \
                `adops rules update`.
                """)

        @OptionGroup var engine: EngineOptions

        @Argument(help: ArgumentHelp("The rule file, or - to read standard input.", valueName: "file"))
        var file: String

        @Flag(help: "Print the stored rule as JSON.")
        var json = false

        func run() async throws {
            try await RulesCommand.reporting(source: file == "-" ? "standard input" : file) {
                let rule = try RuleFileReader(path: file).read()
                let context = try engine.open()
                let stored = try await context.automator().add(rule)
                if json {
                    try Terminal.json(RuleResource(stored, rule: rule))
                    return
                }
                Terminal.output("Added rule \(stored.id) (version \(stored.version)).")
                Terminal.output(RulesCommand.describe(stored))
            }
        }
    }
}
