import AdPlatformKit
import Foundation
import GRDB
import Testing

@testable import Trafficking

/// The token expiry beside the sealed credentials, the accounts the refresh service finds, and the waiting of a
/// REQUIRES_REAUTH account's work until its credentials are updated.
@Suite("Token expiry in the store")
struct TokenExpiryStoreTests {
    static let lease: Duration = .seconds(60)

    @Test("credentials record their expiry: an instant, never without a refresh token, unknown with one")
    func recordsExpiry() async throws {
        let store = try StoreFixtures.store()
        let expires = StoreFixtures.epoch.addingTimeInterval(7_200)
        let cases: [(PlatformCredentials, TokenExpiry)] = [
            (PlatformCredentials(accessToken: "a", refreshToken: "r", expiresAt: expires), .at(expires)),
            (PlatformCredentials(accessToken: "a"), .never),
            (PlatformCredentials(accessToken: "a", refreshToken: "r"), .unknown),
        ]
        for (credentials, expiry) in cases {
            var new = StoreFixtures.newAccount(accountID: "act_\(UUID().uuidString.prefix(6))")
            new.credentials = credentials
            let account = try await store.createAccount(new)
            #expect(account.tokenExpiry == expiry)
            #expect(try await store.account(account.id)?.tokenExpiry == expiry)
            #expect(try await store.credentials(ofAccount: account.id)?.expiresAt == credentials.expiresAt)
        }
    }

    @Test("the refresh service finds ACTIVE accounts expiring before a deadline, soonest first")
    func expiringAccounts() async throws {
        let store = try StoreFixtures.store()
        var ids: [String: UUID] = [:]
        for (name, seconds, status) in [
            ("late", 7_200.0, AdAccountStatus.active), ("soon", 300, .active), ("sooner", 60, .active),
            ("broken", 30, .requiresReauth),
        ] {
            var new = StoreFixtures.newAccount(accountID: "act_\(name)", name: name)
            new.status = status
            new.credentials.expiresAt = StoreFixtures.epoch.addingTimeInterval(seconds)
            ids[name] = try await store.createAccount(new).id
        }
        _ = try await store.createAccount(StoreFixtures.newAccount(accountID: "act_unknown", name: "unknown"))
        let found = try await store.accountsWithTokensExpiring(
            before: StoreFixtures.epoch.addingTimeInterval(600), limit: 10)
        #expect(found.map(\.name) == ["sooner", "soon"])
        #expect(try await store.accountsWithTokensExpiring(before: .distantFuture, limit: 1).map(\.name) == ["sooner"])
    }

    @Test("a REQUIRES_REAUTH account's jobs are not claimed; new credentials reactivate it and release them")
    func waitingUntilReauthorised() async throws {
        let (store, account, jobs) = try await StoreFixtures.storeWithJobs(2)
        let later = StoreFixtures.epoch.addingTimeInterval(3_600)
        _ = try await store.updateAccount(account.id, AdAccountChanges(status: .requiresReauth))
        #expect(try await store.claimJobs(owner: "w", limit: 2, lease: Self.lease, now: later).isEmpty)
        // A status change alone does not reactivate it; new credentials without a status do, and wake workers.
        let generation = try #require(store.workSignal?.generation)
        _ = try await store.updateAccount(account.id, AdAccountChanges(name: "Renamed"))
        #expect(try await store.account(account.id)?.status == .requiresReauth)
        let renewed = try await store.updateAccount(
            account.id, AdAccountChanges(credentials: PlatformCredentials(accessToken: "fresh")))
        #expect(renewed?.status == .active)
        #expect(store.workSignal?.generation != generation)
        let claimed = try await store.claimJobs(owner: "w", limit: 2, lease: Self.lease, now: later)
        #expect(Set(claimed.map(\.id)) == Set(jobs.map(\.id)))
        // Credentials given with an explicit status keep that status.
        let held = try await store.updateAccount(
            account.id, AdAccountChanges(status: .inactive, credentials: PlatformCredentials(accessToken: "x")))
        #expect(held?.status == .inactive)
    }

    @Test("a database from before v7 gains the columns; its accounts' expiry is unknown until next written")
    func migration() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("adops-v5-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let cipher = try StoreFixtures.cipher()
        let store = try SQLiteTraffickingStore.open(
            path: path, cipher: cipher, clock: .starting(at: StoreFixtures.epoch))
        let account = try await store.createAccount(StoreFixtures.newAccount())
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: "ALTER TABLE ad_accounts DROP COLUMN token_expires_at")
            try db.execute(sql: "ALTER TABLE ad_accounts DROP COLUMN token_never_expires")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v7-token-expiry'")
        }
        try queue.close()

        let upgraded = try SQLiteTraffickingStore.open(
            path: path, cipher: cipher, clock: .starting(at: StoreFixtures.epoch))
        #expect(try await upgraded.account(account.id)?.tokenExpiry == .unknown)
        #expect(try await upgraded.credentials(ofAccount: account.id) == StoreFixtures.credentials)
    }
}
