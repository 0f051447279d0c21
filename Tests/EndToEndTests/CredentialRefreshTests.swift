import AdPlatformKit
import Foundation
import MockPlatforms
import Testing
import Trafficking

/// Snapchat and Google access tokens expire within the hour; the worker refreshes them instead of giving up.
@Suite("Credential refresh")
struct CredentialRefreshTests {
    static let refreshable = PlatformCredentials(
        accessToken: "expired-access-token", refreshToken: "e2e-refresh-token", developerToken: "e2e-dev-token",
        clientID: "e2e-client", clientSecret: "e2e-client-secret")

    @Test("an expired token is refreshed at the token endpoint, stored, and the step runs again: SUCCESS")
    func refreshesAndRetries() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let snapchat = try #require(fixture.accounts[.snapchat])
            let google = try #require(fixture.accounts[.google])
            for account in [snapchat, google] {
                _ = try await fixture.store.updateAccount(account.id, AdAccountChanges(credentials: Self.refreshable))
            }
            _ = mock.mock.faults.add(
                FaultRule(
                    platform: "snapchat", method: "POST", path: "/v1/adaccounts/*/campaigns", kind: .platformError,
                    code: "E1002", message: "Access token expired", remaining: 1))
            _ = mock.mock.faults.add(
                FaultRule(
                    platform: "google", method: "POST", path: "/v*/customers/1234567890/googleAds:mutate",
                    kind: .platformError, code: "authenticationError.OAUTH_TOKEN_EXPIRED", remaining: 1))
            let jobs = try await fixture.engine.submit(
                try EngineFixture.disneyRequest(mock: mock), accounts: [snapchat.id, google.id])
            let finished = try await fixture.runUntilOver(jobs)
            #expect(finished.map(\.status) == [.success, .success], "\(finished.map(\.error))")

