import AdPlatformKit
import AdPlatformTesting
import Foundation
import MockPlatforms
import Testing
import Trafficking

/// A worker dies right after the platform created the campaign and before the ledger recorded it; a new worker
/// takes the job over when the lease runs out, finds the campaign by its marker, and finishes with exactly one.
@Suite("Crash and resume")
struct CrashAndResumeTests {
    /// Thrown by the first worker's sleep, which it calls only to back off after the dropped answer: from there on
    /// the first worker does nothing more, as if the process had died.
    struct SimulatedCrash: Error {}

    @Test("the job completes with exactly one campaign", arguments: PlatformID.builtIn)
    func resumes(platform: PlatformID) async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let account = try #require(fixture.accounts[platform])
            let request = try EngineFixture.disneyRequest(mock: mock)
            let jobs = try await fixture.engine.submit(request, accounts: [account.id])
            let job = try #require(jobs.first)
            // The emulator creates the campaign, then drops the connection before answering.
            _ = mock.mock.faults.add(
                FaultRule(
                    platform: platform.rawValue, method: "POST",
                    path: try #require(EngineFixture.campaignCreatePaths[platform]),
                    kind: .dropResponse, remaining: 1))

            let lease: Duration = .seconds(2)
            let first = fixture.worker(owner: "worker-a", lease: lease, sleep: { _ in throw SimulatedCrash() })
            await #expect(throws: SimulatedCrash.self) { try await first.runNext() }
            let crashed = try #require(try await fixture.store.job(job.id))
            #expect(crashed.status == .processing)
            let campaignStep = try #require(try await fixture.store.ledger(job: job.id).first { $0.key == "campaign" })
            #expect(campaignStep.state == .started)
            let marker = IdempotencyMarker(scope: job.id.uuidString.lowercased(), step: TraffickingPlan.campaignStep)
            #expect(fixture.entities(on: platform, carrying: marker).count == 1)

            // The restarted worker cannot take the job while the dead worker's lease lasts, and takes it after:
            // the test moves the clock past the lease instead of waiting for it.
            let second = fixture.worker(owner: "worker-b", lease: .seconds(30))
            #expect(try await second.runNext() == false)
            clock.advance(by: lease + .seconds(1))
            #expect(try await second.runNext())

            let finished = try #require(try await fixture.store.job(job.id))
            #expect(finished.status == .success)
            #expect(finished.attempts == 2)
            #expect(fixture.entities(on: platform, carrying: marker).count == 1)
            let campaigns = fixture.entities(on: platform, carrying: marker)
            #expect(finished.platformCampaignID == campaigns.first?.id)
            let log = try await fixture.store.executionLog(job: job.id)
            #expect(log.contains { $0.event == "recovered" && $0.message.contains(marker.value) })
        }
    }
}
