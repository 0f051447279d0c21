import AdPlatformKit
import ArgumentParser
import Automation
import Foundation
import Trafficking

extension RulesCommand {
    /// `adops rules delete ID`: removes a stored rule; its history stays.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a stored rule. Its history is kept (`adops rules history ID`).")

        @OptionGroup var engine: EngineOptions

        @Argument(help: "The rule's id (see `adops rules list`).")
        var id: String

        func run() async throws {
            try await RulesCommand.reporting {
                let context = try engine.open()
                try await context.automator().delete(id)
                Terminal.output("Deleted rule \(id); its history is kept.")
            }
        }
    }
}
