import AdPlatformKit
import Foundation
import GRDB
import Testing

@testable import Trafficking

@Suite("SQLite store: step ledger")
struct StoreLedgerTests {
    @Test("a step goes started → started again (one more attempt) → done, and stays done")
    func stepTransitions() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(1)
        let job = jobs[0].id
        let marker = IdempotencyMarker(scope: job.uuidString, step: "campaign")
        let started = StoreFixtures.epoch.addingTimeInterval(10)

        try await store.startStep(job: job, key: "campaign", kind: .campaign, marker: marker, calls: [], at: started)
        var steps = try await store.ledger(job: job)
        #expect(steps.count == 1)
        #expect(steps[0].jobID == job)
        #expect(steps[0].key == "campaign")
        #expect(steps[0].kind == .campaign)
        #expect(steps[0].state == .started)
        #expect(steps[0].marker == marker.value)
        #expect(steps[0].attempts == 1)
        #expect(steps[0].startedAt == started)
        #expect(steps[0].finishedAt == nil)
        #expect(steps[0].entities.isEmpty)

        // A crash or a retry starts it again: one more attempt, first start time kept.
        try await store.startStep(
            job: job, key: "campaign", kind: .campaign, marker: marker, calls: [], at: started.addingTimeInterval(5))
        steps = try await store.ledger(job: job)
        #expect(steps[0].state == .started)
        #expect(steps[0].attempts == 2)
        #expect(steps[0].startedAt == started)

        let entity = StoreFixtures.campaign()
        let done = started.addingTimeInterval(6)
        try await store.completeStep(job: job, key: "campaign", entities: [entity], media: nil, calls: [], at: done)
        steps = try await store.ledger(job: job)
        #expect(steps[0].state == .done)
        #expect(steps[0].entities == [entity])
        #expect(steps[0].primaryEntity == entity)
        #expect(steps[0].finishedAt == done)
        #expect(steps[0].attempts == 2)
        #expect(steps[0].marker == marker.value)

