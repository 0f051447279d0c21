import AdPlatformKit
import Foundation
import Trafficking

/// What the campaign page shows, formatted.
struct CampaignView {
    /// Our id.
    var id: String
    /// The campaign's name.
    var name: String
    /// `live`, `paused`, …
    var status: String
    /// Whether the platform shows something we did not set.
    var drifted: Bool
    /// The platform.
    var platform: String
    /// The platform's campaign id, or `—` before launch.
    var platformCampaignID: String
    /// The ad account's name and platform id.
    var account: String
    /// `250.00 USD daily`.
    var budget: String
    /// The schedule's start and end.
    var schedule: String
    /// The last metrics sync.
    var lastSync: String
    /// The launch job's id, for its link.
    var jobID: String
    /// The launch job's status.
    var jobStatus: String
    /// The campaign-level entities, each with its ad groups and their ads.
    var hierarchy: [Entity]
    /// Whether anything is on the platform yet.
    var hasHierarchy: Bool
    /// Entities of other kinds (creatives, media, budgets).
    var otherEntities: [Entity]
    /// Whether there are any.
    var hasOtherEntities: Bool
    /// The fields the platform shows differently.
    var drifts: [DriftRow]
    /// Whether there are any.
    var hasDrifts: Bool
    /// The metrics level selector.
    var levels: [CampaignsView.Choice]
    /// The metrics range selector's presets.
    var dayChoices: [CampaignsView.Choice]
    /// The range shown.
    var since: String
    var until: String
    /// The daily chart, built by ``SVGChart``.
    var chart: String
    /// Its legend.
    var legend: [SVGChart.LegendItem]
    /// One row per day and entity at the level.
    var metrics: [MetricRow]
    /// Its lifecycle actions, newest first.
    var actions: [ActionRow]
    /// Whether there is an action, a decision, a rule execution or a test to list: no empty table is drawn.
    var hasActions: Bool
    /// See ``hasActions``.
    var hasOptimizations: Bool
    /// See ``hasActions``.
    var hasRules: Bool
    /// See ``hasActions``.
    var hasTests: Bool
    /// The launch job's log.
    var launchLog: [LogLine]
    /// Whether anything is logged.
    var hasLaunchLog: Bool
    /// The optimiser's decisions.
    var optimizations: [OptimizationRow]
    /// The rules that acted on it.
    var rules: [RuleRow]
    /// Its creative tests.
    var tests: [TestRow]
    /// The action forms' level choices.
    var actionLevels: [CampaignsView.Choice]
    /// The budget form's default period.
    var periods: [CampaignsView.Choice]
    /// The bid form's strategies.
    var strategies: [CampaignsView.Choice]

    /// A platform entity, with what is under it.
    struct Entity {
        var kind: String
        var name: String
        var platformID: String
        var status: String
        var budget: String
        var children: [Entity]
        var hasChildren: Bool
    }

    /// A drifted field.
    struct DriftRow {
        var level: String
        var platformID: String
        var field: String
        var ours: String
        var platforms: String
        var detectedAt: String
    }

    /// A day's figures of one entity.
    struct MetricRow {
        var date: String
        var entity: String
        var impressions: String
        var clicks: String
        var spend: String
        var conversions: String
        var value: String
        var roas: String
    }

    /// A lifecycle action.
    struct ActionRow {
        var id: String
        var kind: String
        var level: String
        var status: String
        var requestedBy: String
        var createdAt: String
        var error: String?
    }

    /// A log line.
    struct LogLine {
        var at: String
        var level: String
        var event: String
        var message: String
    }

    /// An optimiser decision.
    struct OptimizationRow {
        var at: String
        var entity: String
        var action: String
        var change: String
        var reason: String
        var mode: String
        var error: String?
    }

    /// A rule's action.
    struct RuleRow {
        var at: String
        var rule: String
        var ruleID: String
        var action: String
        var entity: String
        var status: String
        var answer: String?
        var error: String?
    }

    /// A creative test.
    struct TestRow {
        var at: String
        var adGroup: String
        var metric: String
        var mode: String
        var leader: String
        var winner: String
        var summary: String
    }

