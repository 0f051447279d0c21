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
        // Frozen: only the test moves time, so a slow machine cannot let the dead worker's lease run out early.
        let clock = ManualWallClock.fromEnvironment(frozen: true)
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

    @Test("lease takeovers do not use up the job's attempts: a job taken over six times still ends SUCCESS")
    func takeoversDoNotExhaustAttempts() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let account = try #require(fixture.accounts[.snapchat])
            let jobs = try await fixture.engine.submit(
                try EngineFixture.disneyRequest(mock: mock), accounts: [account.id])
            let job = try #require(jobs.first)
            // Six workers each claim the job and die at once; each lease lapses before the next claim. The claims
            // are dated in the past, so the last lease has run out by the time the real worker looks.
            let lease: Duration = .seconds(1)
            let firstClaim = fixture.store.clock.now.addingTimeInterval(-120)
            for crash in 0..<6 {
                let claimed = try await fixture.store.claimJobs(
                    owner: "dead-worker-\(crash)", limit: 1, lease: lease,
                    now: firstClaim.addingTimeInterval(2 * Double(crash)))
                #expect(claimed.map(\.id) == [job.id])
            }
            let finished = try #require(try await fixture.runUntilOver([job]).first)
            #expect(finished.status == .success, "\(finished.error?.description ?? "")")
            #expect(finished.attempts == 7)
            #expect(finished.takeovers == 6)
        }
    }

    @Test("a job taken over more often than the limit ends PARTIAL_SUCCESS listing what exists, and a retry resumes it")
    func takeoverLimit() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let account = try #require(fixture.accounts[.snapchat])
            let jobs = try await fixture.engine.submit(
                try EngineFixture.disneyRequest(mock: mock), accounts: [account.id])
            let job = try #require(jobs.first)
            // Every ad squad create fails, and the worker dies in the backoff after it: the campaign exists.
            _ = mock.mock.faults.add(
                FaultRule(
                    platform: "snapchat", method: "POST", path: "/v1/campaigns/*/adsquads", kind: .status, status: 503))
            let lease: Duration = .milliseconds(200)
            for owner in ["worker-a", "worker-b"] {
                let dying = fixture.worker(owner: owner, lease: lease, sleep: { _ in throw SimulatedCrash() })
                await #expect(throws: SimulatedCrash.self) { try await dying.runNext() }
                try await Task.sleep(for: lease * 2)
            }
            let strict = fixture.worker(owner: "worker-c", maximumTakeovers: 1)
            let abandoned = try #require(try await fixture.runUntilOver([job], worker: strict).first)
            #expect(abandoned.status == .partialSuccess)
            #expect(abandoned.error?.code == "abandoned")
            #expect(abandoned.takeovers == 2)
            let detail = try #require(try await fixture.engine.detail(of: job.id))
            #expect(detail.externalIDs["campaign"] == [try #require(abandoned.platformCampaignID)])

            mock.mock.faults.removeAll()
            _ = try await fixture.store.retry(job: job.id)
            let resumed = try #require(try await fixture.runUntilOver([job]).first)
            #expect(resumed.status == .success, "\(resumed.error?.description ?? "")")
            let marker = IdempotencyMarker(scope: job.id.uuidString.lowercased(), step: TraffickingPlan.campaignStep)
            #expect(fixture.entities(on: .snapchat, carrying: marker).map(\.id) == [resumed.platformCampaignID])
        }
    }
}