        // Starting a done step changes nothing.
        try await store.startStep(
            job: job, key: "campaign", kind: .campaign, marker: marker, calls: [], at: started.addingTimeInterval(9))
        #expect(try await store.ledger(job: job) == steps)
    }

    @Test("the API calls given with a step are stored in the same write")
    func callsStoredWithSteps() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(1)
        let job = jobs[0].id
        let first = StoreFixtures.call(job: job, path: "/v21.0/act_1001/campaigns", at: StoreFixtures.epoch)
        let second = StoreFixtures.call(
            job: job, path: "/v21.0/act_1001/adsets", at: StoreFixtures.epoch.addingTimeInterval(1))
        let before = store.transactionCount
        try await store.startStep(
            job: job, key: "adGroup/families", kind: .adGroup, marker: nil, calls: [first], at: StoreFixtures.epoch)
        try await store.completeStep(
            job: job, key: "adGroup/families",
            entities: [PlatformEntity(platform: .meta, kind: .adGroup, id: "2385", name: "Families")], media: nil,
            calls: [second], at: StoreFixtures.epoch.addingTimeInterval(2))
        #expect(store.transactionCount == before + 2)
        #expect(try await store.apiCalls(job: job) == [first, second])
    }

    @Test("steps list in the order first started; external_id holds the primary entity or media id")
    func orderAndExternalID() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(1)
        let job = jobs[0].id
        let t0 = StoreFixtures.epoch
        try await store.startStep(job: job, key: "campaign", kind: .campaign, marker: nil, calls: [], at: t0)
        try await store.startStep(
            job: job, key: "media/social-hero/0", kind: .media, marker: nil, calls: [], at: t0.addingTimeInterval(1))
        try await store.startStep(
            job: job, key: "ad/0/families/social-hero", kind: .ad, marker: nil, calls: [], at: t0.addingTimeInterval(2))
        // Completing out of order does not reorder.
        let media = UploadedMedia(kind: .image, reference: "abc123hash", id: "img-77", url: "https://cdn.test/i.png")
        try await store.completeStep(
            job: job, key: "media/social-hero/0", entities: [], media: media, calls: [], at: t0.addingTimeInterval(3))
        let creative = PlatformEntity(platform: .meta, kind: .creative, id: "cr-1", name: "Creative")
        let ad = PlatformEntity(platform: .meta, kind: .ad, id: "ad-1", name: "Ad", parentID: "2385")
        try await store.completeStep(
            job: job, key: "ad/0/families/social-hero", entities: [creative, ad], media: nil, calls: [],
            at: t0.addingTimeInterval(4))

        let steps = try await store.ledger(job: job)
        #expect(steps.map(\.key) == ["campaign", "media/social-hero/0", "ad/0/families/social-hero"])
        #expect(steps[1].media == media)
        #expect(steps[2].entities == [creative, ad])
        #expect(steps[2].primaryEntity == ad)

        let externalIDs = try await store.writer.read { db in
            try String?.fetchAll(
                db, sql: "SELECT external_id FROM job_steps WHERE job_id = ? ORDER BY started_at",
                arguments: [job.databaseKey])
        }
        #expect(externalIDs == [nil, "img-77", "ad-1"])
    }

    @Test("completing the campaign step sets the job's platform campaign id")
    func campaignStepSetsCampaignID() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(1)
        let job = jobs[0].id
        let budget = PlatformEntity(platform: .google, kind: .budget, id: "b-9", name: "Budget")
        try await store.startStep(
            job: job, key: "campaign", kind: .campaign, marker: nil, calls: [], at: StoreFixtures.epoch)
        try await store.completeStep(
            job: job, key: "campaign", entities: [budget, StoreFixtures.campaign(id: "c-42")], media: nil, calls: [],
            at: StoreFixtures.epoch)
        #expect(try await store.job(job)?.platformCampaignID == "c-42")

        // Other steps leave it alone.
        try await store.completeStep(
            job: job, key: "adGroup/fans",
            entities: [PlatformEntity(platform: .meta, kind: .adGroup, id: "ag", name: "Fans")], media: nil, calls: [],
            at: StoreFixtures.epoch)
        #expect(try await store.job(job)?.platformCampaignID == "c-42")
    }

    @Test("a step completed without being started is recorded done, its kind from its entity or key")
    func completeWithoutStart() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(1)
        let job = jobs[0].id
        try await store.completeStep(
            job: job, key: "adGroup/families", entities: [], media: nil, calls: [], at: StoreFixtures.epoch)
        try await store.completeStep(
            job: job, key: "x/1", entities: [StoreFixtures.campaign()], media: nil, calls: [],
            at: StoreFixtures.epoch.addingTimeInterval(1))
        let steps = try await store.ledger(job: job)
        #expect(steps.map(\.kind) == [.adGroup, .campaign])
        #expect(steps.map(\.state) == [.done, .done])
        #expect(steps.map(\.attempts) == [1, 1])
    }

    @Test("ledger writes for an unknown job are refused as not found, and nothing is stored")
    func unknownJob() async throws {
        let (store, _, _) = try await StoreFixtures.storeWithJobs(0)
        let ghost = UUID()
        let call = StoreFixtures.call(job: nil, path: "/x")
        await #expect {
            try await store.startStep(
                job: ghost, key: "campaign", kind: .campaign, marker: nil, calls: [call], at: .now)
        } throws: { ($0 as? StoreError)?.code == .notFound }
        await #expect {
            try await store.completeStep(job: ghost, key: "campaign", entities: [], media: nil, calls: [call], at: .now)
        } throws: { ($0 as? StoreError)?.code == .notFound }
        #expect(try await store.ledger(job: ghost).isEmpty)
        let calls = try await store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM api_calls") }
        #expect(calls == 0)
    }

    @Test("a step row with bad entities JSON throws corrupt naming the row and column")
    func corruptStep() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(1)
        let job = jobs[0].id
        try await store.startStep(job: job, key: "campaign", kind: .campaign, marker: nil, calls: [], at: .now)
        try await store.writer.write { db in
            try db.execute(sql: "UPDATE job_steps SET entities_json = '[{\"id\": 5}]'")
        }
        await #expect {
            _ = try await store.ledger(job: job)
        } throws: { error in
            let message = (error as? StoreError)?.message ?? ""
            return message.contains("job_steps row (\(job.databaseKey), campaign)")
                && message.contains("column entities_json")
        }
    }

    @Test("a run's context is the account, its decrypted credentials and the ledger, read together")
    func runContext() async throws {
        let (store, account, jobs) = try await StoreFixtures.storeWithJobs(1)
        let job = jobs[0].id
        try await store.startStep(
            job: job, key: "campaign", kind: .campaign, marker: nil, calls: [], at: StoreFixtures.epoch)

        let context = try await store.runContext(job: job, account: account.id)
        #expect(context.account == account)
        #expect(try context.credentials() == StoreFixtures.credentials)
        #expect(context.ledger == (try await store.ledger(job: job)))
        #expect(context.ledger.map(\.key) == ["campaign"])

        // A deleted account has neither; the ledger is still read.
        #expect(try await store.deleteAccount(account.id))
        let deleted = try await store.runContext(job: job, account: account.id)
        #expect(deleted.account == nil)
        #expect(try deleted.credentials() == nil)
        #expect(deleted.ledger.count == 1)
    }
}
