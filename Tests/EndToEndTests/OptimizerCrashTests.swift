import AdPlatformKit
import AdPlatformTesting
import Foundation
import MockPlatforms
import Optimization
import Testing
import Trafficking

/// An optimiser apply on the Meta emulator while 30% of its calls fail, with the worker killed mid-apply and a new
/// one taking over: each intended change is made on the platform exactly once.
@Suite("Budget optimiser under faults and a crash")
struct OptimizerCrashTests {
    /// Thrown by the first worker's sleep, which it calls only to back off after a fault, once the dropped answer
    /// has been injected: from there on it does nothing more, as if its process had been killed.
    struct SimulatedCrash: Error {}

    @Test("30% injected 503s, a dropped answer and a killed worker: every change made once, every action done")
    func applyUnderFaultsAndCrash() async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let account = try #require(fixture.accounts[.meta])
            let campaigns = try await OptimizerEndToEndTests.deliveringCampaigns(clock, fixture)

            let run = try await Optimizer(engine: fixture.engine).run(account: account.id, mode: .apply)
            let actions = run.actionIDs
            try #require(actions.count == 4, "\(run.decisions.map(\.decision.action))")

            // From here 30% of Meta's calls answer 503, and the change to the decreased campaign is made but its
            // answer dropped. The first worker backs off from the 503s and goes on; after the dropped answer it is
            // killed, knowing nothing of the change it made.
            let mark = mock.mock.journal.query().last?.sequence ?? 0
            let appliedAt = mock.mock.world.now
            let decreased = try #require(campaigns[3].platformCampaignID)
            let dropped = mock.mock.faults.add(
                FaultRule(
                    platform: "meta", method: "POST", path: "/v*/\(decreased)/", kind: .dropResponse, remaining: 1))
            _ = mock.mock.faults.add(FaultRule(platform: "meta", kind: .status, status: 503, probability: 0.3))
            let faults = mock.mock.faults

            let lease: Duration = .seconds(2)
            let first = fixture.worker(
                owner: "worker-a", lease: lease,
                sleep: { _ in if !faults.rules.contains(where: { $0.id == dropped.id }) { throw SimulatedCrash() } })
            var finishedByFirst = 0
            await #expect(throws: SimulatedCrash.self) {
                while try await first.runNextAction() { finishedByFirst += 1 }
            }
            let store = fixture.store
            var underWay: [LifecycleAction] = []
            for id in actions {
                if let action = try await store.action(id), action.status == .processing { underWay.append(action) }
            }
            #expect(underWay.count == 1, "the killed worker left one action half done")
            #expect(underWay.first?.campaignID == campaigns[3].id && underWay.first?.steps.first?.state == .started)
            #expect(
                LifecycleActionTests.entity(decreased, on: .meta, in: fixture)?.dailyBudgetMicros == 160_000_000,
                "the platform made the change the killed worker never recorded")
            #expect(finishedByFirst < actions.count, "killed mid-apply")

            // The restarted worker waits out the dead one's lease, then finishes every action under the same faults.
            clock.advance(by: lease + .seconds(1))
            let second = fixture.worker(owner: "worker-b", lease: .seconds(30))
            try await fixture.run(worker: second) {
                for id in actions { guard try await store.action(id)?.status.isTerminal == true else { return false } }
                return true
            }
            mock.mock.faults.removeAll()
            for id in actions {
                let action = try #require(try await store.action(id))
                #expect(action.status == .done, "\(action.error?.description ?? "")")
            }
            if let taken = underWay.first {
                #expect(try await store.action(taken.id)?.takeovers == 1)
            }
            let faulted = mock.mock.journal.query(platform: "meta").filter { $0.sequence > mark && $0.fault != nil }
            #expect(faulted.contains { $0.fault == dropped.id }, "the dropped answer was injected")
            let calls = mock.mock.journal.query(platform: "meta").filter { $0.sequence > mark }.count
            print(
                "optimiser under faults: \(faulted.count) of \(calls) Meta calls faulted (1 a dropped answer); the "
                    + "first worker finished \(finishedByFirst) of \(actions.count) actions before it was killed")

            // On the emulator each intended change happened once: one budget change (the emulator keeps a period
            // per change of value) or one end of delivery, and nothing for the maintained campaign. A call answered
            // with an injected 503 never reached the platform's state; the dropped one did. The worker that took
            // the half-done budget step over read the budget back, found the change made, and did not send it again.
            for (index, campaign) in campaigns.enumerated() {
                let platformID = try #require(campaign.platformCampaignID)
                let entity = try #require(LifecycleActionTests.entity(platformID, on: .meta, in: fixture))
                let row = OptimizerEndToEndTests.rows[index]
                let budgetChanges = (entity.budgetHistory ?? []).filter { $0.until >= appliedAt }.count
                let deliveryEnds = entity.activeIntervals.filter { ($0.end ?? .distantPast) >= appliedAt }.count
                if let budget = row.budgetAfterMicros {
                    #expect(entity.dailyBudgetMicros == budget && entity.isActive, "campaign \(index)")
                    #expect(budgetChanges == (budget == 200_000_000 ? 0 : 1), "campaign \(index)")
                    #expect(deliveryEnds == 0, "campaign \(index)")
                } else {
                    #expect(!entity.isActive && entity.dailyBudgetMicros == 200_000_000, "campaign \(index)")
                    #expect(budgetChanges == 0 && deliveryEnds == 1, "campaign \(index) paused once")
                }
                let sent = mock.mock.journal.query(platform: "meta", method: "POST").filter {
                    $0.sequence > mark && ($0.fault == nil || $0.fault == dropped.id)
                        && (LifecycleActionTests.matches($0.path, "/v*/\(platformID)")
                            || LifecycleActionTests.matches($0.path, "/v*/\(platformID)/"))
                }
                let expectedCalls = row.budgetAfterMicros == 200_000_000 ? 0 : 1
                #expect(sent.count == expectedCalls, "campaign \(index): \(sent.map(\.path))")
            }
            let resumed = try await store.actionLog(try #require(underWay.first?.id))
            #expect(resumed.contains { $0.event == "recovered" && $0.message.contains("not sending it again") })
            let log = try await store.optimizationLog(campaign: nil, account: account.id, page: PageRequest())
            #expect(log.total == campaigns.count, "one decision each, logged once")
        }
    }
}
