import AdPlatformKit
import AdPlatformTesting
import Foundation
import MockPlatforms
import Optimization
import Testing
import Trafficking

/// Seed 003's table, one campaign per row, on the Meta emulator: ground truth gives five campaigns a known return
/// on ad spend, the sync reads it, one apply pass decides, the worker carries the decisions out, and each result is
/// read back from the emulator, not only from our store.
@Suite("Budget optimiser end to end")
struct OptimizerEndToEndTests {
    /// The ROAS each campaign is given, with the value per conversion that makes it exact, and the daily budget
    /// (micros) the emulator must hold afterwards, or `nil` for a paused campaign.
    static let rows: [(roas: Int64, valueMicros: Int64, budgetAfterMicros: Int64?)] = [
        (35_000, 17_500_000, 240_000_000),  // 3.5: +20% of 200 (40, within the cap of 100)
        (24_000, 12_000_000, 220_000_000),  // 2.4: +10%
        (13_000, 6_500_000, 200_000_000),  // 1.3: maintained
        (7_000, 3_500_000, 160_000_000),  // 0.7: −20%
        (3_000, 1_500_000, nil),  // 0.3: paused
    ]

    /// One Meta campaign per row, launched, activated and given the row's ROAS through ground truth, then synced
    /// past the learning window: 7 whole days ending yesterday.
    static func deliveringCampaigns(_ clock: ManualWallClock, _ fixture: EngineFixture) async throws -> [Campaign] {
        let account = try #require(fixture.accounts[.meta])
        var campaigns: [Campaign] = []
        for row in Self.rows {
            // 200 clicks and 20 conversions a day per ad set at 10%, so the value is 20 × the value per
            // conversion, and the ROAS exactly the row's.
            campaigns.append(
                try await DeliveringCampaigns.launch(
                    on: account, in: fixture, conversionRate: 0.1, valuePerConversionMicros: row.valueMicros))
        }
        // Past the learning window: the flight starts tomorrow, and the 7 days ending yesterday are whole days of
        // delivery.
        MetricsSyncTests.advance(days: 9, clock, fixture)
        let sync = try await MetricsSyncTests.syncer(fixture).sync(account: account.id, kind: .incremental)
        try #require(sync.status == .succeeded, "\(sync.errors)")
        return campaigns
    }

    @Test("ROAS 3.5, 2.4, 1.3, 0.7 and 0.3: +20%, +10%, maintained, −20% and paused, on the emulator; logged once")
    func seedTable() async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let account = try #require(fixture.accounts[.meta])
            let campaigns = try await Self.deliveringCampaigns(clock, fixture)

            let optimizer = Optimizer(engine: fixture.engine)
            let run = try await optimizer.run(account: account.id, mode: .apply)
            #expect(run.skipped.isEmpty, "\(run.skipped)")
            try #require(run.decisions.count == Self.rows.count)
            let expected: [OptimizationAction] = [
                .budgetIncrease, .budgetIncrease, .budgetMaintain, .budgetDecrease, .campaignPaused,
            ]
            for (index, campaign) in campaigns.enumerated() {
                let line = try #require(run.decisions.first { $0.campaign.id == campaign.id })
                let snapshot = line.decision.snapshot
                #expect(snapshot.deliveryDays == 7 && snapshot.totals.spend.minorUnits == 140_000, "\(snapshot)")
                #expect(snapshot.returnOnAdSpend == ReturnOnAdSpend(basisPoints: Self.rows[index].roas))
                #expect(line.decision.action == expected[index], "\(line.decision.reason)")
                #expect((line.actionID != nil) == (expected[index] != .budgetMaintain))
                #expect(line.actionError == nil)
            }

            let store = fixture.store
            let actions = run.actionIDs
            #expect(actions.count == 4)
            try await fixture.run {
                for id in actions { guard try await store.action(id)?.status.isTerminal == true else { return false } }
                return true
            }
            for id in actions {
                let action = try #require(try await store.action(id))
                #expect(
                    action.status == .done && action.requestedBy == "optimizer", "\(action.error?.description ?? "")")
            }

            // The emulator holds the results.
            for (index, campaign) in campaigns.enumerated() {
                let platformID = try #require(campaign.platformCampaignID)
                let entity = try #require(LifecycleActionTests.entity(platformID, on: .meta, in: fixture))
                if let budget = Self.rows[index].budgetAfterMicros {
                    #expect(entity.dailyBudgetMicros == budget, "campaign \(index)")
                    #expect(entity.isActive, "campaign \(index)")
                } else {
                    #expect(!entity.isActive, "campaign \(index) is paused")
                    #expect(entity.dailyBudgetMicros == 200_000_000)
                }
            }

            // Every decision is logged, with the action that carried it out.
            let log = try await store.optimizationLog(campaign: nil, account: account.id, page: PageRequest())
            #expect(log.total == Self.rows.count)
            #expect(Set(log.items.compactMap(\.actionID)) == Set(actions))
            #expect(
                log.items.allSatisfy {
                    $0.mode == OptimizationMode.apply.rawValue && abs($0.createdAt.timeIntervalSince(run.ranAt)) < 0.001
                })

            // A second pass the same day changes nothing again: the window has not moved.
            let again = try await optimizer.run(account: account.id, mode: .apply)
            #expect(again.actionIDs.isEmpty)
            #expect(again.skipped.count == 3, "the paused campaign is no longer live: \(again.skipped)")
            #expect(again.decisions.map(\.decision.action) == [.budgetMaintain])
        }
    }
}
