import AdPlatformKit
import AdPlatformTesting
import Foundation
import Logging
import MockPlatforms
import Optimization
import Testing
import Trafficking

/// The daily optimiser pass of `adops serve` and `adops worker` runs once a day, at its hour by the store's clock.
@Suite("Daily optimiser pass")
struct OptimizationServiceTests {
    @Test("Not before its hour; once at it, logging every decision; not again that day; again the next day")
    func oncePerDay() async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let account = try #require(fixture.accounts[.meta])
            _ = try await DeliveringCampaigns.launch(
                on: account, in: fixture, conversionRate: 0.1, valuePerConversionMicros: 17_500_000)
            MetricsSyncTests.advance(days: 9, clock, fixture)
            // To 05:30 UTC the next day: half an hour before the pass's hour.
            let now = clock.now
            let midnight = CalendarDay(now).adding(1).midnight
            MetricsSyncTests.advance(
                days: midnight.addingTimeInterval(5.5 * 3_600).timeIntervalSince(now) / 86_400, clock, fixture)
            let sync = try await MetricsSyncTests.syncer(fixture).sync(account: account.id, kind: .incremental)
            try #require(sync.status == .succeeded, "\(sync.errors)")
            let service = OptimizationService(
                optimizer: Optimizer(engine: fixture.engine), mode: .dryRun, hour: 6,
                logger: Logger(label: "e2e.optimize") { _ in SwiftLogNoOpLogHandler() })

            #expect(try await service.runIfDue() == nil)
            _ = clock.advance(by: 3_600)
            let run = try #require(try await service.runIfDue())
            #expect(run.mode == .dryRun && run.decisions.count == 1 && run.actionIDs.isEmpty)
            #expect(try await service.runIfDue() == nil, "the day's pass is logged")
            _ = clock.advance(by: 86_400)
            #expect(try await service.runIfDue() != nil)
            let log = try await fixture.store.optimizationLog(campaign: nil, account: nil, page: PageRequest())
            #expect(log.total == 2 && log.items.allSatisfy { $0.mode == "dryRun" && $0.actionID == nil })
        }
    }
}
