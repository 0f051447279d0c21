import ArgumentParser
import Foundation
import Trafficking

extension CampaignsCommand {
    /// The options every lifecycle-action subcommand shares: the database, the campaign, the level, the entities,
    /// whether to wait and how to print.
    struct ActionOptions: ParsableArguments {
        @OptionGroup var engine: EngineOptions

        @Argument(help: "The campaign id (see `adops campaigns list`).")
        var campaign: String

        @Option(help: "The level to act at: campaign (the default), adGroup or ad.")
        var level: String = ActionLevel.campaign.rawValue

        @Option(
            name: .customLong("entity"),
            help: "A platform id at --level to act on; repeatable (default: every entity of the level).")
        var entities: [String] = []

        @Flag(help: "Store the action and exit; `adops worker` or `adops serve` runs it.")
        var noWait = false

        @Flag(help: "Print the action as JSON (progress lines go to standard error).")
        var json = false

        /// The level `--level` names, or a usage error listing the valid ones.
        func actionLevel() throws -> ActionLevel {
            guard let level = ActionLevel.allCases.first(where: { $0.rawValue.lowercased() == self.level.lowercased() })
            else {
                throw CommandFailure.usage(
                    "--level: '\(level)' is not a level; use one of "
                        + ActionLevel.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return level
        }

        /// `--entity` values, trimmed; an empty one is a usage error.
        func entityIDs() throws -> [String] {
            try entities.map { text in
                let id = text.trimmingCharacters(in: .whitespaces)
                guard !id.isEmpty else { throw CommandFailure.usage("--entity: an entity id may not be empty") }
                return id
            }
        }
    }
}
