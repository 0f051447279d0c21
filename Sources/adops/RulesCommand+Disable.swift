import AdPlatformKit
import ArgumentParser
import Automation
import Foundation
import Trafficking

extension RulesCommand {
    /// `adops rules disable ID`: switches a stored rule off.
    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable a stored rule: the scheduler leaves it alone; it can still be previewed and run.")

        @OptionGroup var engine: EngineOptions

        @Argument(help: "The rule's id (see `adops rules list`).")
        var id: String

        func run() async throws {
            try await RulesCommand.reporting {
                let context = try engine.open()
                let stored = try await context.automator().setEnabled(id, false)
                Terminal.output(
                    "Disabled rule \(stored.id) (version \(stored.version)); next run \(RulesCommand.nextRun(stored)).")
            }
        }
    }
}
