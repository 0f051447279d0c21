import AdPlatformKit
import Foundation
import GRDB
import Testing

@testable import Trafficking

@Suite("SQLite store: ad accounts")
struct StoreAccountTests {
    @Test("a created account reads back field for field, without its credentials")
    func createAndRead() async throws {
        let store = try StoreFixtures.store()
        let created = try await store.createAccount(StoreFixtures.newAccount())
        #expect(created.platform == .meta)
        #expect(created.platformAccountID == "act_1001")
        #expect(created.name == "Disney+ US — Meta")
        #expect(created.currency == .usd)
        #expect(created.status == .active)
        #expect(created.ownerTeam == "growth")
        #expect(created.settings == ["page_id": "1234567890"])
        #expect(created.createdAt == created.updatedAt)
        #expect(created.deletedAt == nil)
        #expect(try await store.account(created.id) == created)
        #expect(try await store.account(UUID()) == nil)
    }

    @Test("credentials decrypt to what was registered")
    func credentialsRoundTrip() async throws {
        let store = try StoreFixtures.store()
        let account = try await store.createAccount(StoreFixtures.newAccount())
        #expect(try await store.credentials(ofAccount: account.id) == StoreFixtures.credentials)
        #expect(try await store.credentials(ofAccount: UUID()) == nil)
    }

