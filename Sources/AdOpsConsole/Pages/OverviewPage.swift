import AdPlatformKit
import Foundation
import Hummingbird
import Trafficking

/// `GET /`: spend, conversions, conversion value, ROAS and CPA for a range, in total and per platform, a daily
/// chart, and what needs attention (failed launches, drift, accounts to re-authorise, rules that acted).
struct OverviewPage: Sendable {
    /// The plumbing.
    let routes: ConsoleRoutes

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        let environment = routes.environment
        group.get(
            "/",
            use: routes.page("overview", title: { _ in "Overview" }, section: .overview) { request, _ in
                try await Self.view(request.queryFields, environment: environment)
            })
    }

    /// The page's figures.
    static func view(_ query: [String: String], environment: ConsoleEnvironment) async throws -> OverviewView {
        let store = environment.engine.store
        let today = CalendarDay(environment.now)
        let range = try DateRange(query: query, today: today)
        let rows = try await store.dailyTotals(since: range.since.description, until: range.until.description)
        let attention = try await attentionItems(environment: environment)
        let log = try await store.optimizationLog(campaign: nil, account: nil, page: PageRequest(limit: 8))
        var names: [UUID: String] = [:]
        for id in Set(log.items.map(\.campaignID)) { names[id] = try await store.campaign(id)?.name }
        let decisions = log.items.map { record in
            DecisionRow(
                at: Format.time(record.createdAt), campaign: names[record.campaignID] ?? record.campaignID.uuidString,
                href: "/campaigns/\(record.campaignID.uuidString)", platform: record.platform.rawValue,
                action: record.action,
                change: "\(record.previousValue?.description ?? "—") → \(record.newValue?.description ?? "—")",
                mode: record.mode)
        }
        return OverviewView(range: range, rows: rows, attention: attention, decisions: decisions)
    }

    /// Failed campaigns, drifted ones, accounts that need re-authorising, and rules that acted in the last day.
    static func attentionItems(environment: ConsoleEnvironment) async throws -> [AttentionItem] {
        let store = environment.engine.store
        var items: [AttentionItem] = []
        let failed = try await store.campaigns(CampaignFilter(status: .error), page: PageRequest(limit: 10))
        for campaign in failed.items {
            items.append(
                AttentionItem(
                    kind: "error", label: "Launch failed", text: campaign.name, href: "/campaigns/\(campaign.id)"))
        }
        let drifted = try await store.campaigns(CampaignFilter(drifted: true), page: PageRequest(limit: 10))
        for campaign in drifted.items {
            items.append(
                AttentionItem(
                    kind: "drift", label: "Drift", text: "\(campaign.name) was changed outside AdOps Lab",
                    href: "/campaigns/\(campaign.id)"))
        }
        let accounts = try await store.accounts(platform: nil, page: PageRequest(limit: PageRequest.maximumLimit))
        for account in accounts.items where account.status == .requiresReauth || account.status == .suspended {
            items.append(
                AttentionItem(
                    kind: account.status.rawValue, label: account.status.rawValue,
                    text: "\(account.name) (\(account.platform.rawValue))", href: "/accounts"))
        }
        let fired = try await store.ruleExecutions(
            rule: nil, campaign: nil, since: environment.now.addingTimeInterval(-86_400), page: PageRequest(limit: 10))
        for execution in fired.items {
            items.append(
                AttentionItem(
                    kind: execution.failed ? "error" : "neutral", label: "Rule acted",
                    text: "\(execution.ruleName): \(execution.action) on \(execution.level) \(execution.entityID)",
                    href: "/rules/\(execution.ruleID)"))
        }
        return items
    }
}

/// What the overview shows.
struct OverviewView {
    /// The range form's values.
    var since: String
    var until: String
    /// The totals, one card row per currency.
    var totals: [FigureRow]
    /// One row per platform (and currency).
    var platforms: [FigureRow]
    /// The spend chart's SVG, built by ``SVGChart``.
    var chart: String
    /// Its legend.
    var legend: [SVGChart.LegendItem]
    /// Whether any day in the range has figures.
    var hasFigures: Bool
    /// What needs attention.
    var attention: [AttentionItem]
    /// The optimiser's latest decisions, newest first.
    var decisions: [DecisionRow]
    /// The presets.
    var presets: [Preset]

