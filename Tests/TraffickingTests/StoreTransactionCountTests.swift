import AdPlatformKit
import Foundation
import Testing

@testable import Trafficking

@Suite("SQLite store: transaction count")
struct StoreTransactionCountTests {
    /// Runs `body` and checks it committed exactly `expected` write transactions.
    private func expectTransactions<T>(
        _ expected: Int, _ store: SQLiteTraffickingStore, _ label: String,
        sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
    ) async throws -> T {
        let before = store.transactionCount
        let result = try await body()
        #expect(store.transactionCount - before == expected, "\(label)", sourceLocation: sourceLocation)
        return result
    }

    @Test("every writing method commits exactly one transaction, and reads commit none")
    func oneTransactionPerWrite() async throws {
        let clock = StoreTestClock()
        let store = try StoreFixtures.store(clock: clock)
        #expect(store.transactionCount == 0)
        let request = try StoreFixtures.request()
        let ticket = TicketReference(source: "folder", id: "t.json")

        let account = try await expectTransactions(1, store, "createAccount") {
            try await store.createAccount(StoreFixtures.newAccount())
        }
        _ = try await expectTransactions(1, store, "updateAccount") {
            try await store.updateAccount(account.id, AdAccountChanges(name: "n"))
        }
        let jobs = try await expectTransactions(1, store, "enqueue of three jobs") {
            try await store.enqueue(
                (0..<3).map { _ in
                    NewCampaignJob(
                        id: StoreFixtures.jobID(), accountID: account.id, platform: .meta, request: request,
                        ticket: ticket,
                        batchID: UUID())
                })
        }
        let now = clock.now()
        _ = try await expectTransactions(1, store, "claimJobs") {
            try await store.claimJobs(owner: "w", limit: 3, lease: .seconds(60), now: now)
        }
        _ = try await expectTransactions(1, store, "claimJobs finding nothing") {
            try await store.claimJobs(owner: "w", limit: 3, lease: .seconds(60), now: now)
        }
        _ = try await expectTransactions(1, store, "renewLease") {
            try await store.renewLease(job: jobs[0].id, owner: "w", until: now.addingTimeInterval(120))
        }
        try await expectTransactions(1, store, "startStep with calls") {
            try await store.startStep(
                job: jobs[0].id, key: "campaign", kind: .campaign, marker: nil,
                calls: [
                    StoreFixtures.call(job: jobs[0].id, path: "/a"), StoreFixtures.call(job: jobs[0].id, path: "/b"),
                ],
                at: now)
        }
        try await expectTransactions(1, store, "completeStep of the campaign step") {
            try await store.completeStep(
                job: jobs[0].id, key: "campaign", entities: [StoreFixtures.campaign()], media: nil,
                calls: [StoreFixtures.call(job: jobs[0].id, path: "/c")], at: now)
        }
        try await expectTransactions(1, store, "appendLog of two entries") {
            try await store.appendLog([
                ExecutionLogEntry(jobID: jobs[0].id, at: StoreFixtures.epoch, event: "a", message: "a"),
                ExecutionLogEntry(jobID: jobs[0].id, at: StoreFixtures.epoch, event: "b", message: "b"),
            ])
        }
        try await expectTransactions(1, store, "recordAPICalls") {
            try await store.recordAPICalls([StoreFixtures.call(job: jobs[0].id, path: "/d")])
        }
        try await expectTransactions(1, store, "release") {
            try await store.release(job: jobs[1].id, owner: "w", notBefore: now, error: nil)
        }
        try await expectTransactions(1, store, "finish") {
            try await store.finish(
                job: jobs[0].id, owner: "w",
                outcome: .failed(JobError(message: "m", code: "c"), platformCampaignID: nil))
        }
        try await expectTransactions(1, store, "markWrittenBack") {
            try await store.markWrittenBack(jobs: [jobs[0].id], at: clock.now())
        }
        _ = try await expectTransactions(1, store, "retry") { try await store.retry(job: jobs[0].id) }
        _ = try await expectTransactions(1, store, "storeMedia") {
            try await store.storeMedia(Data([1, 2, 3]), contentType: "image/png")
        }
        _ = try await expectTransactions(1, store, "deleteAccount") { try await store.deleteAccount(account.id) }

        try await expectTransactions(0, store, "reads") {
            _ = try await store.account(account.id)
            _ = try await store.accounts(platform: nil, page: PageRequest())
            _ = try await store.credentials(ofAccount: account.id)
            _ = try await store.job(jobs[0].id)
            _ = try await store.jobs(status: nil, page: PageRequest())
            _ = try await store.jobs(batch: jobs[0].batchID)
            _ = try await store.jobs(ticket: ticket)
            _ = try await store.jobsAwaitingWriteBack(limit: 5)
            _ = try await store.ledger(job: jobs[0].id)
            _ = try await store.executionLog(job: jobs[0].id)
            _ = try await store.apiCalls(job: jobs[0].id)
            _ = try await store.media(digest: "00")
        }
        #expect(store.transactionCount == 16)
    }

    @Test("a write that fails is rolled back and not counted")
    func failedWriteNotCounted() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(1)
        let before = store.transactionCount
        await #expect(throws: StoreError.self) { _ = try await store.retry(job: jobs[0].id) }
        await #expect(throws: StoreError.self) {
            try await store.appendLog([
                ExecutionLogEntry(jobID: jobs[0].id, at: StoreFixtures.epoch, event: "kept?", message: "no"),
                ExecutionLogEntry(jobID: UUID(), at: StoreFixtures.epoch, event: "x", message: "unknown job"),
            ])
        }
        #expect(store.transactionCount == before)
        // The whole batch rolled back, including the valid entry.
        #expect(try await store.executionLog(job: jobs[0].id).isEmpty)
    }
}
