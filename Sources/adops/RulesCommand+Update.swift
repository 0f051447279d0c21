import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Automation
import Foundation
import Trafficking

extension RulesCommand {
    /// `adops rules update FILE`: replaces the stored rule with the file's id by the file's rule.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace a stored rule with a rule file's (JSON or YAML; - for standard input).",
            discussion: """
                The file's id names the rule. It is validated as a whole, like `adops rules add`. With --version, \
                the edit is refused when the stored rule is no longer at that version (someone changed it since), \
                rather than overwrite their change; `adops rules show` prints the version.
                """)

        @OptionGroup var engine: EngineOptions

        @Argument(help: ArgumentHelp("The rule file, or - to read standard input.", valueName: "file"))
        var file: String

        @Option(name: .customLong("version"), help: "The version the edit was made on; refused if the rule moved on.")
        var expectedVersion: Int?

        @Flag(help: "Print the stored rule as JSON.")
        var json = false

        func run() async throws {
            try await RulesCommand.reporting(source: file == "-" ? "standard input" : file) {
                if let expectedVersion, expectedVersion < 1 {
                    throw CommandFailure.usage("--version: \(expectedVersion) is not a version; versions start at 1")
                }
                let rule = try RuleFileReader(path: file).read()
                let context = try engine.open()
                let stored = try await context.automator().replace(rule, expectedVersion: expectedVersion)
                if json {
                    try Terminal.json(RuleResource(stored, rule: rule))
                    return
                }
                Terminal.output("Updated rule \(stored.id) to version \(stored.version).")
                Terminal.output(RulesCommand.describe(stored))
            }
        }
    }
}
