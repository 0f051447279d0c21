import AdPlatformKit
import Foundation
import Trafficking

/// What one evaluation pass reads from the engine's store: the entities of the live campaigns the rules' scopes can
/// reach, their synced daily metrics over the longest window any rule names, and the changes of the last day (or
/// the cooldown, when longer) by rules and by everyone else.
///
/// Rule changes come from the rules' history and other changes (people, the API, the optimiser) from the lifecycle
/// actions, so that a change is counted once: a rule's own lifecycle actions are skipped there.
public struct AutomationInputs: Sendable {
    /// The entities in reach.
    public var entities: [RuleEntity]
    /// Their metrics.
    public var metrics: MetricsIndex
    /// Their recent changes.
    public var history: ChangeHistory

    /// The days of metrics read before today: the longest known window, 30 days.
    static let metricDays = 30
    /// How many of a campaign's latest lifecycle actions the history looks at; more than a day's guardrails allow.
    static let recentActions = 100

    /// Reads the inputs for `rules` at `now`.
    public static func load(
        for rules: [Rule], engine: TraffickingEngine, guardrails: Guardrails, now: Date
    ) async throws -> AutomationInputs {
        let store = engine.store
        let campaigns = try await campaignsInReach(of: rules, store: store)
        let today = CalendarDay(now)
        let since = today.adding(-metricDays).description
        let historySince = now.addingTimeInterval(-max(86_400, Double(guardrails.cooldownMinutes) * 60))

        var entities: [RuleEntity] = []
        var rows: [DailyMetric] = []
        var changes: [RecentChange] = []
        for campaign in campaigns {
            guard let detail = try await store.campaignDetail(campaign.id) else { continue }
            let campaignRows = try await store.metrics(
                campaign: campaign.id, since: since, until: today.description, level: nil)
            let delivery = Delivery(campaignRows)
            entities += detail.mappings.compactMap { mapping in
                let learning = delivery.isLearning(mapping.level, mapping.platformID, guardrails: guardrails)
                return RuleEntity(mapping: mapping, of: campaign, isLearning: learning)
            }
            rows += campaignRows
            let actions = try await store.actions(campaign: campaign.id, page: PageRequest(limit: recentActions))
            changes += actions.items.filter { $0.createdAt >= historySince && !$0.requestedBy.hasPrefix("rule:") }
                .flatMap(RecentChange.changes(of:))
        }
        changes += try await ruleChanges(since: historySince, store: store)
        return AutomationInputs(
            entities: entities, metrics: MetricsIndex(rows: rows, today: today), history: ChangeHistory(changes))
    }

    /// The live and paused campaigns any of the rules can reach: those of the accounts, platforms and campaigns
    /// their scopes name (a rule that names none reaches them all). Paused ones are in reach so that a rule can
    /// unpause them.
    static func campaignsInReach(of rules: [Rule], store: any TraffickingStore) async throws -> [Campaign] {
        var campaigns: [Campaign] = []
        var page = PageRequest(limit: PageRequest.maximumLimit)
        while true {
            let slice = try await store.campaigns(CampaignFilter(), page: page)
            campaigns += slice.items.filter { $0.status == .live || $0.status == .paused }
            guard let next = slice.nextOffset else { break }
            page = PageRequest(limit: PageRequest.maximumLimit, offset: next)
        }
        return campaigns.filter { campaign in
            rules.contains { rule in
                let scope = rule.scope
                return (scope.accounts.isEmpty || scope.accounts.contains(campaign.accountID))
                    && (scope.platforms.isEmpty || scope.platforms.contains(campaign.platform))
                    && (scope.campaigns.isEmpty || scope.campaigns.contains(campaign.id))
            }
        }
    }

    /// The changes the rules' history records since `since`, read back from the stored records.
    static func ruleChanges(since: Date, store: any TraffickingStore) async throws -> [RecentChange] {
        var changes: [RecentChange] = []
        var page = PageRequest(limit: PageRequest.maximumLimit)
        while true {
            let slice = try await store.ruleExecutions(rule: nil, campaign: nil, since: since, page: page)
            for record in slice.items {
                // A line whose action the engine refused changed nothing; a refused notification still counts
                // against the cooldown, as it was attempted.
                guard let execution = RuleExecution(record: record) else { continue }
                if record.failed, record.actionID == nil, execution.action.type != "notify" { continue }
                changes.append(execution.recentChange)
            }
            guard let next = slice.nextOffset else { return changes }
            page = PageRequest(limit: PageRequest.maximumLimit, offset: next)
        }
    }

    /// Each entity's days of delivery and spend in its synced rows: what tells whether it is still learning.
    /// Spend is summed in one attribution window per entity (the first seen), as ``MetricsIndex`` sums it.
    struct Delivery {
        private struct Entry {
            var window: String
            var dates: Set<String> = []
            var spendMinor: Int64 = 0
            var digits: Int
        }
        private var byEntity: [String: Entry] = [:]

        init(_ rows: [DailyMetric]) {
            for row in rows where row.totals.spend.minorUnits > 0 {
                let key = "\(row.level.rawValue)|\(row.platformID)"
                var entry =
                    byEntity[key]
                    ?? Entry(window: row.attributionWindow, digits: row.totals.spend.currency.minorUnitDigits)
                guard entry.window == row.attributionWindow else { continue }
                entry.dates.insert(row.date)
                entry.spendMinor += row.totals.spend.minorUnits
                byEntity[key] = entry
            }
        }

        /// Learning: fewer days of delivery than the guardrails' `learningDays`, or less spend than their
        /// `learningSpend`. An entity with no rows has not delivered, and is learning.
        func isLearning(_ level: EntityKind, _ platformID: String, guardrails: Guardrails) -> Bool {
            guard let entry = byEntity["\(level.rawValue)|\(platformID)"] else {
                return guardrails.learningDays > 0 || guardrails.learningSpend > 0
            }
            let spend = Double(entry.spendMinor) / pow(10, Double(entry.digits))
            return entry.dates.count < guardrails.learningDays || spend < guardrails.learningSpend
        }
    }
}
