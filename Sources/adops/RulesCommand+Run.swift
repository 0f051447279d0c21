import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Automation
import Foundation
import Trafficking

extension RulesCommand {
    /// `adops rules run ID`: runs a stored rule now, whether due or enabled or not.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a stored rule now, enabled or not: request its actions and send its notifications.",
            discussion: """
                Every planned action is recorded in the rule's history, then stored as a lifecycle action, which \
                `adops worker` or `adops serve` carries out (follow it with `adops rules history ID`). \
                Notifications are sent at once. Exit status 1 when the engine refused a request or a webhook failed.
                """)

        @OptionGroup var engine: EngineOptions

        @Argument(help: "The rule's id (see `adops rules list`).")
        var id: String

        @Flag(help: "Print the run as JSON, the same resource as POST /api/v1/rules/{id}/run.")
        var json = false

        func run() async throws {
            try await RulesCommand.reporting {
                let context = try engine.open()
                guard let report = try await context.automator().runNow(id) else {
                    throw CommandFailure.failed("ID: rule '\(id)' cannot be compiled by this version")
                }
                if json {
                    try Terminal.json(RuleRunResource(report))
                } else {
                    Terminal.output(Self.render(report))
                }
                let failures =
                    report.refusals.map { "request refused: \($0)" }
                    + report.deliveries.filter { !$0.response.succeeded }.map {
                        "webhook \($0.url) failed: \($0.response.message)"
                    }
                for failure in failures { Terminal.error("error: \(failure)") }
                if !failures.isEmpty { throw ExitCode.failure }
            }
        }

        /// The plan's table, then the actions requested, the refusals and the webhooks.
        static func render(_ report: RuleRunReport) -> String {
            var lines = [Preview.render(report.plan)]
            if report.actionIDs.isEmpty {
                lines.append("Requested no lifecycle action.")
            } else {
                lines.append(
                    "Requested \(report.actionIDs.count) lifecycle action(s); `adops worker` or `adops serve` runs them:"
                )
                lines += report.actionIDs.map { "  \($0.uuidString)" }
            }
            for refusal in report.refusals { lines.append("Refused: \(refusal)") }
            for delivery in report.deliveries {
                lines.append(
                    "Webhook \(delivery.url): \(delivery.response.succeeded ? "delivered" : "failed") "
                        + "(\(delivery.response.message))")
            }
            return lines.joined(separator: "\n")
        }
    }
}
