import AdPlatformKit
import Foundation
import GRDB
import Testing

@testable import Trafficking

@Suite("SQLite store: logs and media")
struct StoreLogAndMediaTests {
    @Test("execution-log entries read back per job, oldest first, same instants in append order")
    func executionLog() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(2)
        let t0 = StoreFixtures.epoch
        let entries = [
            ExecutionLogEntry(
                jobID: jobs[0].id, at: t0.addingTimeInterval(2), level: .warning, event: "retry", message: "b"),
            ExecutionLogEntry(jobID: jobs[0].id, at: t0, level: .info, event: "claimed", message: "a1"),
            ExecutionLogEntry(jobID: jobs[0].id, at: t0, level: .error, event: "step.failed", message: "a2"),
            ExecutionLogEntry(jobID: jobs[1].id, at: t0, event: "claimed", message: "other job"),
        ]
        try await store.appendLog(entries)
        #expect(try await store.executionLog(job: jobs[0].id) == [entries[1], entries[2], entries[0]])
        #expect(try await store.executionLog(job: jobs[1].id) == [entries[3]])
        #expect(try await store.executionLog(job: UUID()).isEmpty)
    }

    @Test("log entries for an unknown job are refused as not found")
    func logUnknownJob() async throws {
        let store = try StoreFixtures.store()
        await #expect {
            try await store.appendLog([
                ExecutionLogEntry(jobID: UUID(), at: StoreFixtures.epoch, event: "x", message: "y")
            ])
        } throws: { ($0 as? StoreError)?.code == .notFound }
    }

    @Test("API calls read back per job, oldest first, with every field; calls without a job are kept too")
    func apiCalls() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(1)
        let later = StoreFixtures.call(job: jobs[0].id, path: "/b", at: StoreFixtures.epoch.addingTimeInterval(1))
        var failed = StoreFixtures.call(job: jobs[0].id, path: "/a", at: StoreFixtures.epoch)
        failed.status = nil
        failed.platform = nil
        failed.responseSummary = "connection reset"
        let unrelated = StoreFixtures.call(job: nil, path: "/oauth/token")
        try await store.recordAPICalls([later, failed, unrelated])
        #expect(try await store.apiCalls(job: jobs[0].id) == [failed, later])
        let total = try await store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM api_calls") }
        #expect(total == 3)
    }

    @Test("media is stored once per content under its SHA-256 and reads back by digest")
    func media() async throws {
        let store = try StoreFixtures.store()
        let bytes = Data("fake png bytes".utf8)
        let expected = "86610c40efe63f0a46c58c4b605c164b4ffa3a3ad3f1dcf13e6ba4c59cb3ce16"  // sha256sum of the bytes

        let stored = try await store.storeMedia(bytes, contentType: "image/png")
        #expect(stored.digest == expected)
        #expect(stored.source == "stored:sha256:\(expected)")
        #expect(stored.contentType == "image/png")
        #expect(stored.data == bytes)

        let again = try await store.storeMedia(bytes, contentType: "application/octet-stream")
        #expect(again == stored)
        let rows = try await store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM media_blobs") }
        #expect(rows == 1)

        #expect(try await store.media(digest: expected) == stored)
        #expect(try await store.media(digest: expected.uppercased()) == stored)
        #expect(try await store.media(digest: String(repeating: "0", count: 64)) == nil)
    }
}
