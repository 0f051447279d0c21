import AdPlatformKit
import AdPlatformTesting
import Foundation
import MockPlatforms
import Optimization
import Testing
import Trafficking

/// The budget allocator run daily on the Meta emulator: three campaigns whose ground truth saturates at known
/// spends, a fixed daily total shared among them once a simulated day for 7 days, each day's shares applied as
/// lifecycle actions by the worker and the next day's figures synced back from the emulator.
@Suite("Budget allocation end to end")
struct AllocationEndToEndTests {
    /// One campaign's known response: first-unit ROAS `a` (value per conversion ÷ 0.02, at the truth below) and
    /// saturation spend `k` (major units). A day's spend `S` returns `a × k × (1 − e^(−S/k))`.
    struct Curve {
        var valuePerConversionMicros: Int64
        var saturation: Double

        var firstUnitROAS: Double { Double(valuePerConversionMicros) / 1_000_000 * AllocationEndToEndTests.valueScale }

        /// The value a day's spend returns, in major units.
        func value(_ spend: Double) -> Double { firstUnitROAS * saturation * (1 - exp(-spend / saturation)) }
    }

    /// The truth every campaign delivers with: a CPM of 1.00 at the reference audience, 10% click-through and half
    /// the clicks converting, so 1,000 impressions and 50 conversions per unit of unsaturated spend: large counts,
    /// whose rounding moves a day's value by well under 0.1%.
    static let cpmMicros: Int64 = 1_000_000
    static let clickThroughRate = 0.1
    static let conversionRate = 0.5
    /// Conversions per unit of unsaturated spend: 1,000 ÷ CPM × CTR × conversion rate.
    static let valueScale = 1_000 / (Double(cpmMicros) / 1_000_000) * clickThroughRate * conversionRate

    /// A strong campaign that saturates late and two weaker ones that saturate early: the even split the campaigns
    /// start on earns about 73% of the best, which gives the first about 246 of the 300 and the last its floor.
    static let curves = [
        Curve(valuePerConversionMicros: 100_000, saturation: 200),  // ROAS 5 at first
        Curve(valuePerConversionMicros: 60_000, saturation: 60),  // ROAS 3
        Curve(valuePerConversionMicros: 40_000, saturation: 30),  // ROAS 2, saturates first
    ]
    static let startingBudgetMinor: Int64 = 10_000  // 100.00 each
    static let totalMinor: Int64 = 30_000  // 300.00 a day
    static let floorMinor: Int64 = 1_000  // seed 003's 10 a day

    /// The best value of `total` (major units) over the curves, among the splits that give each campaign at least
    /// `floor`: a grid of 0.10 over every split, then of 0.01 (one cent) around the best of it.
    static func bestValue(total: Double, floor: Double) -> Double {
        func search(step: Double, first: ClosedRange<Double>, second: ClosedRange<Double>) -> (Double, Double, Double) {
            var best = (value: 0.0, first: 0.0, second: 0.0)
            var a = max(first.lowerBound, floor)
            while a <= first.upperBound + 1e-9 {
                var b = max(second.lowerBound, floor)
                while b <= second.upperBound + 1e-9, total - a - b >= floor - 1e-9 {
                    let value = curves[0].value(a) + curves[1].value(b) + curves[2].value(total - a - b)
                    if value > best.value { best = (value, a, b) }
                    b += step
                }
                a += step
            }
            return best
        }
        let coarse = search(step: 0.1, first: floor...total, second: floor...total)
        let fine = search(
            step: 0.01, first: (coarse.1 - 0.1)...(coarse.1 + 0.1), second: (coarse.2 - 0.1)...(coarse.2 + 0.1))
        return max(coarse.0, fine.0)
    }

    @Test("7 daily allocations of 300.00 on saturating campaigns reach ≥ 95% of the best ROAS; sums exact")
    func convergesOnTheEmulator() async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let account = try #require(fixture.accounts[.meta])
            let world = mock.mock.world
            let usd = Currency.usd
            var campaigns: [Campaign] = []
            for curve in Self.curves {
                var request = try DeliveringCampaigns.request(fixture)
                request.budget = Budget(.daily, Money(minorUnits: Self.startingBudgetMinor, currency: usd))
                let campaign = try await DeliveringCampaigns.launchAndActivate(request, on: account, in: fixture)
                let platformID = try #require(campaign.platformCampaignID)
                let entity = try #require(LifecycleActionTests.entity(platformID, on: .meta, in: fixture))
                // Set on the campaign, the saturation is of the campaign's whole day's spend, over both ad sets.
                try world.setPerformance(
                    PerformanceTruth(
                        from: world.now, clickThroughRate: Self.clickThroughRate, conversionRate: Self.conversionRate,
                        valuePerConversionMicros: curve.valuePerConversionMicros, cpmMicros: Self.cpmMicros,
                        pacing: 1, saturationSpendMicros: Int64(curve.saturation * 1_000_000)),
                    platform: "meta", entityID: entity.id)
                campaigns.append(try #require(try await fixture.store.campaign(campaign.id)))
            }

            // To the next midnight, where the flights start, then 4 whole days of delivery: past the learning window.
            let intoDay = world.now.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400)
            MetricsSyncTests.advance(days: (86_400 - intoDay + 1) / 86_400 + 4, clock, fixture)
            let syncer = MetricsSyncTests.syncer(fixture)
            try #require(try await syncer.sync(account: account.id, kind: .incremental).status == .succeeded)

