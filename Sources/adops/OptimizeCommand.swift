import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Foundation
import Logging
import Optimization
import Trafficking

/// `adops optimize`: the budget optimiser. `adops optimize [run]` runs one pass over the live campaigns (seed 003's
/// ROAS table) and prints its decisions; `adops optimize settings CAMPAIGN` shows or changes one campaign's
/// optimisation settings.
struct OptimizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Run the budget optimiser over live campaigns, or set a campaign's optimisation settings.",
        discussion: """
            `adops optimize` (or `adops optimize run`) runs one pass: a dry run by default that prints every \
            decision, or --apply; see `adops optimize run --help`. `adops optimize settings CAMPAIGN` shows or \
            changes one campaign's settings: --auto on|off, and the daily budget bounds --min and --max.
            """,
        subcommands: [Run.self, Settings.self],
        defaultSubcommand: Run.self)

    /// The decisions as a table, then the campaigns left alone.
    static func render(_ run: OptimizationRun) -> String {
        let mode = run.mode == .apply ? "apply" : "dry run"
        var lines = ["Optimisation (\(mode)) over \(run.since) to \(run.until):"]
        if run.decisions.isEmpty {
            lines.append("No live campaign to decide on.")
        } else {
            var table = TextTable(header: [
                "campaign", "platform", "ROAS", "action", "budget", "reason", "confidence",
            ])
            for line in run.decisions {
                let decision = line.decision
                let budget =
                    decision.action == .campaignPaused
                    ? "\(decision.previousBudget.amount) → paused"
                    : "\(decision.previousBudget.amount) → \(decision.newBudget.amount)"
                table.append([
                    line.campaign.name, line.campaign.platform.rawValue,
                    decision.snapshot.returnOnAdSpend.map { "\($0.decimalString)x" } ?? "-",
                    decision.action.rawValue, budget, decision.reason, String(format: "%.2f", decision.confidence),
                ])
            }
            lines.append(table.render())
        }
        for skip in run.skipped {
            let name = run.campaigns[skip.campaignID]?.name ?? skip.campaignID.uuidString
            lines.append("Skipped \(name): \(skip.reason)")
        }
        return lines.joined(separator: "\n")
    }
}