            for (account, platform, tokenPath) in [
                (snapchat, "snapchat", "/login/oauth2/access_token"), (google, "google", "/token"),
            ] {
                let stored = try #require(try await fixture.store.credentials(ofAccount: account.id))
                #expect(stored.accessToken != Self.refreshable.accessToken)
                #expect(!stored.accessToken.isEmpty)
                #expect(stored.refreshToken == Self.refreshable.refreshToken)
                #expect(stored.clientSecret == Self.refreshable.clientSecret)
                #expect(try await fixture.store.account(account.id)?.status == .active)
                #expect(mock.mock.journal.query(platform: platform, method: "POST", path: tokenPath).count == 1)
            }
            for job in finished {
                let log = try await fixture.store.executionLog(job: job.id)
                #expect(log.contains { $0.event == "credentials" && $0.message.contains("refreshed") })
                // The refresh call is recorded like any other, and no token reaches the record.
                let calls = try await fixture.store.apiCalls(job: job.id)
                let tokenCall = try #require(calls.first { $0.path.hasSuffix("token") })
                #expect(tokenCall.status == 200)
                let stored = try #require(try await fixture.store.credentials(ofAccount: job.accountID))
                for call in calls {
                    for secret in [stored.accessToken, Self.refreshable.refreshToken ?? "", "e2e-client-secret"] {
                        #expect(!call.requestSummary.contains(secret) && !call.responseSummary.contains(secret))
                    }
                }
            }
        }
    }

    @Test("a token another job refreshed meanwhile is used as it is, without spending the refresh token again")
    func usesTokenRefreshedElsewhere() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let snapchat = try #require(fixture.accounts[.snapchat])
            _ = try await fixture.store.updateAccount(snapchat.id, AdAccountChanges(credentials: Self.refreshable))
            // The campaign create is held for a second, then refused as expired: long enough to store another
            // job's refreshed token once this job has read its credentials (its campaign step is started).
            // Latency comes from a latency rule (a latency on a rule of another kind is ignored), so the two fire on
            // the same request: held, then refused.
            _ = mock.mock.faults.add(
                FaultRule(
                    platform: "snapchat", method: "POST", path: "/v1/adaccounts/*/campaigns", kind: .latency,
                    latencyMilliseconds: 1_000, remaining: 1))
            _ = mock.mock.faults.add(
                FaultRule(
                    platform: "snapchat", method: "POST", path: "/v1/adaccounts/*/campaigns", kind: .platformError,
                    code: "E1002", message: "Access token expired", remaining: 1))
            let jobs = try await fixture.engine.submit(
                try EngineFixture.disneyRequest(mock: mock), accounts: [snapchat.id])
            var rotated = Self.refreshable
            rotated.accessToken = "refreshed-by-another-job"
            let store = fixture.store
            let (job, account) = (jobs[0].id, snapchat.id)
            let rotate = Task {
                let deadline = ContinuousClock.now + .seconds(10)
                while try await store.ledger(job: job).isEmpty, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(10))
                }
                _ = try await store.updateAccount(account, AdAccountChanges(credentials: rotated))
            }
            let finished = try await fixture.runUntilOver(jobs)
            try await rotate.value
            #expect(finished.map(\.status) == [.success], "\(finished.map(\.error))")
            #expect(mock.mock.journal.query(platform: "snapchat", path: "/login/oauth2/access_token").isEmpty)
            #expect(try await store.credentials(ofAccount: snapchat.id)?.accessToken == "refreshed-by-another-job")
            let log = try await store.executionLog(job: jobs[0].id)
            #expect(log.contains { $0.event == "credentials" && $0.message.contains("another job") })
        }
    }

    /// Runs a worker until the job waits for its account's re-authorisation, and returns it.
    static func runUntilWaiting(_ job: CampaignJob, in fixture: EngineFixture) async throws -> CampaignJob {
        let store = fixture.store
        try await fixture.run {
            try await store.job(job.id)?.error?.code == JobError.accountRequiresReauthCode
        }
        return try #require(try await store.job(job.id))
    }

    @Test("without a refresh token the account goes REQUIRES_REAUTH and the job waits, naming the missing field")
    func cannotRefresh() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let snapchat = try #require(fixture.accounts[.snapchat])
            _ = mock.mock.faults.add(
                FaultRule(
                    platform: "snapchat", method: "POST", path: "/v1/adaccounts/*/campaigns", kind: .platformError,
                    code: "E1002", message: "Access token expired", remaining: 1))
            let jobs = try await fixture.engine.submit(
                try EngineFixture.disneyRequest(mock: mock), accounts: [snapchat.id])
            let job = try await Self.runUntilWaiting(jobs[0], in: fixture)
            #expect(job.status == .pending)
            #expect(job.error?.message.contains("no refreshToken") == true)
            #expect(job.error?.message.contains("adops accounts update") == true)
            #expect(job.error?.fieldPath == "credentials.refreshToken")
            #expect(try await fixture.store.account(snapchat.id)?.status == .requiresReauth)
            #expect(mock.mock.journal.query(path: "/login/oauth2/access_token").isEmpty)
        }
    }

    @Test("a refresh the token endpoint refuses marks the account REQUIRES_REAUTH; the call is not retried")
    func refusedRefresh() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let google = try #require(fixture.accounts[.google])
            var revoked = Self.refreshable
            revoked.refreshToken = "revoked-refresh-token"  // the emulator answers invalid_grant to these
            _ = try await fixture.store.updateAccount(google.id, AdAccountChanges(credentials: revoked))
            _ = mock.mock.faults.add(
                FaultRule(
                    platform: "google", method: "POST", path: "/v*/customers/1234567890/googleAds:mutate",
                    kind: .platformError, code: "authenticationError.OAUTH_TOKEN_EXPIRED"))
            let jobs = try await fixture.engine.submit(
                try EngineFixture.disneyRequest(mock: mock), accounts: [google.id])
            let job = try await Self.runUntilWaiting(jobs[0], in: fixture)
            #expect(job.status == .pending)
            #expect(job.error?.message.contains("invalid_grant") == true)
            #expect(try await fixture.store.account(google.id)?.status == .requiresReauth)
            #expect(mock.mock.journal.query(platform: "google", method: "POST", path: "/token").count == 1)
            let mutates = mock.mock.journal.query(platform: "google", path: "googleAds:mutate")
            #expect(mutates.count == 1)
        }
    }
}