            let total = Money(minorUnits: Self.totalMinor, currency: usd)
            let best = Self.bestValue(total: 300, floor: 10) / 300
            let capabilities = try fixture.module(.meta).capabilities
            let minimum = try #require(capabilities.budget.dailyMinimumMicros) / 10_000
            let startShare = try await Self.yesterdayROAS(campaigns, fixture) / best
            var share = startShare
            var daily: [String] = []
            for day in 1...7 {
                let now = fixture.store.clock.now
                let (since, until) = BudgetOptimizer().window(at: now)
                var candidates: [AllocationCandidate] = []
                for campaign in campaigns {
                    let detail = try #require(try await fixture.store.campaignDetail(campaign.id))
                    let metrics = try await fixture.store.metrics(
                        campaign: campaign.id, since: since.description, until: until.description, level: nil)
                    candidates.append(
                        AllocationCandidate(
                            OptimizationCandidate(
                                detail: detail, capabilities: capabilities, metrics: metrics, autoOptimize: true,
                                bounds: .open), at: now))
                }
                #expect(candidates.allSatisfy { !$0.learning }, "day \(day)")
                let allocation = try BudgetAllocator().allocate(total, among: candidates)
                let budgets = allocation.allocations.map(\.budget.minorUnits)
                daily.append(budgets.map { String(format: "%.2f", Double($0) / 100) }.joined(separator: "/"))
                #expect(budgets.reduce(0, +) == Self.totalMinor, "day \(day): \(budgets)")
                #expect(allocation.unallocated.minorUnits == 0, "day \(day)")
                #expect(budgets.allSatisfy { $0 >= max(minimum, Self.floorMinor) }, "day \(day): \(budgets)")

                var requested: [UUID] = []
                for share in allocation.allocations where share.budget != share.previousBudget {
                    let action = try await fixture.engine.requestAction(
                        ActionRequest(
                            campaignID: share.campaignID, kind: .budget(Budget(.daily, share.budget)),
                            requestedBy: "allocator"))
                    requested.append(action.id)
                }
                let actions = requested
                let store = fixture.store
                try await fixture.run {
                    for id in actions {
                        guard try await store.action(id)?.status.isTerminal == true else { return false }
                    }
                    return true
                }
                for id in actions {
                    let action = try #require(try await store.action(id))
                    #expect(action.status == .done, "day \(day): \(action.error?.description ?? "")")
                }
                // The emulator holds each share, to the cent, and never under Meta's minimum.
                for (campaign, budget) in zip(campaigns, budgets) {
                    let platformID = try #require(campaign.platformCampaignID)
                    let entity = try #require(LifecycleActionTests.entity(platformID, on: .meta, in: fixture))
                    #expect(entity.dailyBudgetMicros == budget * 10_000, "day \(day)")
                }

                // The day delivers at the new shares; the next day's run sees it.
                MetricsSyncTests.advance(days: 1, clock, fixture)
                let sync = try await syncer.sync(account: account.id, kind: .incremental)
                try #require(sync.status == .succeeded, "\(sync.errors)")
                share = try await Self.yesterdayROAS(campaigns, fixture) / best
                daily[daily.count - 1] += String(format: " → %.1f%%", share * 100)
            }
            print(
                "allocation on the Meta emulator: ROAS at the start \(String(format: "%.1f", startShare * 100))% of "
                    + "the best, after 7 daily allocations \(String(format: "%.1f", share * 100))%; each day's shares and "
                    + "the share of the best ROAS the next day: \(daily.joined(separator: ", "))")
            #expect(startShare < 0.9, "the start leaves room to improve: \(startShare)")
            #expect(share >= 0.95, "after 7 days: \(share) of the best ROAS \(best)")
        }
    }

    /// Yesterday's ROAS over the campaigns, from the synced campaign-level rows.
    static func yesterdayROAS(_ campaigns: [Campaign], _ fixture: EngineFixture) async throws -> Double {
        let yesterday = CalendarDay(fixture.store.clock.now).adding(-1).description
        var spend: Int64 = 0
        var value: Int64 = 0
        for campaign in campaigns {
            let rows = try await fixture.store.metrics(
                campaign: campaign.id, since: yesterday, until: yesterday, level: .campaign)
            try #require(rows.count == 1, "\(campaign.name) on \(yesterday)")
            spend += rows.map(\.totals.spend.minorUnits).reduce(0, +)
            value += rows.map(\.totals.conversionValue.minorUnits).reduce(0, +)
        }
        try #require(spend > 0)
        return Double(value) / Double(spend)
    }
}
