import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Foundation
import Trafficking

/// `adops metrics CAMPAIGN`: a campaign's synced daily metrics, from our own store.
struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Show a campaign's synced daily metrics: spend, conversions, value, CTR, CPA and ROAS.",
        discussion: """
            Figures come from the database, as the last `adops sync` (or the sync service) read them; ratios are \
            computed from the sums, never averaged. Days are YYYY-MM-DD in UTC.
            """)

    @OptionGroup var engine: EngineOptions

    @Argument(help: "The campaign id (see `adops campaigns list`).")
    var campaign: String

    @Option(help: ArgumentHelp("The first day (default: the flight's first day).", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("The last day (default: today).", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(help: "The level of the rows: campaign (default), adGroup or ad.")
    var level = "campaign"

    @Flag(help: "Print the rows and the total as JSON.")
    var json = false

    /// The levels metrics are kept at.
    static let levels: [EntityKind] = [.campaign, .adGroup, .ad]

    func run() async throws {
        try await CommandFailure.reporting {
            for (name, value) in [("--from", from), ("--to", to)] {
                if let value, CalendarDay(value) == nil {
                    throw CommandFailure.usage("\(name): '\(value)' is not a day written YYYY-MM-DD")
                }
            }
            if let from, let to, from > to { throw CommandFailure.usage("--from: \(from) is after --to \(to)") }
            guard Self.levels.contains(where: { $0.rawValue == level }) else {
                throw CommandFailure.usage(
                    "--level: '\(level)' is not one of " + Self.levels.map(\.rawValue).joined(separator: ", "))
            }
            let id = try CampaignsCommand.campaignID(campaign)
            let context = try engine.open()
            guard let found = try await context.store.campaign(id) else {
                throw CommandFailure.failed("CAMPAIGN: no campaign \(id.uuidString) (see `adops campaigns list`)")
            }
            let until = to ?? CalendarDay(context.store.clock.now).description
            let since = from ?? min(CalendarDay(found.schedule.start).description, until)
            let kind = EntityKind(rawValue: level)
            let rows = try await context.store.metrics(campaign: id, since: since, until: until, level: kind)
            let resource = CampaignMetricsResource(campaign: found, from: since, to: until, level: kind, rows: rows)
            if json {
                try Terminal.json(resource)
                return
            }
            Terminal.output(Self.render(found, rows: rows, since: since, until: until))
        }
    }

    /// The rows by day, then their total.
    static func render(_ campaign: Campaign, rows: [DailyMetric], since: String, until: String) -> String {
        guard !rows.isEmpty else {
            let synced = campaign.lastSyncedAt.map { "last synced \(JobsCommand.format($0))" } ?? "never synced"
            return "No metrics for \(campaign.name) from \(since) to \(until) (\(synced)); run `adops sync`."
        }
        var table = TextTable(header: [
            "day", "level", "platform id", "impressions", "clicks", "spend", "conversions", "value", "CTR", "CPA",
            "ROAS",
        ])
        func cells(_ totals: MetricTotals) -> [String] {
            [
                String(totals.impressions), String(totals.clicks), totals.spend.decimalString,
                Self.number(totals.conversions), totals.conversionValue.decimalString,
                totals.clickThroughRate.map { String(format: "%.2f%%", $0 * 100) } ?? "-",
                totals.costPerAcquisition.map { String(format: "%.2f", $0) } ?? "-",
                totals.returnOnAdSpend.map { String(format: "%.2f", $0) } ?? "-",
            ]
        }
        for row in rows { table.append([row.date, row.level.rawValue, row.platformID] + cells(row.totals)) }
        let total = rows.map(\.totals).reduce(MetricTotals.zero(campaign.budget.amount.currency), +)
        table.append(["total", "", ""] + cells(total))
        return "\(campaign.name) (\(campaign.platform), \(campaign.budget.amount.currency.code)), \(since) – \(until), "
            + "last synced \(JobsCommand.format(campaign.lastSyncedAt))\n" + table.render()
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int64(value)) : String(format: "%.2f", value)
    }
}
