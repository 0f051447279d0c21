import AdPlatformKit
import Foundation
import MetaAds
import Optimization
import Testing
import TikTokAds
import Trafficking

/// A pass over many campaigns: every decision logged, actions only in apply mode, at the level the platform
/// holds budgets, and campaigns with automatic optimisation off left alone.
@Suite("Optimisation pass")
struct OptimizationPassTests {
    static func candidates() -> [OptimizationCandidate] {
        [
            OptimizationCandidate(
                campaign: Fixtures.campaign(1), capabilities: MetaCapabilities.capabilities,
                days: Fixtures.days(7, spend: 10_000, roasBasisPoints: 35_000)),
            OptimizationCandidate(
                campaign: Fixtures.campaign(2), capabilities: MetaCapabilities.capabilities,
                days: Fixtures.days(7, spend: 10_000, roasBasisPoints: 12_000)),
            OptimizationCandidate(
                campaign: Fixtures.campaign(3), capabilities: MetaCapabilities.capabilities,
                days: Fixtures.days(7, spend: 10_000, roasBasisPoints: 3_000)),
            OptimizationCandidate(
                campaign: Fixtures.campaign(4, platform: .tiktok, budget: Fixtures.usd(12_000)),
                capabilities: TikTokCapabilities.capabilities, adGroupCount: 2,
                days: Fixtures.days(7, spend: 12_000, roasBasisPoints: 22_000)),
            OptimizationCandidate(
                campaign: Fixtures.campaign(5), capabilities: MetaCapabilities.capabilities,
                days: Fixtures.days(7, spend: 10_000, roasBasisPoints: 35_000), autoOptimize: false),
            OptimizationCandidate(
                campaign: Fixtures.campaign(6, status: .paused), capabilities: MetaCapabilities.capabilities,
                days: Fixtures.days(7, spend: 10_000, roasBasisPoints: 35_000)),
            OptimizationCandidate(
                campaign: Fixtures.campaign(7, period: .lifetime), capabilities: MetaCapabilities.capabilities,
                days: Fixtures.days(7, spend: 10_000, roasBasisPoints: 35_000)),
        ]
    }

    @Test("a dry run logs every decision, maintains included, and requests nothing")
    func dryRun() {
        let result = OptimizationPass(mode: .dryRun).run(Self.candidates(), at: Fixtures.now)
        #expect(result.decisions.map(\.action) == [.budgetIncrease, .budgetMaintain, .campaignPaused, .budgetIncrease])
        #expect(result.log.count == 4 && result.log.allSatisfy { $0.mode == .dryRun && $0.createdAt == Fixtures.now })
        #expect(result.actions.isEmpty)
        let maintain = result.log[1]
        #expect(maintain.action == .budgetMaintain)
        #expect(maintain.previousValue == .budget(Budget(.daily, Fixtures.usd(10_000))))
        #expect(maintain.newValue == maintain.previousValue)
        guard case .campaign(let snapshot) = maintain.metrics else {
            Issue.record("a budget decision logs its window")
            return
        }
        #expect(snapshot.returnOnAdSpend == ReturnOnAdSpend(basisPoints: 12_000))
        #expect(result.skipped.map(\.campaignID) == [5, 6, 7].map { Fixtures.campaign($0).id })
        #expect(result.skipped[0].reason.contains("automatic optimisation is off"))
    }

    @Test("apply requests budgets where the platform holds them and pauses the poor, through lifecycle actions")
    func apply() {
        let result = OptimizationPass(mode: .apply).run(Self.candidates(), at: Fixtures.now)
        #expect(result.log.count == 4, "maintains are logged in apply mode too")
        #expect(
            result.actions == [
                ActionRequest(
                    campaignID: Fixtures.campaign(1).id, kind: .budget(Budget(.daily, Fixtures.usd(12_000))),
                    level: .campaign, requestedBy: "optimizer"),
                ActionRequest(
                    campaignID: Fixtures.campaign(3).id, kind: .pause, level: .campaign, requestedBy: "optimizer"),
                // 120.00 + 10% = 132.00 shared by two TikTok ad groups.
                ActionRequest(
                    campaignID: Fixtures.campaign(4).id, kind: .budget(Budget(.daily, Fixtures.usd(6_600))),
                    level: .adGroup, requestedBy: "optimizer"),
            ])
        let paused = result.log[2]
        #expect(paused.previousValue == .status(.active) && paused.newValue == .status(.paused))
        #expect(paused.confidence == 0.85 && paused.reason.contains("poor ROAS 0.3x"))
    }

    @Test("a candidate built from the store's rows uses campaign-level rows and counts ad groups")
    func fromStoreRows() {
        let campaign = Fixtures.campaign(1, platform: .tiktok)
        let rows = (1...7).flatMap { offset -> [DailyMetric] in
            let date = Fixtures.today.adding(-offset).description
            func row(_ level: EntityKind, _ id: String, spend: Int64) -> DailyMetric {
                DailyMetric(
                    campaignID: campaign.id, level: level, platformID: id, date: date,
                    attributionWindow: "7d_click_1d_view",
                    totals: MetricTotals(
                        impressions: 100, clicks: 5, spend: Fixtures.usd(spend), conversions: 1,
                        conversionValue: Fixtures.usd(spend * 3)),
                    syncedAt: Fixtures.now)
            }
            return [
                row(.campaign, "c1", spend: 10_000), row(.adGroup, "g1", spend: 6_000),
                row(.adGroup, "g2", spend: 4_000),
            ]
        }
        let mapping = { (level: EntityKind, id: String) in
            EntityMapping(
                campaignID: campaign.id, level: level, platformID: id, parentPlatformID: nil, name: id, stepKey: id,
                lastSeenStatus: nil, lastSeenBudget: nil,
                lastSeenAt: Fixtures.now)
        }
        let detail = CampaignDetail(
            campaign: campaign, mappings: [mapping(.campaign, "c1"), mapping(.adGroup, "g1"), mapping(.adGroup, "g2")],
            creativeVersions: [])
        let candidate = OptimizationCandidate(
            detail: detail, capabilities: TikTokCapabilities.capabilities, metrics: rows)
        #expect(candidate.adGroupCount == 2 && candidate.days.count == 7)
        #expect(
            candidate.days.allSatisfy { $0.totals.spend == Fixtures.usd(10_000) }, "campaign rows, not the sum again")
        #expect(candidate.budgetLevel == .adGroup)
    }

    @Test("the benchmark's synthetic pass decides for every campaign with optimisation on")
    func synthetic() {
        let candidates = SyntheticPortfolio.candidates(
            count: 1_000, platforms: [MetaCapabilities.capabilities, TikTokCapabilities.capabilities], at: Fixtures.now)
        let result = OptimizationPass(mode: .apply).run(candidates, at: Fixtures.now)
        #expect(result.decisions.count == 960 && result.skipped.count == 40)
        #expect(Set(result.decisions.map(\.band)) == [.learning, .excellent, .good, .acceptable, .suboptimal, .poor])
        #expect(result.actions.count == result.decisions.filter(\.changesCampaign).count)
    }
}
