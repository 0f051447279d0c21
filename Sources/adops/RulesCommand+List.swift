import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Automation
import Foundation
import Trafficking

extension RulesCommand {
    /// `adops rules list`: the stored rules by id, with their state and timetable.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the stored rules by id.")

        @OptionGroup var engine: EngineOptions

        @Flag(help: "Only the enabled rules.")
        var enabled = false

        @Flag(help: "Only the disabled rules.")
        var disabled = false

        @Option(help: "How many rules to show, 1–\(PageRequest.maximumLimit).")
        var limit = PageRequest.maximumLimit

        @Flag(help: "Print the rules as JSON.")
        var json = false

        func run() async throws {
            try await RulesCommand.reporting {
                if enabled, disabled { throw CommandFailure.usage("--enabled and --disabled cannot be combined") }
                guard (1...PageRequest.maximumLimit).contains(limit) else {
                    throw CommandFailure.usage("--limit: \(limit) is not in 1…\(PageRequest.maximumLimit)")
                }
                let context = try engine.open()
                let filter: Bool? = enabled ? true : disabled ? false : nil
                let page = try await context.store.rules(enabled: filter, page: PageRequest(limit: limit))
                if json {
                    try Terminal.json(page.items.map { RuleResource($0) })
                    return
                }
                guard !page.items.isEmpty else {
                    Terminal.output("No rules match. Add one with `adops rules add FILE` (see docs/automation.md).")
                    return
                }
                var table = TextTable(header: ["id", "name", "enabled", "every", "version", "last run", "next run"])
                for rule in page.items {
                    table.append([
                        rule.id, rule.name, rule.enabled ? "yes" : "no", "\(rule.everyMinutes) min",
                        String(rule.version), JobsCommand.format(rule.lastRunAt), RulesCommand.nextRun(rule),
                    ])
                }
                Terminal.output(table.render())
                if page.total > page.items.count {
                    Terminal.output(
                        "\(page.items.count) of \(page.total) rules; use --limit or a filter to see others.")
                }
            }
        }
    }
}
