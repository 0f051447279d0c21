import AdPlatformKit
import Foundation
import Optimization
import Testing
import Trafficking

/// Two-proportion tests between creatives: a winner only at 95% confidence past the least sample, losers paused.
@Suite("Creative tests")
struct CreativeTesterTests {
    static func arm(_ id: String, impressions: Int64, clicks: Int64, conversions: Int64 = 0) -> CreativeTestArm {
        CreativeTestArm(adID: id, impressions: impressions, clicks: clicks, conversions: conversions)
    }

    @Test("2% against 4% over 5,000 impressions each: the 4% creative wins, the 2% one loses and is paused")
    func clearWinner() {
        let result = CreativeTester().evaluate(
            [Self.arm("a1", impressions: 5_000, clicks: 100), Self.arm("a2", impressions: 5_000, clicks: 200)],
            on: .clickThroughRate)
        #expect(result.winnerID == "a2" && result.loserIDs == ["a1"] && !result.keepTesting)
        #expect(result.statuses == ["a1": .loser, "a2": .winner])
        let comparison = result.comparisons[0]
        #expect(comparison.z > 5.8 && comparison.z < 5.9, "z = 0.02 / √(0.03 × 0.97 × 2/5000) ≈ 5.86")
        #expect(comparison.pValue < 1e-8)
        let campaign = Fixtures.campaign(1).id
        let (log, actions) = CreativeTester().plan(result, campaignID: campaign, mode: .apply, at: Fixtures.now)
        #expect(
            actions == [
                ActionRequest(
                    campaignID: campaign, kind: .pause, level: .ad, entityIDs: ["a1"],
                    requestedBy: "optimizer:creative-test")
            ])
        #expect(log.map(\.action) == [.creativePaused, .creativeWinner])
        #expect(log.map(\.entityID) == ["a1", "a2"])
        #expect(log[0].previousValue == .status(.active) && log[0].newValue == .status(.paused))
        #expect(log.allSatisfy { $0.confidence > 0.95 && $0.metrics == .creativeTest(result) })
        #expect(log[0].reason.contains("2.0%") && log[0].reason.contains("4.0%"), "\(log[0].reason)")
        #expect(CreativeTester().plan(result, campaignID: campaign, mode: .dryRun, at: Fixtures.now).actions.isEmpty)
    }

    @Test("2.0% against 2.1% over 10,000 impressions each: keep testing, with the sample still needed")
    func tooClose() throws {
        let result = CreativeTester().evaluate(
            [Self.arm("a1", impressions: 10_000, clicks: 200), Self.arm("a2", impressions: 10_000, clicks: 210)],
            on: .clickThroughRate)
        #expect(result.keepTesting && result.winnerID == nil && result.loserIDs.isEmpty)
        #expect(result.statuses == ["a1": .testing, "a2": .testing])
        let needed = try #require(result.sampleNeededPerArm)
        // (1.96 √(2 × 0.0205 × 0.9795) + 0.8416 √(0.02 × 0.98 + 0.021 × 0.979))² / 0.001² ≈ 315,300 per arm.
        #expect(needed > 300_000 && needed < 310_000, "\(needed)")
        #expect(result.summary.hasPrefix("keep testing") && result.summary.contains("\(needed) more impressions"))
        let (log, actions) = CreativeTester().plan(result, campaignID: UUID(), mode: .apply, at: Fixtures.now)
        #expect(log.isEmpty && actions.isEmpty)
    }

    @Test("a clear difference on too small a sample is not called; the sample needed says how far to go")
    func minimumSample() {
        let result = CreativeTester().evaluate(
            [Self.arm("a1", impressions: 600, clicks: 6), Self.arm("a2", impressions: 600, clicks: 60)],
            on: .clickThroughRate)
        #expect(result.comparisons[0].pValue < 0.05, "significant by the numbers")
        #expect(result.keepTesting && result.sampleNeededPerArm == 400, "1,000 impressions each at least")
    }

    @Test("conversion rate uses clicks as trials; with three creatives the confidence is shared (Bonferroni)")
    func conversionRateAndThreeArms() {
        let arms = [
            Self.arm("a1", impressions: 50_000, clicks: 1_000, conversions: 50),
            Self.arm("a2", impressions: 50_000, clicks: 1_000, conversions: 80),
            Self.arm("a3", impressions: 50_000, clicks: 1_000, conversions: 62),
        ]
        let result = CreativeTester().evaluate(arms, on: .conversionRate)
        #expect(abs(result.threshold - 0.025) < 1e-12)
        #expect(result.leaderID == "a2" && result.loserIDs == ["a1"], "\(result.comparisons)")
        let a3 = result.comparisons.first { $0.adID == "a3" }
        #expect(a3.map { !$0.significant && $0.pValue > 0.025 } == true)
        #expect(result.keepTesting && result.summary.contains("losers so far a1"))
    }

    @Test("arms are summed per ad from the store's ad-level rows")
    func armsFromRows() {
        let campaign = Fixtures.campaign(1).id
        let rows = ["2027-03-13", "2027-03-14"].flatMap { date in
            ["a2", "a1"].map { ad in
                DailyMetric(
                    campaignID: campaign, level: .ad, platformID: ad, date: date, attributionWindow: "7d_click_1d_view",
                    totals: MetricTotals(
                        impressions: 1_000, clicks: 30, spend: Fixtures.usd(500), conversions: 1.5,
                        conversionValue: Fixtures.usd(900)),
                    syncedAt: Fixtures.now)
            }
        }
        #expect(
            CreativeTestArm.arms(from: rows) == [
                Self.arm("a1", impressions: 2_000, clicks: 60, conversions: 3),
                Self.arm("a2", impressions: 2_000, clicks: 60, conversions: 3),
            ])
    }
}
