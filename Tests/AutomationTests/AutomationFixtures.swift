import AdPlatformKit
import Automation
import Foundation
import GoogleAds
import MetaAds
import SnapchatAds
import TikTokAds
import Trafficking

/// Entities, metric rows and rules the automation tests share: one Meta campaign with ad groups whose metrics are
/// written day by day, evaluated at noon on 2026-03-10.
enum AutomationFixtures {
    static let today = CalendarDay(daysSinceEpoch: 20_522)  // 2026-03-10
    static let now = today.midnight.addingTimeInterval(12 * 3_600)
    static let campaignID = UUID(uuidString: "00000000-0000-7000-8000-000000000001") ?? UUID()
    static let accountID = UUID(uuidString: "00000000-0000-7000-8000-0000000000aa") ?? UUID()
    static let platforms = [
        MetaCapabilities.capabilities, TikTokCapabilities.capabilities, SnapchatCapabilities.capabilities,
        GoogleCapabilities.capabilities,
    ]

    static func usd(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .usd) }

    static func key(_ id: String, level: ActionLevel = .adGroup, campaign: UUID = campaignID) -> EntityKey {
        EntityKey(campaignID: campaign, level: level, platformID: id)
    }

    /// An active Meta ad group with a 100.00 USD daily budget and a 10.00 USD cost cap.
    static func entity(
        _ id: String, name: String? = nil, level: ActionLevel = .adGroup, platform: PlatformID = .meta,
        status: DeliveryStatus = .active, budget: Int64? = 10_000, bid: BidStrategy? = .costCap(usd(1_000)),
        isLearning: Bool = false, labels: [String] = [], targets: [String: Double] = [:]
    ) -> RuleEntity {
        RuleEntity(
            key: key(id, level: level), accountID: accountID, platform: platform, name: name ?? "Ad group \(id)",
            labels: labels, status: status, budget: budget.map { Budget(.daily, usd($0)) }, bid: bid,
            isLearning: isLearning, targets: targets, currency: .usd)
    }

    /// One day's row, `daysAgo` before today (0 is today).
    static func row(
        _ id: String, daysAgo: Int, spend: Int64, conversions: Double, clicks: Int64 = 100,
        impressions: Int64 = 10_000, value: Int64 = 0, level: ActionLevel = .adGroup, currency: Currency = .usd
    ) -> DailyMetric {
        DailyMetric(
            campaignID: campaignID, level: level.kind, platformID: id, date: today.adding(-daysAgo).description,
            attributionWindow: "7d_click_1d_view",
            totals: MetricTotals(
                impressions: impressions, clicks: clicks, spend: Money(minorUnits: spend, currency: currency),
                conversions: conversions, conversionValue: Money(minorUnits: value, currency: currency)),
            syncedAt: now)
    }

    /// The same spend and conversions on each of the `days` days before today.
    static func rows(_ id: String, days: ClosedRange<Int> = 1...3, spend: Int64, conversions: Double) -> [DailyMetric] {
        days.map { row(id, daysAgo: $0, spend: spend, conversions: conversions) }
    }

    /// "CPA > 50 over the last 3 days → pause" on ad groups.
    static let cpaPause = Rule(
        id: "cpa-pause", name: "Pause ad groups with a CPA over 50", scope: RuleScope(level: .adGroup),
        conditions: .compare(Comparison(.cpa, over: .last3Days, ">", 50)), actions: [.pause])

    /// A rule lowering budgets by 10% whenever spend over yesterday is above zero.
    static func budgetRule(
        percent: Double = -10, emergency: Bool = false, minimum: Money? = nil, id: String = "trim"
    ) -> Rule {
        Rule(
            id: id, name: "Trim budgets", scope: RuleScope(level: .adGroup),
            conditions: .compare(Comparison(.spend, over: .yesterday, ">", 0)),
            actions: [.changeBudget(.percent(percent), minimum: minimum)], emergency: emergency)
    }

    static func runner(
        entities: [RuleEntity], rows: [DailyMetric], guardrails: Guardrails = .standard, signer: WebhookSigner? = nil
    ) -> RuleRunner {
        RuleRunner(
            evaluator: RuleEvaluator(entities: entities, metrics: MetricsIndex(rows: rows, today: today)),
            planner: RulePlanner(guardrails: guardrails, platforms: platforms, signer: signer))
    }

    /// Runs one rule at `at`, recording into `history`.
    static func run(
        _ rule: Rule, _ runner: RuleRunner, history: inout ChangeHistory, at: Date = now
    ) throws -> RulePlan {
        let plans = runner.run([try CompiledRule(rule)], history: &history, now: at)
        guard let plan = plans.first else { throw FixtureError.noPlan }
        return plan
    }

    enum FixtureError: Error { case noPlan }
}
