import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Automation
import Foundation
import Trafficking

extension RulesCommand {
    /// `adops rules history [ID]`: what the rules did, newest first.
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List what rules did, newest first: of one rule, one campaign, both or all.",
            discussion: """
                Each line is one action on one entity: the values the conditions read, the value before and after, \
                the lifecycle action that carries it and how it ended. A deleted rule's history is kept.
                """)

        @OptionGroup var engine: EngineOptions

        @Argument(help: "Only this rule's history.")
        var id: String?

        @Option(help: "Only actions on this campaign of ours (see `adops campaigns list`).")
        var campaign: String?

        @Option(help: "How many lines to show, 1–\(PageRequest.maximumLimit).")
        var limit = 20

        @Flag(help: "Print the lines as JSON, the same resources as GET /api/v1/rule_executions.")
        var json = false

        func run() async throws {
            try await RulesCommand.reporting {
                guard (1...PageRequest.maximumLimit).contains(limit) else {
                    throw CommandFailure.usage("--limit: \(limit) is not in 1…\(PageRequest.maximumLimit)")
                }
                let campaignID = try campaign.map {
                    try IDArgument.uuid($0, kind: "campaign", listCommand: "adops campaigns list")
                }
                let context = try engine.open()
                let page = try await context.automator().history(
                    rule: id, campaign: campaignID, page: PageRequest(limit: limit))
                if json {
                    try Terminal.json(page.items.map(RuleExecutionResource.init))
                    return
                }
                guard !page.items.isEmpty else {
                    // A deleted rule's history stays; an id that names neither a rule nor any history is a mistake.
                    if let id, try await context.store.rule(id) == nil,
                        try await context.store.ruleExecutions(
                            rule: id, campaign: nil, since: nil, page: PageRequest(limit: 1)
                        ).total == 0
                    {
                        throw CommandFailure.failed("ID: no rule '\(id)' and no history of one")
                    }
                    Terminal.output("No rule has acted yet\(id.map { " (rule \($0))" } ?? "").")
                    return
                }
                var table = TextTable(header: ["time", "rule", "entity", "action", "change", "values", "outcome"])
                for record in page.items {
                    let execution = RuleExecution(record: record)
                    let change =
                        execution.flatMap { execution in
                            execution.newValue.map { "\(execution.oldValue.map { "\($0)" } ?? "?") → \($0)" }
                        } ?? "-"
                    let values = execution?.inputs.map(\.description).joined(separator: "; ") ?? "-"
                    table.append([
                        JobsCommand.format(record.createdAt), record.ruleID,
                        "\(record.platform) \(record.level) \(record.entityID)",
                        execution.map { "\($0.action)" } ?? record.action, change, values.isEmpty ? "-" : values,
                        Self.outcome(record),
                    ])
                }
                Terminal.output(table.render())
                if page.total > page.items.count {
                    Terminal.output("\(page.items.count) of \(page.total) lines; use --limit to see more.")
                }
            }
        }

        /// How the line ended: the lifecycle action's status, or the refusal or webhook delivery.
        static func outcome(_ record: RuleExecutionRecord) -> String {
            if let status = record.actionStatus {
                var text = status.rawValue
                if let error = record.actionError { text += ": \(error)" }
                return text
            }
            guard let response = record.platformResponse else { return "-" }
            return (response.succeeded ? "ok: " : "failed: ") + response.message
        }
    }
}
