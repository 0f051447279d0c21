import AdPlatformKit
import Foundation
import GRDB
import Testing

@testable import Trafficking

/// Campaigns of ours follow their launch jobs in the same writes: made at submission, brought up to date when the
/// job ends, with every platform entity mapped and each creative's versions kept.
@Suite("Campaigns and entity mappings")
struct CampaignStoreTests {
    static let lease: Duration = .seconds(60)
    static let later = StoreFixtures.epoch.addingTimeInterval(3600)

    /// Walks a job's ledger as a Meta launch would: campaign, ad set, image, creative and ad.
    static func launch(_ job: CampaignJob, in store: SQLiteTraffickingStore) async throws {
        func entity(_ kind: EntityKind, _ id: String, parent: String?) -> PlatformEntity {
            PlatformEntity(platform: .meta, kind: kind, id: id, name: "\(kind) [ao-\(id)]", parentID: parent)
        }
        let completions = [
            StepCompletion(key: "campaign", entities: [entity(.campaign, "c1", parent: "act_1001")]),
            StepCompletion(key: "adGroup/families", entities: [entity(.adGroup, "g1", parent: "c1")]),
            StepCompletion(
                key: "media/social-hero/0", media: UploadedMedia(kind: .image, reference: "hash1", id: "i1")),
            StepCompletion(
                key: "ad/families/social-hero/0",
                entities: [entity(.creative, "cr1", parent: "act_1001"), entity(.ad, "a1", parent: "g1")]),
        ]
        for completion in completions {
            try await store.advance(
                job: job.id, completing: [],
                starting: StepStart(key: completion.key, kind: completion.entities.last?.kind ?? .media, marker: nil),
                calls: [], at: later)
            try await store.advance(job: job.id, completing: [completion], starting: nil, calls: [], at: later)
        }
    }

    @Test("submitting makes a draft campaign per job, with version 1 of each creative; lists filter and page")
    func draftsAtSubmission() async throws {
        let ticket = TicketReference(source: "folder", id: "spring.json")
        let (store, account, jobs) = try await StoreFixtures.storeWithJobs(3, ticket: ticket)
        let all = try await store.campaigns(CampaignFilter(), page: PageRequest(limit: 2))
        #expect(all.total == 3)
        #expect(all.items.count == 2)
        #expect(all.nextOffset == 2)
        let campaign = try #require(try await store.campaign(job: jobs[0].id))
        #expect(campaign.status == .draft)
        #expect(campaign.name == jobs[0].request.name)
        #expect(campaign.budget == jobs[0].request.budget)
        #expect(campaign.schedule == jobs[0].request.schedule)
        #expect(campaign.accountID == account.id && campaign.platform == .meta && campaign.ticket == ticket)
        let detail = try #require(try await store.campaignDetail(campaign.id))
        #expect(detail.mappings.isEmpty)
        #expect(detail.creativeVersions.map(\.creativeKey).sorted() == jobs[0].request.creatives.map(\.key).sorted())
        #expect(detail.creativeVersions.allSatisfy { $0.version == 1 && $0.parentVersion == nil })

        for (filter, count) in [
            (CampaignFilter(status: .draft), 3), (CampaignFilter(status: .live), 0),
            (CampaignFilter(platform: .meta), 3), (CampaignFilter(platform: .google), 0),
            (CampaignFilter(accountID: account.id), 3), (CampaignFilter(accountID: UUID()), 0),
            (CampaignFilter(ticket: ticket), 3), (CampaignFilter(drifted: true), 0),
        ] {
            #expect(try await store.campaigns(filter, page: PageRequest()).total == count, "\(filter)")
        }
        #expect(try await store.campaign(UUID()) == nil)
    }

    @Test("a finished launch sets the campaign's status and maps every entity, media included; a retry drafts it again")
    func followsTheLaunch() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(2)
        _ = try await store.claimJobs(owner: "w", limit: 2, lease: Self.lease, now: Self.later)
        try await Self.launch(jobs[0], in: store)
        try await store.finish(job: jobs[0].id, owner: "w", outcome: .success(platformCampaignID: "c1"))
        let error = JobError(message: "refused", code: "invalidParameter")
        try await store.finish(job: jobs[1].id, owner: "w", outcome: .failed(error, platformCampaignID: nil))

