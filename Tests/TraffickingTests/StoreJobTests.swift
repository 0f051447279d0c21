import AdPlatformKit
import Foundation
import GRDB
import Testing

@testable import Trafficking

@Suite("SQLite store: jobs")
struct StoreJobTests {
    private let lease = Duration.seconds(60)

    @Test("the request payload round-trips losslessly through the store")
    func payloadRoundTrip() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(1)
        let request = try StoreFixtures.request()
        let stored = try #require(try await store.job(jobs[0].id))
        #expect(stored.request == request)
        #expect(stored.request.schedule.start == request.schedule.start)
        #expect(stored.request.budget == request.budget)
        // And the stored JSON decodes with a plain JSONDecoder too.
        let json = try await store.writer.read { db in
            try String.fetchOne(
                db, sql: "SELECT payload_json FROM campaign_jobs WHERE id = ?", arguments: [jobs[0].id.databaseKey])
        }
        #expect(try JSONDecoder().decode(TraffickingRequest.self, from: Data(try #require(json).utf8)) == request)
    }

    @Test("enqueued jobs are PENDING, keep their ticket and batch, and read back identically")
    func enqueue() async throws {
        let ticket = TicketReference(source: "folder", id: "tickets/winter.json")
        let (store, account, jobs) = try await StoreFixtures.storeWithJobs(2, ticket: ticket)
        #expect(jobs.count == 2)
        for job in jobs {
            #expect(job.status == .pending)
            #expect(job.accountID == account.id)
            #expect(job.platform == .meta)
            #expect(job.ticket == ticket)
            #expect(job.attempts == 0)
            #expect(job.leaseOwner == nil)
            #expect(job.error == nil)
            #expect(try await store.job(job.id) == job)
        }
        #expect(try await store.jobs(batch: jobs[0].batchID) == jobs)
        #expect(try await store.jobs(batch: UUID()).isEmpty)
        #expect(try await store.jobs(ticket: ticket) == jobs)
        #expect(try await store.job(UUID()) == nil)
    }

    @Test("enqueue refuses unknown or deleted accounts and a platform other than the account's, storing nothing")
    func enqueueRefusals() async throws {
        let store = try StoreFixtures.store()
        let account = try await store.createAccount(StoreFixtures.newAccount())
        let request = try StoreFixtures.request()
        let good = NewCampaignJob(
            id: StoreFixtures.jobID(), accountID: account.id, platform: .meta, request: request, batchID: UUID())

        await #expect {
            _ = try await store.enqueue([
                good,
                NewCampaignJob(
                    id: StoreFixtures.jobID(), accountID: UUID(), platform: .meta, request: request, batchID: UUID()),
            ])
        } throws: { ($0 as? StoreError)?.code == .notFound }
        await #expect {
            _ = try await store.enqueue([
                NewCampaignJob(
                    id: StoreFixtures.jobID(), accountID: account.id, platform: .tiktok, request: request,
                    batchID: UUID())
            ])
        } throws: { ($0 as? StoreError)?.code == .conflict }
        #expect(try await store.jobs(status: nil, page: PageRequest()).total == 0)

        _ = try await store.enqueue([good])
        await #expect {
            _ = try await store.enqueue([good])
        } throws: { ($0 as? StoreError)?.code == .conflict }

        _ = try await store.deleteAccount(account.id)
        await #expect {
            _ = try await store.enqueue([
                NewCampaignJob(
                    id: StoreFixtures.jobID(), accountID: account.id, platform: .meta, request: request, batchID: UUID()
                )
            ])
        } throws: { ($0 as? StoreError)?.code == .notFound }
    }

    @Test("jobs list newest first, page with a total, and filter by status")
    func listing() async throws {
        let clock = StoreTestClock()
        let store = try StoreFixtures.store(clock: clock)
        let account = try await store.createAccount(StoreFixtures.newAccount())
        let request = try StoreFixtures.request()
        var ids: [UUID] = []
        for _ in 0..<3 {
            let job = try await store.enqueue([
                NewCampaignJob(
                    id: StoreFixtures.jobID(), accountID: account.id, platform: .meta, request: request, batchID: UUID()
                )
            ])
            ids.append(job[0].id)
        }
        let page = try await store.jobs(status: nil, page: PageRequest(limit: 2))
        #expect(page.items.map(\.id) == [ids[2], ids[1]])
        #expect(page.total == 3)
        #expect(page.nextOffset == 2)
        #expect(try await store.jobs(status: nil, page: PageRequest(limit: 2, offset: 2)).items.map(\.id) == [ids[0]])

        let claimed = try await store.claimJobs(owner: "w", limit: 1, lease: lease, now: clock.now())
        #expect(claimed.map(\.id) == [ids[0]])
        #expect(try await store.jobs(status: .processing, page: PageRequest()).items.map(\.id) == [ids[0]])
        #expect(try await store.jobs(status: .pending, page: PageRequest()).items.map(\.id) == [ids[2], ids[1]])
        #expect(try await store.jobs(status: .success, page: PageRequest()).total == 0)
    }

    @Test("claiming takes due PENDING jobs oldest first, leases them and counts the attempt")
    func claim() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(3)
        let now = StoreFixtures.epoch.addingTimeInterval(3600)
        let claimed = try await store.claimJobs(owner: "worker-a", limit: 2, lease: lease, now: now)
        #expect(claimed.map(\.id) == [jobs[0].id, jobs[1].id])
        for job in claimed {
            #expect(job.status == .processing)
            #expect(job.leaseOwner == "worker-a")
            #expect(job.leaseExpiresAt == now.addingTimeInterval(60))
            #expect(job.attempts == 1)
            #expect(job.updatedAt == now)
            #expect(try await store.job(job.id) == job)
        }
        // Leased jobs are not claimed again while the lease runs.
        let next = try await store.claimJobs(owner: "worker-b", limit: 5, lease: lease, now: now.addingTimeInterval(59))
        #expect(next.map(\.id) == [jobs[2].id])
        #expect(try await store.claimJobs(owner: "worker-b", limit: 5, lease: lease, now: now).isEmpty)
        #expect(try await store.claimJobs(owner: "worker-b", limit: 0, lease: lease, now: now).isEmpty)
    }

    @Test("a PROCESSING job whose lease expired is taken over by another worker, with one more attempt and takeover")
    func leaseExpiryTakeover() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(1)
        let now = StoreFixtures.epoch.addingTimeInterval(3600)
        _ = try await store.claimJobs(owner: "dead-worker", limit: 1, lease: lease, now: now)

        // Exactly at expiry the lease still holds; after it, it does not.
        #expect(try await store.claimJobs(owner: "b", limit: 1, lease: lease, now: now.addingTimeInterval(60)).isEmpty)
        let later = now.addingTimeInterval(60.5)
        let taken = try await store.claimJobs(owner: "b", limit: 1, lease: lease, now: later)
        #expect(taken.map(\.id) == [jobs[0].id])
        #expect(taken.first?.leaseOwner == "b")
        #expect(taken.first?.attempts == 2)
        #expect(taken.first?.takeovers == 1)

        // The dead worker lost the job: it can neither renew, release nor finish it.
        #expect(
            try await store.renewLease(job: jobs[0].id, owner: "dead-worker", until: later.addingTimeInterval(600))
                == false)
        try await store.release(job: jobs[0].id, owner: "dead-worker", notBefore: later, error: nil)
        try await store.finish(job: jobs[0].id, owner: "dead-worker", outcome: .success(platformCampaignID: "x"))
        let current = try #require(try await store.job(jobs[0].id))
        #expect(current.status == .processing)
        #expect(current.leaseOwner == "b")
        #expect(current.platformCampaignID == nil)
    }

    @Test("only claims of an expired lease count as takeovers; a claim from the queue after a release does not")
    func takeoversCountedApart() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(1)
        var now = StoreFixtures.epoch.addingTimeInterval(3600)
        _ = try await store.claimJobs(owner: "a", limit: 1, lease: lease, now: now)
        now.addTimeInterval(61)
        _ = try await store.claimJobs(owner: "b", limit: 1, lease: lease, now: now)
        now.addTimeInterval(61)
        _ = try await store.claimJobs(owner: "c", limit: 1, lease: lease, now: now)
        try await store.release(job: jobs[0].id, owner: "c", notBefore: now, error: nil)
        let claimed = try #require(try await store.claimJobs(owner: "d", limit: 1, lease: lease, now: now).first)
        #expect(claimed.attempts == 4)
        #expect(claimed.takeovers == 2)
    }

    @Test("the owner renews its lease; nobody else can, nor can anyone renew a job that is not PROCESSING")
    func renewLease() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(1)
        let now = StoreFixtures.epoch.addingTimeInterval(3600)
        #expect(try await store.renewLease(job: jobs[0].id, owner: "a", until: now) == false)
        _ = try await store.claimJobs(owner: "a", limit: 1, lease: lease, now: now)
        let until = now.addingTimeInterval(300)
        #expect(try await store.renewLease(job: jobs[0].id, owner: "a", until: until))
        #expect(try await store.job(jobs[0].id)?.leaseExpiresAt == until)
        #expect(try await store.renewLease(job: jobs[0].id, owner: "b", until: until.addingTimeInterval(1)) == false)
        #expect(try await store.job(jobs[0].id)?.leaseExpiresAt == until)
        #expect(try await store.renewLease(job: UUID(), owner: "a", until: until) == false)
    }

    @Test("release returns a job to PENDING with its error, not claimable before notBefore")
    func release() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(1)
        let now = StoreFixtures.epoch.addingTimeInterval(3600)
        _ = try await store.claimJobs(owner: "a", limit: 1, lease: lease, now: now)
        let error = JobError(message: "Too many calls", code: "rateLimited", platformCode: "17", step: "campaign")
        let notBefore = now.addingTimeInterval(30)
        try await store.release(job: jobs[0].id, owner: "a", notBefore: notBefore, error: error)

        let released = try #require(try await store.job(jobs[0].id))
        #expect(released.status == .pending)
        #expect(released.leaseOwner == nil)
        #expect(released.leaseExpiresAt == nil)
        #expect(released.notBefore == notBefore)
        #expect(released.error == error)
        #expect(released.attempts == 1)

        #expect(try await store.claimJobs(owner: "b", limit: 1, lease: lease, now: now.addingTimeInterval(29)).isEmpty)
        let again = try await store.claimJobs(owner: "b", limit: 1, lease: lease, now: notBefore)
        #expect(again.map(\.id) == [jobs[0].id])
        #expect(again.first?.attempts == 2)
    }

    @Test("finish records the outcome, its error and campaign id, and clears the lease")
    func finish() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(3)
        let now = StoreFixtures.epoch.addingTimeInterval(3600)
        _ = try await store.claimJobs(owner: "a", limit: 3, lease: lease, now: now)
        let error = JobError(
            message: "Invalid parameter", code: "invalidParameter", platformCode: "100/1487", step: "adGroup/families",
            fieldPath: "adGroups[0].targeting")
        try await store.finish(job: jobs[0].id, owner: "a", outcome: .success(platformCampaignID: "c1"))
        try await store.finish(job: jobs[1].id, owner: "a", outcome: .failed(error, platformCampaignID: nil))
        try await store.finish(job: jobs[2].id, owner: "a", outcome: .partialSuccess(error, platformCampaignID: "c3"))

        let success = try #require(try await store.job(jobs[0].id))
        #expect(success.status == .success)
        #expect(success.platformCampaignID == "c1")
        #expect(success.error == nil)
        #expect(success.finishedAt != nil)
        #expect(success.leaseOwner == nil && success.leaseExpiresAt == nil)

        let failed = try #require(try await store.job(jobs[1].id))
        #expect(failed.status == .failed)
        #expect(failed.error == error)
        #expect(failed.platformCampaignID == nil)

        let partial = try #require(try await store.job(jobs[2].id))
        #expect(partial.status == .partialSuccess)
        #expect(partial.error == error)
        #expect(partial.platformCampaignID == "c3")

        // A finished job is not claimable.
        #expect(try await store.claimJobs(owner: "a", limit: 3, lease: lease, now: now.addingTimeInterval(999)).isEmpty)
    }

    @Test("finishing without a campaign id keeps the one the campaign step recorded")
    func finishKeepsRecordedCampaignID() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(1)
        let now = StoreFixtures.epoch.addingTimeInterval(3600)
        _ = try await store.claimJobs(owner: "a", limit: 1, lease: lease, now: now)
        try await store.completeStep(
            job: jobs[0].id, key: "campaign", entities: [StoreFixtures.campaign(id: "120")], media: nil, calls: [],
            at: now)
        let error = JobError(message: "Budget too low", code: "invalidParameter")
        try await store.finish(job: jobs[0].id, owner: "a", outcome: .partialSuccess(error, platformCampaignID: nil))
        #expect(try await store.job(jobs[0].id)?.platformCampaignID == "120")
    }

    @Test("retry puts a FAILED or PARTIAL_SUCCESS job back to PENDING, clearing its outcome and attempts")
    func retry() async throws {
        let ticket = TicketReference(source: "folder", id: "a.json")
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(1, ticket: ticket)
        let now = StoreFixtures.epoch.addingTimeInterval(3600)
        _ = try await store.claimJobs(owner: "a", limit: 1, lease: lease, now: now)
        try await store.completeStep(
            job: jobs[0].id, key: "campaign", entities: [StoreFixtures.campaign()], media: nil, calls: [], at: now)
        let error = JobError(message: "Invalid", code: "invalidParameter")
        try await store.finish(job: jobs[0].id, owner: "a", outcome: .partialSuccess(error, platformCampaignID: nil))
        try await store.markWrittenBack(jobs: [jobs[0].id], at: now)

        let retried = try await store.retry(job: jobs[0].id)
        #expect(retried.status == .pending)
        #expect(retried.error == nil)
        #expect(retried.finishedAt == nil)
        #expect(retried.writtenBackAt == nil)
        #expect(retried.notBefore == nil)
        #expect(retried.attempts == 0)
        #expect(retried.takeovers == 0)
        #expect(retried.platformCampaignID == "120200000001")
        #expect(try await store.job(jobs[0].id) == retried)
        // The ledger survives, so the campaign is not created again.
        #expect(try await store.ledger(job: jobs[0].id).map(\.state) == [.done])
        #expect(try await store.claimJobs(owner: "b", limit: 1, lease: lease, now: now).map(\.id) == [jobs[0].id])
    }

    @Test("retrying a job that is not FAILED or PARTIAL_SUCCESS is a conflict; an unknown job is not found")
    func retryRefusals() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(2)
        let now = StoreFixtures.epoch.addingTimeInterval(3600)
        _ = try await store.claimJobs(owner: "a", limit: 1, lease: lease, now: now)
        let key = jobs[0].id.databaseKey
        await #expect {
            _ = try await store.retry(job: jobs[0].id)
        } throws: { error in
            (error as? StoreError)
                == StoreError(.conflict, "job \(key) is PROCESSING; only FAILED or PARTIAL_SUCCESS jobs can be retried")
        }
        await #expect {
            _ = try await store.retry(job: jobs[1].id)
        } throws: { ($0 as? StoreError)?.code == .conflict }
        try await store.finish(job: jobs[0].id, owner: "a", outcome: .success(platformCampaignID: "c"))
        await #expect {
            _ = try await store.retry(job: jobs[0].id)
        } throws: { ($0 as? StoreError)?.message.contains("is SUCCESS") == true }
        await #expect {
            _ = try await store.retry(job: UUID())
        } throws: { ($0 as? StoreError)?.code == .notFound }
    }

    @Test("write-back selects terminal ticket jobs not yet written back, oldest first, and marking removes them")
    func writeBackSelection() async throws {
        let clock = StoreTestClock()
        let store = try StoreFixtures.store(clock: clock)
        let account = try await store.createAccount(StoreFixtures.newAccount())
        let request = try StoreFixtures.request()
        func job(_ ticket: TicketReference?) -> NewCampaignJob {
            NewCampaignJob(
                id: StoreFixtures.jobID(), accountID: account.id, platform: .meta, request: request, ticket: ticket,
                batchID: UUID())
        }
        let jobs = try await store.enqueue([
            job(TicketReference(source: "folder", id: "1")), job(nil),
            job(TicketReference(source: "airtable", id: "r2")),
            job(TicketReference(source: "folder", id: "3")),
        ])
        let now = clock.now()
        _ = try await store.claimJobs(owner: "w", limit: 3, lease: lease, now: now)
        // Finish in reverse order: the oldest finished is jobs[2].
        try await store.finish(
            job: jobs[2].id, owner: "w", outcome: .failed(JobError(message: "m", code: "c"), platformCampaignID: nil))
        try await store.finish(job: jobs[1].id, owner: "w", outcome: .success(platformCampaignID: "b"))
        try await store.finish(job: jobs[0].id, owner: "w", outcome: .success(platformCampaignID: "a"))

        let awaiting = try await store.jobsAwaitingWriteBack(limit: 10)
        // jobs[1] has no ticket; jobs[3] is still PENDING.
        #expect(awaiting.map(\.id) == [jobs[2].id, jobs[0].id])
        #expect(try await store.jobsAwaitingWriteBack(limit: 1).map(\.id) == [jobs[2].id])

        let at = clock.now()
        try await store.markWrittenBack(jobs: [jobs[2].id, jobs[3].id], at: at)
        #expect(try await store.jobsAwaitingWriteBack(limit: 10).map(\.id) == [jobs[0].id])
        #expect(try await store.job(jobs[2].id)?.writtenBackAt == at)
        // A job that is not terminal is not marked: its outcome is still to come.
        #expect(try await store.job(jobs[3].id)?.writtenBackAt == nil)
    }

    @Test("a job row with an unknown status or bad payload throws corrupt naming the row and column")
    func corruptJobRows() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(1)
        let key = jobs[0].id.databaseKey
        try await store.writer.write { db in
            try db.execute(
                sql: "UPDATE campaign_jobs SET payload_json = '{\"name\": 1}' WHERE id = ?", arguments: [key])
        }
        await #expect {
            _ = try await store.job(jobs[0].id)
        } throws: { error in
            let message = (error as? StoreError)?.message ?? ""
            return (error as? StoreError)?.code == .corrupt && message.contains("campaign_jobs row \(key)")
                && message.contains("column payload_json") && message.contains("name")
        }
        try await store.writer.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE campaign_jobs SET status = 'LOST' WHERE id = ?", arguments: [key])
        }
        await #expect {
            _ = try await store.jobs(status: nil, page: PageRequest())
        } throws: { ($0 as? StoreError)?.message.contains("column status holds unknown status 'LOST'") == true }

        try await store.writer.write { db in
            try db.execute(
                sql: "UPDATE campaign_jobs SET status = 'PENDING', created_at = 'yesterday' WHERE id = ?",
                arguments: [key])
        }
        await #expect {
            _ = try await store.jobs(batch: jobs[0].batchID)
        } throws: { error in
            let error = error as? StoreError
            return error?.code == .corrupt && error?.message.contains("created_at") == true
        }
    }

    @Test("a claim's two indexed queries still hand out the oldest due job first, expired leases included")
    func claimOrderAcrossPendingAndExpired() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(3)
        let now = StoreFixtures.epoch.addingTimeInterval(1_000)
        // The oldest job is claimed and its worker dies: its lease runs out.
        let first = try await store.claimJobs(owner: "dead", limit: 1, lease: .seconds(10), now: now)
        #expect(first.map(\.id) == [jobs[0].id])
        let later = now.addingTimeInterval(60)
        let claimed = try await store.claimJobs(owner: "alive", limit: 3, lease: .seconds(10), now: later)
        #expect(claimed.map(\.id) == jobs.map(\.id))
        #expect(claimed.first?.attempts == 2)
    }

    @Test("finish and release write the run's last step results, calls and log lines, even after losing the job")
    func finishWritesRecords() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(2)
        let now = StoreFixtures.epoch.addingTimeInterval(1_000)
        _ = try await store.claimJobs(owner: "w", limit: 2, lease: .seconds(60), now: now)
        let campaign = PlatformEntity(platform: .meta, kind: .campaign, id: "120200000000001", name: "Spring")
        func records(_ job: CampaignJob) -> JobRunRecords {
            JobRunRecords(
                completions: [StepCompletion(key: "campaign", entities: [campaign])],
                calls: [
                    APICallRecord(
                        jobID: job.id, platform: .meta, at: now, method: "POST", path: "/v21.0/act_1/campaigns",
                        status: 200, durationMilliseconds: 3, requestSummary: "{}", responseSummary: "{}")
                ],
                log: [ExecutionLogEntry(jobID: job.id, at: StoreFixtures.epoch, event: "finished", message: "done")])
        }
        try await store.finish(
            job: jobs[0].id, owner: "w", outcome: .success(platformCampaignID: nil), records: records(jobs[0]))
        // Another owner's release leaves the job alone but keeps what the run did.
        try await store.release(
            job: jobs[1].id, owner: "someone-else", notBefore: now, error: nil, records: records(jobs[1]))
        for job in jobs {
            let ledger = try await store.ledger(job: job.id)
            #expect(ledger.map(\.key) == ["campaign"])
            #expect(ledger.first?.state == .done)
            #expect(ledger.first?.entities == [campaign])
            #expect(try await store.apiCalls(job: job.id).map(\.path) == ["/v21.0/act_1/campaigns"])
            #expect(try await store.executionLog(job: job.id).map(\.event) == ["finished"])
        }
        let finished = try await store.job(jobs[0].id)
        #expect(finished?.status == .success)
        #expect(finished?.platformCampaignID == "120200000000001")
        #expect(try await store.job(jobs[1].id)?.status == .processing)
    }

    @Test("the claim reads due PENDING jobs from its index in claim order, never sorting the queue")
    func claimQueryPlan() async throws {
        let (store, _, _) = try await StoreFixtures.storeWithJobs(3)
        let plan = try await store.writer.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + SQLiteTraffickingStore.duePendingSQL, arguments: ["2030-01-01", 1]
            )
            .map { row -> String in try row.decode(forColumn: "detail") }
        }
        #expect(plan.contains { $0.contains("USING INDEX campaign_jobs_pending_order") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
    }
}