    /// A preset range link.
    struct Preset {
        var label: String
        var href: String
        var current: Bool
    }

    init(range: DateRange, rows: [PlatformDayTotals], attention: [AttentionItem], decisions: [DecisionRow]) {
        self.decisions = decisions
        since = range.since.description
        until = range.until.description
        var byCurrency: [String: MetricTotals] = [:]
        var byPlatform: [String: (platform: PlatformID, totals: MetricTotals)] = [:]
        for row in rows {
            let currency = row.totals.spend.currency
            byCurrency[currency.code, default: .zero(currency)].add(row.totals)
            let key = "\(row.platform.rawValue) \(currency.code)"
            byPlatform[key, default: (row.platform, .zero(currency))].totals.add(row.totals)
        }
        totals = byCurrency.keys.sorted().compactMap { code in
            byCurrency[code].map { FigureRow(name: "All platforms", totals: $0) }
        }
        platforms = byPlatform.keys.sorted().compactMap { key in
            byPlatform[key].map { FigureRow(name: $0.platform.rawValue, totals: $0.totals) }
        }
        hasFigures = !rows.isEmpty
        // Spend per platform per day, in the first currency's major units (most installations have one).
        let days = range.days.map(\.description)
        let currency = byCurrency.keys.sorted().first
        let platformsShown = Array(Set(rows.map(\.platform))).sorted { $0.rawValue < $1.rawValue }
        var values: [PlatformID: [String: Double]] = [:]
        var digits = 2
        for row in rows where row.totals.spend.currency.code == currency {
            digits = row.totals.spend.currency.minorUnitDigits
            values[row.platform, default: [:]][row.date, default: 0] += Double(row.totals.spend.minorUnits)
        }
        let scale = pow(10, Double(digits))
        let chart = SVGChart(
            labels: days.map { String($0.dropFirst(5)) },
            series: platformsShown.map { platform in
                SVGChart.Series(
                    name: platform.rawValue, values: days.map { (values[platform]?[$0] ?? 0) / scale })
            },
            title: "Daily spend by platform, \(since) to \(until)\(currency.map { ", in \($0)" } ?? "")",
            format: { Format.decimal($0, digits: 0) })
        self.chart = chart.svg(id: "spend-chart")
        legend = chart.legend
        self.attention = attention
        presets = [7, 30, 90].map { days in
            Preset(
                label: "Last \(days) days", href: "/?days=\(days)",
                current: range.until.daysSinceEpoch - range.since.daysSinceEpoch == days - 1)
        }
    }
}

/// A named row of figures: spend, conversions, value, ROAS and CPA, formatted.
struct FigureRow {
    var name: String
    var spend: String
    var conversions: String
    var value: String
    var roas: String
    var cpa: String
    var impressions: String
    var clicks: String

    init(name: String, totals: MetricTotals) {
        self.name = name
        spend = Format.money(totals.spend)
        conversions = Format.decimal(totals.conversions, digits: 1)
        value = Format.money(totals.conversionValue)
        roas = Format.roas(totals)
        cpa = Format.cpa(totals)
        impressions = Format.integer(totals.impressions)
        clicks = Format.integer(totals.clicks)
    }
}

/// A line of the optimiser's latest decisions.
struct DecisionRow {
    var at: String
    var campaign: String
    var href: String
    var platform: String
    var action: String
    var change: String
    /// `dryRun` or `apply`.
    var mode: String
}

/// A line of the attention list.
struct AttentionItem {
    /// The badge's class.
    var kind: String
    /// The badge's text.
    var label: String
    /// What happened.
    var text: String
    /// Where to look.
    var href: String
}

extension MetricTotals {
    /// Adds another's figures, in the same currency.
    mutating func add(_ other: MetricTotals) {
        impressions += other.impressions
        clicks += other.clicks
        spend.minorUnits += other.spend.minorUnits
        conversions += other.conversions
        conversionValue.minorUnits += other.conversionValue.minorUnits
    }
}
