import AdPlatformKit
import AdPlatformTesting
import Foundation
import MetaAds
import MockPlatforms
import SnapchatAds
import Synchronization
import Testing
import Trafficking

/// Rate discipline against the emulators: with a request budget set on the emulator, whose usage headers rise with
/// every call, a metrics sync never sees a signal at 75% or more, waits out the resets instead, and completes.
@Suite("Usage discipline end to end")
struct UsageDisciplineTests {
    @Test(
        "a sync against an emulator with a tight budget stays under 75% of every usage signal and succeeds",
        arguments: [PlatformID.meta, .snapchat])
    func syncStaysUnderThreshold(platform: PlatformID) async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            _ = try #require(try await MetricsSyncTests.delivering(platform, in: fixture, clock: clock).first)
            // Four calls per half second: each call adds 25% to every signal the emulator sends.
            mock.mock.rateLimits.set(RateLimitBudget(platform: platform.rawValue, limit: 4, windowSeconds: 0.5))

            let observer = UsageObserver(
                base: fixture.registry.transport, platform: try fixture.registry.registered(platform))
            let meta = try MetaAdsConfiguration(baseURL: mock.baseURL)
            let baseURL = mock.baseURL
            let registry = PlatformRegistry(
                transport: observer,
                [
                    RegisteredPlatform { MetaAdsPlatform(transport: $0, configuration: meta) },
                    RegisteredPlatform {
                        SnapchatAdsPlatform(transport: $0, configuration: SnapchatAdsConfiguration(baseURL: baseURL))
                    },
                ])
            // Real sleeps, short: the emulator's windows run on real time.
            let syncer = MetricsSyncer(
                store: fixture.store, registry: registry,
                configuration: WorkerConfiguration(
                    retry: RetryPolicy(maximumAttempts: 3, baseDelay: .milliseconds(1), maximumDelay: .milliseconds(5)),
                    rateBudget: .unlimited, usage: UsageThrottle(threshold: 75, unknownResetWait: .milliseconds(500)),
                    sleep: { try await Task.sleep(for: $0) }))
            let account = try #require(fixture.accounts[platform])
            let run = try await syncer.sync(account: account.id, kind: .incremental)

            #expect(run.status == .succeeded, "\(run.errors)")
            let seen = observer.summary
            #expect(seen.readings > 4, "more calls than one window's budget, so the sync had to wait for resets")
            #expect(seen.highest < 75, "highest usage seen: \(seen.highest)%")
            #expect(seen.failures == 0, "no call ran into the limit")
        }
    }
}

/// A transport that notes, for each answer, the highest usage signal its platform reports and whether it failed.
final class UsageObserver: HTTPTransport {
    private let base: any HTTPTransport
    private let platform: RegisteredPlatform
    private let seen = Mutex((readings: 0, highest: 0.0, failures: 0))

    init(base: any HTTPTransport, platform: RegisteredPlatform) {
        self.base = base
        self.platform = platform
    }

    /// Answers with usage readings, the highest reading, and answers that were not 2xx.
    var summary: (readings: Int, highest: Double, failures: Int) { seen.withLock { $0 } }

    func send(_ request: PlatformHTTPRequest) async throws -> PlatformHTTPResponse {
        let response = try await base.send(request)
        let signals = platform.usageSignals(in: response, at: Date(timeIntervalSince1970: 0))
        seen.withLock { seen in
            if !signals.isEmpty { seen.readings += 1 }
            seen.highest = max(seen.highest, signals.map(\.percent).max() ?? 0)
            if !response.isSuccess { seen.failures += 1 }
        }
        return response
    }
}
