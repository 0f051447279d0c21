import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Automation
import Foundation
import Trafficking

/// `adops rules`: automation rules stored in the engine's database: add, list, show, update, preview, run now,
/// history, enable, disable and delete. The rule format is docs/automation.md's, in JSON or YAML.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Store, inspect, preview and run automation rules, and read their history.",
        discussion: """
            A rule watches the synced metrics of the live campaigns and acts through lifecycle actions: pause, \
            unpause, change a budget or a bid, notify a webhook (docs/automation.md). `adops serve` and \
            `adops worker` run the enabled rules on their schedules; these commands manage them.

            Exit status: 0 on success; 1 when the rule does not exist, its id is taken, it changed since the version \
            given, or a run had a request refused or a webhook fail; 2 when the rule file or an option is not valid \
            (every problem is listed with its path in the document).
            """,
        subcommands: [
            Add.self, List.self, Show.self, Update.self, Preview.self, Run.self, History.self, Enable.self,
            Disable.self, Delete.self,
        ]
    )

    /// Runs a rules command's body: a refused rule is a usage error listing every problem at its path (under
    /// `source`, the file, when one was read), and the automator's errors name the argument at fault.
    static func reporting(source: String? = nil, _ body: () async throws -> Void) async throws {
        try await CommandFailure.reporting {
            do {
                try await body()
            } catch let refusal as RuleRefusal {
                throw CommandFailure.usage((source.map { "\($0): " } ?? "") + refusal.description)
            } catch let error as AutomatorError {
                let field =
                    switch error.field {
                    case "id": "ID"
                    case "version": "--version"
                    default: error.field
                    }
                throw CommandFailure.failed("\(field): \(error.message)")
            }
        }
    }

    /// A stored rule's columns, then the rule in YAML.
    static func describe(_ stored: StoredRule) -> String {
        var lines = [
            "rule       \(stored.id)",
            "name       \(stored.name)",
            "enabled    \(stored.enabled ? "yes" : "no")",
            "schedule   every \(stored.everyMinutes) min",
            "version    \(stored.version)",
            "created    \(JobsCommand.format(stored.createdAt))",
            "updated    \(JobsCommand.format(stored.updatedAt))",
            "last run   \(JobsCommand.format(stored.lastRunAt))",
            "next run   \(nextRun(stored))",
            "",
        ]
        if let rule = RuleResource.definition(of: stored), let yaml = try? RuleCoding.encodeYAML(rule) {
            lines.append(yaml.trimmingCharacters(in: .newlines))
        } else {
            lines.append("(the definition is in a form this version cannot read)")
        }
        return lines.joined(separator: "\n")
    }

    /// When the scheduler next runs the rule: a time, `due now`, or `-` for a disabled rule.
    static func nextRun(_ stored: StoredRule) -> String {
        guard stored.enabled else { return "-" }
        return stored.nextRunAt.map { JobsCommand.format($0) } ?? "due now"
    }
}
