import AdPlatformKit
import ArgumentParser
import Automation
import Foundation
import Trafficking

extension RulesCommand {
    /// `adops rules enable ID`: switches a stored rule on.
    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enable a stored rule. The scheduler runs it again, from now.")

        @OptionGroup var engine: EngineOptions

        @Argument(help: "The rule's id (see `adops rules list`).")
        var id: String

        func run() async throws {
            try await RulesCommand.reporting {
                let context = try engine.open()
                let stored = try await context.automator().setEnabled(id, true)
                Terminal.output(
                    "Enabled rule \(stored.id) (version \(stored.version)); next run \(RulesCommand.nextRun(stored)).")
            }
        }
    }
}
