import AdPlatformKit
import AdPlatformTesting
import Foundation
import Logging
import MockPlatforms
import Synchronization
import Testing
import Trafficking

/// The token lifecycle on a manual clock: tokens refreshed before they expire, by the worker before a call and by
/// the refresh service ahead of time; a revoked refresh token parks the account's work until its credentials are
/// updated.
@Suite("Token lifecycle")
struct TokenLifecycleTests {
    /// Snapchat credentials whose access token the emulator answers as expired (it starts `expired`), with a
    /// refresh token, expiring in five minutes: inside the ten-minute margin.
    static func expiring(at now: Date, refreshToken: String = "snap-refresh-token") -> PlatformCredentials {
        PlatformCredentials(
            accessToken: "expired-soon-access-token", refreshToken: refreshToken, clientID: "snap-client",
            clientSecret: "snap-secret", expiresAt: now.addingTimeInterval(300))
    }

    @Test("a token expiring within the margin is refreshed before the first call: the platform never sees it")
    func refreshesBeforeUse() async throws {
        let clock = ManualWallClock.fromEnvironment(frozen: true)
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let snapchat = try #require(fixture.accounts[.snapchat])
            _ = try await fixture.store.updateAccount(
                snapchat.id, AdAccountChanges(credentials: Self.expiring(at: clock.now)))
            let jobs = try await fixture.engine.submit(
                try EngineFixture.disneyRequest(mock: mock), accounts: [snapchat.id])
            let finished = try await fixture.runUntilOver(jobs)
            #expect(finished.map(\.status) == [.success], "\(finished.map(\.error))")

            // A call with the expired token would have been answered 401; none was, and the refresh came first.
            let journal = mock.mock.journal
            #expect(journal.query(platform: "snapchat", status: "4xx").isEmpty)
            let refreshes = journal.query(platform: "snapchat", path: "/login/oauth2/access_token")
            #expect(refreshes.count == 1)
            let firstCall = try #require(journal.query(platform: "snapchat", path: "/v1/").first)
            #expect(try #require(refreshes.first).sequence < firstCall.sequence)

            let stored = try #require(try await fixture.store.credentials(ofAccount: snapchat.id))
            #expect(stored.accessToken != "expired-soon-access-token")
            #expect(stored.expiresAt == clock.now.addingTimeInterval(1_800))
            #expect(
                try await fixture.store.account(snapchat.id)?.tokenExpiry == .at(clock.now.addingTimeInterval(1_800)))
            let log = try await fixture.store.executionLog(job: jobs[0].id)
            #expect(log.contains { $0.event == "credentials" && $0.message.contains("before the call") })
        }
    }

    @Test("the refresh service renews tokens expiring within the margin, and only those, on the manual clock")
    func serviceRefreshesAhead() async throws {
        let clock = ManualWallClock.fromEnvironment(frozen: true)
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let snapchat = try #require(fixture.accounts[.snapchat])
            var credentials = Self.expiring(at: clock.now)
            credentials.expiresAt = clock.now.addingTimeInterval(3_600)
            _ = try await fixture.store.updateAccount(snapchat.id, AdAccountChanges(credentials: credentials))
            let tokens = TokenRefresher(
                store: fixture.store, registry: fixture.registry,
                configuration: WorkerConfiguration(tokenRefreshMargin: .seconds(600), rateBudget: .unlimited))
            let service = TokenRefreshService(
                tokens: tokens, logger: Logger(label: "test.tokens") { _ in SwiftLogNoOpLogHandler() })

            // An hour left: nothing to do.
            #expect(try await service.runPass() == TokenRefreshService.Pass())
            // Fifty-five minutes later, five are left: it is refreshed, before any job needs it.
            clock.advance(by: 3_300)
            let pass = try await service.runPass()
            #expect(pass.refreshed == [snapchat.id])
            let stored = try #require(try await fixture.store.credentials(ofAccount: snapchat.id))
            #expect(stored.expiresAt == clock.now.addingTimeInterval(1_800))
            #expect(try await service.runPass() == TokenRefreshService.Pass())
            #expect(mock.mock.journal.query(path: "/login/oauth2/access_token").count == 1)

            // As a Service it runs a pass, then sleeps through the injected sleep, until cancelled.
            clock.advance(by: 1_500)
            let sleeps = Counter()
            let looping = TokenRefreshService(
                tokens: tokens, interval: .seconds(60),
                sleep: { duration in
                    #expect(duration == .seconds(60))
                    if sleeps.increment() >= 2 { throw CancellationError() }
                }, logger: Logger(label: "test.tokens") { _ in SwiftLogNoOpLogHandler() })
            try await looping.run()
            #expect(sleeps.count == 2)
            #expect(mock.mock.journal.query(path: "/login/oauth2/access_token").count == 2)
        }
    }

    @Test("a revoked refresh token makes the account REQUIRES_REAUTH; its job and action wait, then resume")
    func revokedRefreshTokenWaitsForReauthorisation() async throws {
        let clock = ManualWallClock.fromEnvironment(frozen: true)
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let snapchat = try #require(fixture.accounts[.snapchat])
            let campaign = try await LifecycleActionTests.launch(.snapchat, in: fixture)

            // The token expires in five minutes, and the person behind the account revoked the app's grant.
            _ = try await fixture.store.updateAccount(
                snapchat.id, AdAccountChanges(credentials: Self.expiring(at: clock.now, refreshToken: "revoked-grant")))
            let revoke = try await AsyncHTTPClientTransport().send(
                PlatformHTTPRequest(
                    method: .post, url: mock.baseURL.appendingPathComponent("_mock/oauth/revoke"),
                    headers: ["Content-Type": "application/json"], body: Data(#"{"token":"revoked-grant"}"#.utf8)))
            #expect(revoke.status == 200)

            let action = try await LifecycleActionTests.request(.activate, on: campaign, in: fixture)
            let jobs = try await fixture.engine.submit(
                try EngineFixture.disneyRequest(mock: mock), accounts: [snapchat.id])
            let store = fixture.store
            try await fixture.run {
                try await store.action(action.id)?.error?.code == JobError.accountRequiresReauthCode
            }
            #expect(try await store.account(snapchat.id)?.status == .requiresReauth)
            // Waiting is not a loop: more polls claim nothing and spend no more refreshes.
            let polls = Counter()
            try await fixture.run { polls.increment() > 10 }
            let waiting = try #require(try await store.action(action.id))
            #expect(waiting.status == .pending)
            #expect(waiting.error?.message.contains("requires re-authorisation") == true)
            #expect(waiting.error?.message.contains("adops accounts update") == true)
            #expect(waiting.attempts == 1)
            let job = try #require(try await store.job(jobs[0].id))
            // Claimed at most once, by a worker that found the account broken meanwhile.
            #expect(job.status == .pending && job.attempts <= 1)
            #expect(mock.mock.journal.query(path: "/login/oauth2/access_token").count == 1)
            #expect(mock.mock.journal.query(path: "/login/oauth2/access_token", status: "400").count == 1)
            #expect(mock.mock.journal.query(platform: "snapchat", status: "401").isEmpty)

            // Re-authorisation: new credentials make the account ACTIVE and release both.
            var renewed = Self.expiring(at: clock.now, refreshToken: "granted-again")
            renewed.accessToken = "fresh-access-token"
            renewed.expiresAt = clock.now.addingTimeInterval(1_800)
            let updated = try await store.updateAccount(snapchat.id, AdAccountChanges(credentials: renewed))
            #expect(updated?.status == .active)
            try await fixture.run {
                guard let action = try await store.action(action.id), let job = try await store.job(jobs[0].id)
                else { return true }
                return action.status.isTerminal && job.status.isTerminal
            }
            #expect(try await store.action(action.id)?.status == .done)
            #expect(try await store.job(jobs[0].id)?.status == .success)
        }
    }
}

/// Counts a service's sleeps or a worker's idle checks in a test.
final class Counter: Sendable {
    private let value = Mutex(0)
    /// Adds one; returns the new count.
    func increment() -> Int {
        value.withLock {
            $0 += 1; return $0
        }
    }
    /// The count.
    var count: Int { value.withLock { $0 } }
}