        let launched = try #require(try await store.campaign(job: jobs[0].id))
        #expect(launched.status == .paused, "the sample asks for PAUSED")
        #expect(launched.platformCampaignID == "c1")
        let detail = try #require(try await store.campaignDetail(launched.id))
        let mapped = detail.mappings.map { "\($0.level):\($0.platformID)<\($0.parentPlatformID ?? "-")" }
        #expect(
            mapped == ["campaign:c1<act_1001", "adGroup:g1<c1", "media:hash1<-", "creative:cr1<act_1001", "ad:a1<g1"])
        #expect(detail.mappings.first?.lastSeenBudget == jobs[0].request.budget)
        #expect(detail.mappings.first?.lastSeenStatus == .paused)
        #expect(detail.mappings.allSatisfy { $0.campaignID == launched.id })

        let failed = try #require(try await store.campaign(job: jobs[1].id))
        #expect(failed.status == .error)
        _ = try await store.retry(job: jobs[1].id)
        #expect(try await store.campaign(job: jobs[1].id)?.status == .draft)
        #expect(try await store.campaign(job: jobs[1].id)?.id == failed.id)
    }

    @Test("a change of copy adds a version and keeps the old one readable; an unknown creative is refused")
    func creativeVersions() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(1)
        let campaign = try #require(try await store.campaign(job: jobs[0].id))
        var creative = try #require(jobs[0].request.creatives.first)
        let original = creative
        creative.headlines = ["A new headline"]
        let second = try await store.addCreativeVersion(
            campaign: campaign.id, creativeKey: creative.key, creative: creative)
        #expect(second.version == 2 && second.parentVersion == 1)
        let versions = try #require(try await store.campaignDetail(campaign.id)).creativeVersions.filter {
            $0.creativeKey == creative.key
        }
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions.first?.creative == original)
        #expect(versions.last?.creative.headlines == ["A new headline"])
        await #expect(throws: StoreError.self) {
            try await store.addCreativeVersion(campaign: campaign.id, creativeKey: "nope", creative: creative)
        }
    }

    @Test("a database from before campaigns gets one per job, with its ledger's entities mapped")
    func migrationBackfills() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("adops-v3-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        // The schema as it was before v4, with a launched job and a queued one written by that version's store.
        let store = try SQLiteTraffickingStore.open(
            path: path, cipher: StoreFixtures.cipher(), clock: .starting(at: StoreFixtures.epoch))
        let account = try await store.createAccount(StoreFixtures.newAccount())
        let request = try StoreFixtures.request()
        let jobs = try await store.enqueue(
            (0..<2).map { _ in
                NewCampaignJob(
                    id: StoreFixtures.jobID(), accountID: account.id, platform: .meta, request: request,
                    batchID: UUID())
            })
        _ = try await store.claimJobs(owner: "w", limit: 1, lease: Self.lease, now: Self.later)
        try await Self.launch(jobs[0], in: store)
        try await store.finish(job: jobs[0].id, owner: "w", outcome: .success(platformCampaignID: "c1"))
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            for table in ["creative_versions", "entity_mappings", "campaigns"] { try db.drop(table: table) }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4'")
        }
        try queue.close()

        let upgraded = try SQLiteTraffickingStore.open(
            path: path, cipher: StoreFixtures.cipher(), clock: .starting(at: StoreFixtures.epoch))
        let campaigns = try await upgraded.campaigns(CampaignFilter(), page: PageRequest())
        #expect(campaigns.total == 2)
        let launched = try #require(try await upgraded.campaign(job: jobs[0].id))
        #expect(launched.status == .paused && launched.platformCampaignID == "c1")
        let detail = try #require(try await upgraded.campaignDetail(launched.id))
        #expect(detail.mappings.count == 5)
        #expect(try await upgraded.campaign(job: jobs[1].id)?.status == .draft)
    }
}
