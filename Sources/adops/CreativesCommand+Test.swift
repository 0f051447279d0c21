import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Foundation
import Logging
import Optimization
import Trafficking

extension CreativesCommand {
    /// `adops creatives test CAMPAIGN`: the ads of each of a campaign's ad groups tested against each other on
    /// click-through or conversion rate, from the synced metrics, with a table per ad group. A dry run by default;
    /// `--apply` pauses the losers as lifecycle actions.
    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Test the ads of each ad group of a campaign against each other, and pause the losers.",
            discussion: """
                Each ad group's ads are compared on click-through rate (clicks per impression, --metric ctr, the \
                default) or conversion rate (conversions per click, --metric cvr) from the synced metrics \
                (`adops sync`), from the flight's first day through today, or over the last --days. The ad with the \
                highest rate leads; an ad is a LOSER when the leader beats it at 95% confidence (two-proportion \
                z-test, shared among the comparisons when there are more than two ads) and both have at least \
                1,000 impressions (100 clicks for cvr); the leader is the WINNER once every other ad is a loser. \
                Until then the answer is "keep testing", with the impressions (or clicks) each ad still needs. \
                Every test is stored (GET /api/v1/campaigns/ID/creative-tests).

                A dry run (the default) only tests and stores. --apply also stores a pause of each loser's ad and \
                runs it with this command's own worker, or with --no-wait leaves it to `adops worker` or \
                `adops serve`.

                Exit status: 0 when the tests ran (and, applying, every pause is done or queued); 1 when a pause \
                was refused or ended FAILED, or the campaign does not exist; 2 when the options cannot be read.
                """)

        @OptionGroup var engine: EngineOptions

        @Argument(help: "The campaign id (see `adops campaigns list`).")
        var campaign: String

        @Option(help: "The rate compared: ctr (clicks per impression) or cvr (conversions per click).")
        var metric = "ctr"

        @Option(help: "Only the last N days through today (1–366; default: since the flight's first day).")
        var days: Int?

        @OptionGroup var applying: ApplyOptions

        @Flag(help: "Print the run as JSON.")
        var json = false

        func run() async throws {
            try await CommandFailure.reporting {
                try applying.check()
                guard let chosen = CreativeTestMetric.allCases.first(where: { $0.shortName == metric }) else {
                    throw CommandFailure.usage("--metric: '\(metric)' is not ctr or cvr")
                }
                if let days, !(1...CreativeTestRunner.maximumDays).contains(days) {
                    throw CommandFailure.usage(
                        "--days: \(days) is not a number of days from 1 to \(CreativeTestRunner.maximumDays)")
                }
                guard let id = UUID(uuidString: campaign.trimmingCharacters(in: .whitespaces)) else {
                    throw CommandFailure.usage(
                        "CAMPAIGN: '\(campaign)' is not a campaign id; campaign ids are UUIDs (see "
                            + "`adops campaigns list`)")
                }
                let context = try engine.open()
                let mode = applying.mode
                let run: CreativeTestRun
                do {
                    run = try await CreativeTestRunner(engine: context.engine).run(
                        campaign: id, metric: chosen, mode: mode, days: days)
                } catch let error as CreativeTestRunError {
                    let field = error.field == "campaign" ? "CAMPAIGN" : "--\(error.field)"
                    throw CommandFailure.failed("\(field): \(error.message)")
                }
                let say: @Sendable (String) -> Void = json ? Terminal.error : Terminal.output
                if !json { say(Self.render(run)) }
                var failures = run.actionErrors.map { "pause of ad \($0)" }
                if applying.apply, !run.actionIDs.isEmpty {
                    if applying.noWait {
                        say(
                            "Queued \(run.actionIDs.count) pause(s). `adops worker` (or `adops serve`) runs them; "
                                + "follow them with GET /api/v1/actions/ID.")
                    } else {
                        failures += try await context.runToEnd(
                            run.actionIDs, noun: "pause(s)", logLabel: "adops.creatives", say: say)
                    }
                }
                if json { try Terminal.json(CreativeTestRunResource(run)) }
                for failure in failures { Terminal.error("error: \(failure)") }
                if !failures.isEmpty { throw ExitCode.failure }
            }
        }

        /// A heading and a table per ad group tested, its answer under it, then the ad groups left alone.
        static func render(_ run: CreativeTestRun) -> String {
            let mode = run.mode == .apply ? "apply" : "dry run"
            var lines = [
                "Creative test (\(mode)) of \(run.campaign.name) on \(run.metric.displayName), "
                    + "\(run.since) to \(run.until):"
            ]
            if run.tests.isEmpty, run.skipped.isEmpty {
                lines.append("No ad group with ads to test.")
            }
            let trials = run.metric == .clickThroughRate ? "impressions" : "clicks"
            for test in run.tests {
                let record = test.record
                lines.append("")
                lines.append("Ad group \(record.adGroupName.map { "\($0) " } ?? "")(\(record.adGroupID)):")
                var table = TextTable(header: [
                    "ad", "impressions", "clicks", "conversions", run.metric.shortName.uppercased(), "z", "p-value",
                    "status", "action",
                ])
                for arm in record.arms {
                    table.append([
                        arm.adID, String(arm.impressions), String(arm.clicks), String(arm.conversions),
                        Self.percent(arm.rate), arm.z.map { String(format: "%.2f", $0) } ?? "-",
                        arm.pValue.map { $0 < 0.0001 ? "<0.0001" : String(format: "%.4f", $0) } ?? "-",
                        Self.status(arm.status),
                        Self.action(arm, mode: run.mode),
                    ])
                }
                lines.append(table.render())
                if let winner = record.winnerAdID {
                    lines.append("Winner \(winner): \(record.summary)")
                } else if let needed = record.sampleNeededPerArm {
                    lines.append("Keep testing: about \(needed) more \(trials) per ad before significance.")
                } else {
                    lines.append("Keep testing: \(record.summary)")
                }
            }
            for skip in run.skipped {
                lines.append("")
                lines.append(
                    "Skipped ad group \(skip.adGroupName.map { "\($0) " } ?? "")(\(skip.adGroupID)): \(skip.reason)")
            }
            return lines.joined(separator: "\n")
        }

        /// A standing as the table shows it: `TESTING` reads "keep testing".
        static func status(_ status: String) -> String {
            status == CreativeTestStatus.testing.rawValue ? "keep testing" : status
        }

        /// What was done about an ad: the pause's id, its refusal, why none was needed, or nothing.
        static func action(_ arm: CreativeTestArmRecord, mode: OptimizationMode) -> String {
            if let id = arm.actionID { return "paused by \(id.uuidString)" }
            if let error = arm.actionError { return "refused: \(error)" }
            if let note = arm.note { return note }
            if arm.status == CreativeTestStatus.loser.rawValue, mode == .dryRun { return "would pause" }
            return "-"
        }

        /// A rate as a percentage with two decimals.
        static func percent(_ rate: Double) -> String { String(format: "%.2f%%", rate * 100) }
    }
}