    init(
        detail: CampaignDetail, account: AdAccount?, drifts: [Drift], level: EntityKind, range: DateRange,
        metrics: [DailyMetric], actions: [LifecycleAction], launch: JobDetail?, optimizations: [OptimizationRecord],
        rules: [RuleExecutionRecord], tests: [CreativeTestRecord]
    ) {
        let campaign = detail.campaign
        id = campaign.id.uuidString
        name = campaign.name
        status = campaign.status.rawValue
        drifted = campaign.drifted
        platform = campaign.platform.rawValue
        platformCampaignID = campaign.platformCampaignID ?? "—"
        self.account = account.map { "\($0.name) (\($0.platformAccountID))" } ?? campaign.accountID.uuidString
        budget = "\(Format.money(campaign.budget.amount)) \(campaign.budget.period.rawValue)"
        schedule =
            "\(Format.time(campaign.schedule.start)) to \(campaign.schedule.end.map { Format.time($0) } ?? "no end")"
        lastSync = Format.time(campaign.lastSyncedAt)
        jobID = campaign.jobID.uuidString
        jobStatus = launch?.job.status.rawValue ?? "gone"
        (hierarchy, otherEntities) = Self.tree(detail.mappings)
        hasOtherEntities = !otherEntities.isEmpty
        hasHierarchy = !hierarchy.isEmpty
        hasDrifts = !drifts.isEmpty
        self.drifts = drifts.map {
            DriftRow(
                level: $0.level.rawValue, platformID: $0.platformID, field: $0.field.rawValue, ours: $0.ours ?? "—",
                platforms: $0.platforms, detectedAt: Format.time($0.detectedAt))
        }
        let levelName = ActionLevel(kind: level)?.rawValue ?? "campaign"
        levels = ActionLevel.allCases.map {
            CampaignsView.Choice(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == levelName)
        }
        let shownDays = range.until.daysSinceEpoch - range.since.daysSinceEpoch + 1
        dayChoices = [7, 14, 30, 90].map {
            CampaignsView.Choice(value: String($0), label: "Last \($0) days", selected: $0 == shownDays)
        }
        since = range.since.description
        until = range.until.description
        let names = Dictionary(
            detail.mappings.map { ($0.platformID, $0.name) }, uniquingKeysWith: { first, _ in first })
        self.metrics = metrics.sorted { ($0.date, $0.platformID) > ($1.date, $1.platformID) }.map { row in
            MetricRow(
                date: row.date, entity: names[row.platformID].map { "\($0) (\(row.platformID))" } ?? row.platformID,
                impressions: Format.integer(row.totals.impressions), clicks: Format.integer(row.totals.clicks),
                spend: Format.money(row.totals.spend), conversions: Format.decimal(row.totals.conversions, digits: 1),
                value: Format.money(row.totals.conversionValue), roas: Format.roas(row.totals))
        }
        let chart = Self.chart(metrics, range: range, level: levelName)
        self.chart = chart.svg(id: "metrics-chart")
        legend = chart.legend
        self.actions = actions.map {
            ActionRow(
                id: $0.id.uuidString, kind: $0.kind.description, level: $0.level.rawValue, status: $0.status.rawValue,
                requestedBy: $0.requestedBy, createdAt: Format.time($0.createdAt), error: $0.error?.message)
        }
        launchLog = (launch?.log ?? []).map {
            LogLine(at: Format.time($0.at), level: "\($0.level)", event: $0.event, message: $0.message)
        }
        hasLaunchLog = !launchLog.isEmpty
        hasActions = !actions.isEmpty
        hasOptimizations = !optimizations.isEmpty
        hasRules = !rules.isEmpty
        hasTests = !tests.isEmpty
        self.optimizations = optimizations.map {
            OptimizationRow(
                at: Format.time($0.createdAt), entity: $0.entityID ?? "campaign", action: $0.action,
                change: "\($0.previousValue?.description ?? "—") → \($0.newValue?.description ?? "—")",
                reason: $0.reason, mode: $0.mode, error: $0.actionError)
        }
        self.rules = rules.map {
            RuleRow(
                at: Format.time($0.createdAt), rule: $0.ruleName, ruleID: $0.ruleID, action: $0.action,
                entity: "\($0.level) \($0.entityID)", status: $0.actionStatus?.rawValue ?? ($0.failed ? "FAILED" : "—"),
                answer: $0.platformAnswer, error: $0.actionError)
        }
        self.tests = tests.map {
            TestRow(
                at: Format.time($0.createdAt), adGroup: $0.adGroupName.map { "\($0) " } ?? "", metric: $0.metric,
                mode: $0.mode, leader: $0.leaderAdID ?? "—", winner: $0.winnerAdID ?? "—", summary: $0.summary)
        }
        actionLevels = ActionLevel.allCases.map {
            CampaignsView.Choice(value: $0.rawValue, label: $0.rawValue, selected: $0 == .campaign)
        }
        periods = [Budget.Period.daily, .lifetime].map {
            CampaignsView.Choice(
                value: $0.rawValue, label: $0.rawValue, selected: $0 == campaign.budget.period)
        }
        strategies = [BidStrategy.Kind.automatic, .bidCap, .costCap, .targetROAS].map {
            CampaignsView.Choice(value: $0.rawValue, label: $0.rawValue, selected: $0 == .automatic)
        }
    }

