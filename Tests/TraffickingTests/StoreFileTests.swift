import AdPlatformKit
import Foundation
import GRDB
import Testing

@testable import Trafficking

@Suite("SQLite store: database file")
struct StoreFileTests {
    @Test("a file store runs in WAL mode with synchronous NORMAL, foreign keys and a busy timeout")
    func walMode() async throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Parent directories are created.
        let path = directory.appendingPathComponent("nested/deeper/adops.sqlite").path
        let store = try SQLiteTraffickingStore.open(
            path: path, cipher: StoreFixtures.cipher(), clock: .starting(at: StoreFixtures.epoch))
        let (journal, synchronous, foreignKeys, busyTimeout) = try await store.writer.write { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
                try Int.fetchOne(db, sql: "PRAGMA busy_timeout")
            )
        }
        #expect(journal == "wal")
        #expect(synchronous == 1)  // NORMAL
        #expect(foreignKeys == 1)
        #expect(busyTimeout == 5000)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("reopening a file store with the same key keeps accounts, credentials, jobs and the ledger")
    func reopenKeepsData() async throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("adops.sqlite").path
        let key = CredentialCipher.generateKey()
        let request = try StoreFixtures.request()

        var account: AdAccount?
        var job: CampaignJob?
        do {
            let store = try SQLiteTraffickingStore.open(
                path: path, cipher: CredentialCipher(key: key), clock: .starting(at: StoreFixtures.epoch))
            let created = try await store.createAccount(StoreFixtures.newAccount())
            let enqueued = try await store.enqueue([
                NewCampaignJob(
                    id: StoreFixtures.jobID(), accountID: created.id, platform: .meta, request: request, batchID: UUID()
                )
            ])
            try await store.startStep(
                job: enqueued[0].id, key: "campaign", kind: .campaign, marker: nil, calls: [], at: StoreFixtures.epoch)
            account = created
            job = try await store.job(enqueued[0].id)
        }

        let reopened = try SQLiteTraffickingStore.open(
            path: path, cipher: CredentialCipher(key: key), clock: .starting(at: StoreFixtures.epoch))
        let accountID = try #require(account?.id)
        let jobID = try #require(job?.id)
        #expect(try await reopened.account(accountID) == account)
        #expect(try await reopened.credentials(ofAccount: accountID) == StoreFixtures.credentials)
        #expect(try await reopened.job(jobID) == job)
        #expect(try await reopened.job(jobID)?.request == request)
        #expect(try await reopened.ledger(job: jobID).map(\.key) == ["campaign"])
        #expect(reopened.transactionCount == 0)
    }

    @Test("two stores on one file, claiming concurrently, never get the same job")
    func concurrentClaimsNeverOverlap() async throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("adops.sqlite").path
        let key = CredentialCipher.generateKey()
        // Two pools on one file behave like two processes: separate connections, coordinated only by SQLite.
        let first = try SQLiteTraffickingStore.open(
            path: path, cipher: CredentialCipher(key: key), clock: .starting(at: StoreFixtures.epoch))
        let second = try SQLiteTraffickingStore.open(
            path: path, cipher: CredentialCipher(key: key), clock: .starting(at: StoreFixtures.epoch))
        let account = try await first.createAccount(StoreFixtures.newAccount())
        let request = try StoreFixtures.request()
        let batch = UUID()
        let jobCount = 60
        let enqueued = try await first.enqueue(
            (0..<jobCount).map { _ in
                NewCampaignJob(
                    id: StoreFixtures.jobID(), accountID: account.id, platform: .meta, request: request, batchID: batch)
            })

        let now = first.clock.now
        let claims = try await withThrowingTaskGroup(of: [UUID].self) { group in
            for (index, store) in [first, second, first, second].enumerated() {
                group.addTask {
                    var mine: [UUID] = []
                    while true {
                        let claimed = try await store.claimJobs(
                            owner: "worker-\(index)", limit: 3, lease: .seconds(300), now: now)
                        if claimed.isEmpty { return mine }
                        mine += claimed.map(\.id)
                    }
                }
            }
            var all: [[UUID]] = []
            for try await claimed in group { all.append(claimed) }
            return all
        }
        let claimed = claims.flatMap { $0 }
        #expect(claimed.count == jobCount)
        #expect(Set(claimed).count == jobCount)
        #expect(Set(claimed) == Set(enqueued.map(\.id)))
        // Every job was claimed once.
        let attempts = try await first.jobs(batch: batch).map(\.attempts)
        #expect(attempts.allSatisfy { $0 == 1 })
    }
}
