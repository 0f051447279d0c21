import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Foundation
import Optimization
import Trafficking

extension OptimizeCommand {
    /// `adops optimize settings CAMPAIGN [--auto on|off] [--min AMOUNT|none] [--max AMOUNT|none] [--json]`: shows a
    /// campaign's optimisation settings, or changes them, as `PUT /api/v1/campaigns/{id}/optimization` does.
    struct Settings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or change a campaign's optimisation settings: automatic optimisation and budget bounds.",
            discussion: """
                With no option, shows them. --auto off keeps the optimiser away from the campaign; --min and --max \
                bound the daily budget it may give (in the campaign's budget currency, e.g. 50.00), and `none` \
                removes a bound. Options left out are left as they are.

                Exit status: 0 when shown or changed; 1 when the campaign does not exist; 2 when an option cannot \
                be read or breaks a rule (negative, finer than the currency, or a minimum above the maximum).
                """)

        @OptionGroup var engine: EngineOptions

        @Argument(help: "The campaign id (see `adops campaigns list`).")
        var campaign: String

        @Option(help: "on or off: whether the optimiser decides for the campaign.")
        var auto: String?

        @Option(name: .customLong("min"), help: "The least daily budget the optimiser may give, e.g. 50.00, or none.")
        var minimum: String?

        @Option(name: .customLong("max"), help: "The most daily budget the optimiser may give, e.g. 400.00, or none.")
        var maximum: String?

        @Flag(help: "Print the settings as JSON, as the REST API gives them.")
        var json = false

        func run() async throws {
            try await CommandFailure.reporting {
                let id = try CampaignsCommand.campaignID(campaign)
                let autoOptimize = try auto.map(Self.onOff)
                let context = try engine.open()
                let optimizer = Optimizer(engine: context.engine)
                let current: CampaignOptimizationSettings
                let found: Campaign
                do {
                    (current, found) = try await optimizer.settings(of: id)
                } catch let error as OptimizerError {
                    throw CommandFailure.failed("ID: \(error.message) (see `adops campaigns list`)")
                }
                let currency = found.budget.amount.currency
                let change = OptimizationSettingsChange(
                    autoOptimize: autoOptimize,
                    minimumBudget: try minimum.map { try Self.bound($0, "--min", currency) },
                    maximumBudget: try maximum.map { try Self.bound($0, "--max", currency) })
                var settings = current
                if !change.isEmpty {
                    let violations = change.violations(against: current, currency: currency)
                    guard violations.isEmpty else {
                        throw CommandFailure.usage(
                            violations.map { "\(Self.option($0.field)): \($0.message)" }.joined(separator: "\n"))
                    }
                    settings = try await optimizer.updateSettings(change, of: id)
                }
                if json {
                    try Terminal.json(OptimizationSettingsResource(campaignID: id, settings))
                } else {
                    Terminal.output(Self.render(settings, campaign: found, changed: !change.isEmpty))
                }
            }
        }

        /// `on` or `off` (also true/false, yes/no); anything else is a usage error naming `--auto`.
        static func onOff(_ text: String) throws -> Bool {
            switch text.lowercased() {
            case "on", "true", "yes": return true
            case "off", "false", "no": return false
            default: throw CommandFailure.usage("--auto: '\(text)' is not on or off")
            }
        }

        /// A bound: `none`, or an amount in `currency`; a usage error naming `option` otherwise.
        static func bound(
            _ text: String, _ option: String, _ currency: Currency
        ) throws -> OptimizationSettingsChange.Bound {
            if text.lowercased() == "none" { return .none }
            do {
                return .amount(try Money(decimal: text, currency: currency))
            } catch {
                throw CommandFailure.usage("\(option): \(error.message); expected an amount such as 50.00, or none")
            }
        }

        /// The option that sets a settings field the optimiser names.
        static func option(_ field: String) -> String {
            switch field {
            case "autoOptimize": "--auto"
            case "minimumBudget": "--min"
            case "maximumBudget": "--max"
            default: field
            }
        }

        /// The settings, one per line.
        static func render(_ settings: CampaignOptimizationSettings, campaign: Campaign, changed: Bool) -> String {
            [
                changed ? "Optimisation settings changed." : nil,
                "campaign        \(campaign.id.uuidString)",
                "name            \(campaign.name)",
                "budget          \(campaign.budget)",
                "auto optimize   \(settings.autoOptimize ? "on" : "off")",
                "least budget    \(settings.minimumBudget.map { "\($0)" } ?? "none (the platform's minimum)")",
                "most budget     \(settings.maximumBudget.map { "\($0)" } ?? "none")",
            ].compactMap { $0 }.joined(separator: "\n")
        }
    }
}