    @Test("credentials are never stored in plain text")
    func credentialsEncryptedAtRest() async throws {
        let store = try StoreFixtures.store()
        let account = try await store.createAccount(StoreFixtures.newAccount())
        let raw = try await store.writer.read { db in
            try Data.fetchOne(
                db, sql: "SELECT credentials FROM ad_accounts WHERE id = ?", arguments: [account.id.databaseKey])
        }
        let sealed = try #require(raw)
        let asText = String(decoding: sealed, as: UTF8.self)
        #expect(!asText.contains(StoreFixtures.accessToken))
        #expect(!asText.contains("refresh-secret-7"))
        #expect(!asText.contains("accessToken"))
        // Nothing else in the row holds it either.
        let columns = try await store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM ad_accounts WHERE id = ?", arguments: [account.id.databaseKey])?
                .databaseValues.map(\.description) ?? []
        }
        #expect(columns.count == 14)
        #expect(columns.allSatisfy { !$0.contains(StoreFixtures.accessToken) })
    }

    @Test("credentials sealed with another key are reported corrupt, naming the key mismatch")
    func credentialsWithAnotherKey() async throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("store.sqlite").path
        let id = try await SQLiteTraffickingStore.open(
            path: path, cipher: StoreFixtures.cipher(), clock: .starting(at: StoreFixtures.epoch)
        )
        .createAccount(StoreFixtures.newAccount()).id
        let other = try SQLiteTraffickingStore.open(
            path: path, cipher: StoreFixtures.cipher(), clock: .starting(at: StoreFixtures.epoch))
        await #expect {
            _ = try await other.credentials(ofAccount: id)
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .corrupt && error.message.contains("does not match")
                && !error.message.contains(StoreFixtures.accessToken)
        }
        // The account itself is still readable, and so is a run's context: only asking for the credentials fails,
        // so a worker can first refuse an account it would not use anyway.
        #expect(try await other.account(id)?.name == "Disney+ US — Meta")
        let context = try await other.runContext(job: UUID(), account: id)
        #expect(context.account?.id == id)
        #expect(throws: StoreError.self) { _ = try context.credentials() }
    }

    @Test("accounts page oldest first with a total, filter by platform and skip deleted ones")
    func paging() async throws {
        let store = try StoreFixtures.store()
        var created: [AdAccount] = []
        for index in 0..<5 {
            let platform: PlatformID = index.isMultiple(of: 2) ? .meta : .tiktok
            created.append(
                try await store.createAccount(StoreFixtures.newAccount(platform: platform, name: "A\(index)")))
        }
        #expect(try await store.deleteAccount(created[4].id))

        let first = try await store.accounts(platform: nil, page: PageRequest(limit: 2, offset: 0))
        #expect(first.items.map(\.name) == ["A0", "A1"])
        #expect(first.total == 4)
        #expect(first.nextOffset == 2)
        let last = try await store.accounts(platform: nil, page: PageRequest(limit: 2, offset: 2))
        #expect(last.items.map(\.name) == ["A2", "A3"])
        #expect(last.nextOffset == nil)

        let meta = try await store.accounts(platform: .meta, page: PageRequest())
        #expect(meta.items.map(\.name) == ["A0", "A2"])
        #expect(meta.total == 2)
    }

    @Test("updates change only the given fields, re-encrypt new credentials and move updated_at")
    func update() async throws {
        let store = try StoreFixtures.store()
        let account = try await store.createAccount(StoreFixtures.newAccount())
        let renewed = PlatformCredentials(accessToken: "new-token")
        let updated = try #require(
            try await store.updateAccount(
                account.id,
                AdAccountChanges(
                    name: "Renamed", status: .requiresReauth, settings: ["page_id": "9"], credentials: renewed)
            ))
        #expect(updated.name == "Renamed")
        #expect(updated.status == .requiresReauth)
        #expect(updated.settings == ["page_id": "9"])
        #expect(updated.platformAccountID == account.platformAccountID)
        #expect(updated.currency == account.currency)
        #expect(updated.ownerTeam == "growth")
        #expect(updated.createdAt == account.createdAt)
        #expect(updated.updatedAt > account.updatedAt)
        #expect(try await store.account(account.id) == updated)
        #expect(try await store.credentials(ofAccount: account.id) == renewed)
        #expect(try await store.updateAccount(UUID(), AdAccountChanges(name: "x")) == nil)
    }

    @Test("a soft-deleted account keeps its row but is invisible to reads, updates and credentials")
    func softDelete() async throws {
        let store = try StoreFixtures.store()
        let account = try await store.createAccount(StoreFixtures.newAccount())
        #expect(try await store.deleteAccount(account.id))
        #expect(try await store.deleteAccount(account.id) == false)
        #expect(try await store.deleteAccount(UUID()) == false)

        #expect(try await store.account(account.id) == nil)
        #expect(try await store.accounts(platform: nil, page: PageRequest()).total == 0)
        #expect(try await store.updateAccount(account.id, AdAccountChanges(name: "back")) == nil)
        #expect(try await store.credentials(ofAccount: account.id) == nil)

        let deletedAt = try await store.writer.read { db in
            try Date.fetchOne(
                db, sql: "SELECT deleted_at FROM ad_accounts WHERE id = ?", arguments: [account.id.databaseKey])
        }
        #expect(deletedAt != nil)
    }

    @Test("a row with an unknown status or bad settings JSON throws corrupt naming the row and column")
    func corruptRows() async throws {
        let store = try StoreFixtures.store()
        let account = try await store.createAccount(StoreFixtures.newAccount())
        let key = account.id.databaseKey
        try await store.writer.write { db in
            // The CHECK constraint guards status, so bypass it the way a damaged file or a manual edit would.
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE ad_accounts SET status = 'ZOMBIE' WHERE id = ?", arguments: [key])
        }
        await #expect {
            _ = try await store.account(account.id)
        } throws: { error in
            let error = error as? StoreError
            return error?.code == .corrupt && error?.message.contains("ad_accounts row \(key)") == true
                && error?.message.contains("column status") == true
        }

        try await store.writer.write { db in
            try db.execute(
                sql: "UPDATE ad_accounts SET status = 'ACTIVE', settings_json = '{not json' WHERE id = ?",
                arguments: [key])
        }
        await #expect {
            _ = try await store.accounts(platform: nil, page: PageRequest())
        } throws: { error in
            let error = error as? StoreError
            return error?.code == .corrupt && error?.message.contains("column settings_json") == true
        }
    }
}
