import AdPlatformKit
import Foundation
import Trafficking

/// A synthetic, deterministic evaluation pass for benchmarks and scale tests: ad groups across campaigns on the
/// four built-in platforms with days of metrics each, and a thousand-odd rules of varied shapes (thresholds,
/// metric against metric, targets, AND/OR/NOT, name and platform filters; pause, budget, bid and notify).
public struct AutomationWorkload: Sendable {
    /// The entities.
    public var entities: [RuleEntity]
    /// Their daily rows.
    public var rows: [DailyMetric]
    /// The rules.
    public var rules: [Rule]
    /// The day the rows end on (today).
    public var today: CalendarDay

    /// A workload of `entityCount` ad groups with `days` days of rows each (ending yesterday) and `ruleCount`
    /// rules, the same for the same `seed`.
    public init(entities entityCount: Int, days: Int, rules ruleCount: Int, today: CalendarDay, seed: UInt64 = 14) {
        var random = SplitMix64(seed: seed)
        let platforms = PlatformID.builtIn
        let accounts = platforms.map { _ in UUID(uuid: random.uuid()) }
        let campaignCount = max(1, entityCount / 100)
        let campaigns = (0..<campaignCount).map { _ in UUID(uuid: random.uuid()) }
        let audiences = ["prospecting", "retargeting", "lookalike", "broad", "interest"]
        let syncedAt = today.midnight
        var entities: [RuleEntity] = []
        var rows: [DailyMetric] = []
        entities.reserveCapacity(entityCount)
        rows.reserveCapacity(entityCount * days)
        for index in 0..<entityCount {
            let campaign = index % campaignCount
            let platform = campaign % platforms.count
            let key = EntityKey(campaignID: campaigns[campaign], level: .adGroup, platformID: "ag\(100_000 + index)")
            let budget = Budget(.daily, Money(minorUnits: Int64(5_000 + random.below(45_000)), currency: .usd))
            entities.append(
                RuleEntity(
                    key: key, accountID: accounts[platform], platform: platforms[platform],
                    name: "Spring \(audiences[index % audiences.count]) \(["US", "CA", "GB"][index % 3]) #\(index)",
                    labels: index % 7 == 0 ? ["holiday"] : [], status: .active, budget: budget,
                    bid: .costCap(Money(minorUnits: Int64(500 + random.below(4_500)), currency: .usd)),
                    isLearning: index % 20 == 0, targets: index % 10 == 0 ? ["cpa": 35] : [:], currency: .usd))
            // Each entity has its own scale and conversion rate, so rules split them.
            let scale = 0.5 + Double(random.below(1_000)) / 500
            let conversionRate = 0.005 + Double(random.below(1_000)) / 25_000
            for day in 1...max(1, days) {
                let impressions = Int64(Double(2_000 + random.below(8_000)) * scale)
                let clicks = Int64(Double(impressions) * (0.005 + Double(random.below(100)) / 5_000))
                let conversions = Double(Int64(Double(clicks) * conversionRate))
                let spend = Int64(Double(impressions) * (0.4 + Double(random.below(100)) / 100))
                rows.append(
                    DailyMetric(
                        campaignID: key.campaignID, level: .adGroup, platformID: key.platformID,
                        date: today.adding(-day).description, attributionWindow: "7d_click_1d_view",
                        totals: MetricTotals(
                            impressions: impressions, clicks: clicks, spend: Money(minorUnits: spend, currency: .usd),
                            conversions: conversions,
                            conversionValue: Money(minorUnits: Int64(conversions * 6_000), currency: .usd)),
                        syncedAt: syncedAt))
            }
        }
        var rules: [Rule] = []
        rules.reserveCapacity(ruleCount)
        for index in 0..<ruleCount {
            rules.append(Self.rule(index, random: &random, audiences: audiences, platforms: platforms))
        }
        self.entities = entities
        self.rows = rows
        self.rules = rules
        self.today = today
    }

    private static func rule(
        _ index: Int, random: inout SplitMix64, audiences: [String], platforms: [PlatformID]
    ) -> Rule {
        let windows: [MetricWindow] = [.yesterday, .last3Days, .last7Days, .last14Days, .last30Days]
        let window = windows[index % windows.count]
        let threshold = Double(40 + random.below(80))
        let conditions: Condition
        switch index % 5 {
        case 0:
            conditions = .all([
                .compare(Comparison(.cpa, over: window, ">", threshold)),
                .compare(Comparison(.conversions, over: window, ">=", 3)),
            ])
        case 1:
            conditions = .all([
                .compare(Comparison(.spend, over: window, ">", threshold * 20)),
                .compare(Comparison(.conversions, over: window, "=", 0)),
            ])
        case 2:
            conditions = .any([
                .compare(Comparison(.roas, over: window, "<", 0.5)),
                .all([
                    .compare(Comparison(.ctr, over: window, "<", 0.6)),
                    .not(.compare(Comparison(.cpm, over: window, "<", 8))),
                ]),
            ])
        case 3:
            conditions = .compare(
                Comparison(.metric(.cpa, window: window), ">", .product(factor: 2.5, .target("cpa"))))
        default:
            conditions = .all([
                .compare(Comparison(.cpa, over: .last3Days, ">", threshold)),
                .compare(
                    Comparison(
                        .metric(.cpa, window: .last3Days), ">",
                        .product(factor: 1.5, .metric(.cpa, window: .last30Days)))),
            ])
        }
        let actions: [RuleAction]
        switch index % 4 {
        case 0: actions = [.pause]
        case 1: actions = [.changeBudget(.percent(-15))]
        case 2: actions = [.changeBid(.percent(-10))]
        default: actions = [.pause, .notify(url: "https://hooks.example.com/adops")]
        }
        var scope = RuleScope(level: .adGroup)
        if index % 3 == 0 { scope.platforms = [platforms[index % platforms.count]] }
        if index % 4 == 0 { scope.nameContains = [audiences[index % audiences.count]] }
        if index % 6 == 0 { scope.nameExcludes = ["retargeting"] }
        return Rule(
            id: "bench-\(index)", name: "Benchmark rule \(index)", scope: scope, conditions: conditions,
            actions: actions, targets: ["cpa": 40])
    }
}

extension SplitMix64 {
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    mutating func uuid() -> uuid_t {
        let high = next()
        let low = next()
        func byte(_ value: UInt64, _ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: value >> (8 * index)) }
        return (
            byte(high, 0), byte(high, 1), byte(high, 2), byte(high, 3), byte(high, 4), byte(high, 5),
            byte(high, 6) & 0x0F | 0x40, byte(high, 7), byte(low, 0) & 0x3F | 0x80, byte(low, 1), byte(low, 2),
            byte(low, 3), byte(low, 4), byte(low, 5), byte(low, 6), byte(low, 7)
        )
    }
}