    /// Campaigns with their ad groups and ads, by parent id; every other mapped entity apart.
    static func tree(_ mappings: [EntityMapping]) -> (tree: [Entity], others: [Entity]) {
        func entity(_ mapping: EntityMapping, children: [Entity] = []) -> Entity {
            Entity(
                kind: mapping.level.rawValue, name: mapping.name, platformID: mapping.platformID,
                status: mapping.lastSeenStatus?.rawValue ?? "—",
                budget: mapping.lastSeenBudget.map { "\(Format.money($0.amount)) \($0.period.rawValue)" } ?? "—",
                children: children, hasChildren: !children.isEmpty)
        }
        let ads = mappings.filter { $0.level == .ad }
        let groups = mappings.filter { $0.level == .adGroup }
        let tree = mappings.filter { $0.level == .campaign }.map { campaign in
            entity(
                campaign,
                children: groups.filter { $0.parentPlatformID == campaign.platformID }.map { group in
                    entity(group, children: ads.filter { $0.parentPlatformID == group.platformID }.map { entity($0) })
                })
        }
        let shownIDs = Set(
            tree.flatMap { [$0.platformID] + $0.children.flatMap { [$0.platformID] + $0.children.map(\.platformID) } })
        let others = mappings.filter {
            !shownIDs.contains($0.platformID) || ![.campaign, .adGroup, .ad].contains($0.level)
        }
        .map { entity($0) }
        return (tree, others)
    }

    /// Spend and conversion value per day at the level, summed over its entities, in major units of the first
    /// currency.
    static func chart(_ metrics: [DailyMetric], range: DateRange, level: String) -> SVGChart {
        let days = range.days.map(\.description)
        let currency = metrics.first?.totals.spend.currency
        var spend: [String: Double] = [:]
        var value: [String: Double] = [:]
        for row in metrics where row.totals.spend.currency == currency {
            spend[row.date, default: 0] += Double(row.totals.spend.minorUnits)
            value[row.date, default: 0] += Double(row.totals.conversionValue.minorUnits)
        }
        let scale = pow(10, Double(currency?.minorUnitDigits ?? 2))
        return SVGChart(
            labels: days.map { String($0.dropFirst(5)) },
            series: [
                SVGChart.Series(name: "Spend", values: days.map { (spend[$0] ?? 0) / scale }),
                SVGChart.Series(name: "Conversion value", values: days.map { (value[$0] ?? 0) / scale }),
            ],
            title: "Daily spend and conversion value at \(level) level, \(range.since) to \(range.until)"
                + (currency.map { ", in \($0.code)" } ?? ""),
            format: { Format.decimal($0, digits: 0) })
    }
}

extension CampaignView: TitledView {
    /// The campaign's name and platform.
    var pageTitle: String { "\(name) · \(platform)" }
}
