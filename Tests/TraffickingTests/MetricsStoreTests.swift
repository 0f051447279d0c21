import AdPlatformKit
import Foundation
import Testing

@testable import Trafficking

/// Synced rows are keyed by entity, day and attribution window, so a re-sync replaces rather than adds; what a
/// platform says about an entity updates our records and logs a drift when it differs from what we knew.
@Suite("Metrics store and drift")
struct MetricsStoreTests {
    static let later = CampaignStoreTests.later

    /// A store with one launched Meta campaign (c1 → g1 → a1) and its campaign record.
    static func launched() async throws -> (SQLiteTraffickingStore, Campaign, AdAccount) {
        let (store, account, jobs) = try await StoreFixtures.storeWithJobs(1)
        _ = try await store.claimJobs(owner: "w", limit: 1, lease: .seconds(60), now: later)
        try await CampaignStoreTests.launch(jobs[0], in: store)
        try await store.finish(job: jobs[0].id, owner: "w", outcome: .success(platformCampaignID: "c1"))
        let campaign = try #require(try await store.campaign(job: jobs[0].id))
        return (store, campaign, account)
    }

    static func row(
        _ campaign: UUID, _ level: EntityKind, _ id: String, _ date: String, spend: Int64, at: Date
    ) -> DailyMetric {
        DailyMetric(
            campaignID: campaign, level: level, platformID: id, date: date, attributionWindow: "7d_click_1d_view",
            totals: MetricTotals(
                impressions: 1000, clicks: 10, spend: Money(minorUnits: spend, currency: .usd), conversions: 2,
                conversionValue: Money(minorUnits: spend * 3, currency: .usd)),
            syncedAt: at)
    }

    @Test("a re-sync of the same days replaces rows; days outside the chunk stay; derived figures come from sums")
    func resyncReplaces() async throws {
        let (store, campaign, account) = try await Self.launched()
        let start = try await store.startSyncRun(
            SyncRun(
                id: UUID(), accountID: account.id, platform: .meta, kind: .full, campaignID: nil, since: "2027-01-01",
                until: "2027-01-03", startedAt: Self.later), staleAfter: .seconds(600))
        #expect(start.resuming == nil)
        let first = (1...3).flatMap { day in
            [EntityKind.campaign, .ad].map {
                Self.row(campaign.id, $0, $0 == .ad ? "a1" : "c1", "2027-01-0\(day)", spend: 1000, at: Self.later)
            }
        }
        _ = try await store.recordSyncChunk(
            SyncChunk(
                runID: start.run.id, campaigns: [campaign.id], since: "2027-01-01", until: "2027-01-03", rows: first,
                observations: [], calls: [], syncedAt: Self.later))
        // Late conversions restate day 2 and 3; the platform stops reporting the ad on day 3.
        let restated = [
            Self.row(campaign.id, .campaign, "c1", "2027-01-02", spend: 1500, at: Self.later),
            Self.row(campaign.id, .ad, "a1", "2027-01-02", spend: 1500, at: Self.later),
            Self.row(campaign.id, .campaign, "c1", "2027-01-03", spend: 1200, at: Self.later),
        ]
        _ = try await store.recordSyncChunk(
            SyncChunk(
                runID: start.run.id, campaigns: [campaign.id], since: "2027-01-02", until: "2027-01-03",
                rows: restated, observations: [], calls: [], syncedAt: Self.later))
        let rows = try await store.metrics(campaign: campaign.id, since: "2027-01-01", until: "2027-01-31", level: nil)
        #expect(rows.count == 5)
        let campaignRows = rows.filter { $0.level == .campaign }
        #expect(campaignRows.map(\.totals.spend.minorUnits) == [1000, 1500, 1200])
        let sum = campaignRows.map(\.totals).reduce(MetricTotals.zero(.usd), +)
        #expect(sum.spend.minorUnits == 3700)
        #expect(sum.returnOnAdSpend == 3)
        #expect(sum.costPerAcquisition.map { abs($0 - 37.0 / 6) < 1e-9 } == true)
        #expect(
            try await store.metrics(campaign: campaign.id, since: "2027-01-01", until: "2027-01-31", level: .ad).count
                == 2)
        let synced = try #require(try await store.campaign(campaign.id))
        #expect(synced.lastSyncedAt == Self.later)
        let runs = try await store.syncRuns(account: account.id, page: PageRequest())
        #expect(runs.items.first?.rows == 9, "rows written, counting rewrites")
    }

    @Test("a running run blocks another; a stale one is interrupted and resumed")
    func staleRunsResume() async throws {
        let clock = StoreTestClock()
        let store = try StoreFixtures.store(clock: clock)
        let account = try await store.createAccount(StoreFixtures.newAccount())
        func run() -> SyncRun {
            SyncRun(
                id: UUID(), accountID: account.id, platform: .meta, kind: .incremental, campaignID: nil,
                since: "2027-01-01", until: "2027-01-28", startedAt: Self.later)
        }
        let first = try await store.startSyncRun(run(), staleAfter: .seconds(600))
        await #expect(throws: StoreError.self) { try await store.startSyncRun(run(), staleAfter: .seconds(600)) }
        clock.advance(by: 601)
        let second = try await store.startSyncRun(run(), staleAfter: .seconds(600))
        #expect(second.resuming?.id == first.run.id)
        #expect(second.resuming?.status == .interrupted)
    }

    @Test(
        "an observation that differs from our records logs a drift, marks the campaign and is followed; twice is once")
    func driftFollowsThePlatform() async throws {
        let (store, campaign, _) = try await Self.launched()
        let at = Self.later.addingTimeInterval(60)
        let paused = EntityObservation(platform: .meta, platformID: "c1", status: .active, observedAt: at)
        let drifts = try await store.recordObservations([paused], source: .webhook)
        #expect(drifts.count == 1)
        #expect(drifts.first?.field == .status && drifts.first?.ours == "PAUSED" && drifts.first?.platforms == "ACTIVE")
        #expect(try await store.recordObservations([paused], source: .webhook).isEmpty)
        let updated = try #require(try await store.campaign(campaign.id))
        #expect(updated.drifted && updated.status == .live)
        #expect(try await store.drifts(campaign: campaign.id).count == 1)
        let detail = try #require(try await store.campaignDetail(campaign.id))
        #expect(detail.mappings.first { $0.platformID == "c1" }?.lastSeenStatus == .active)
        // Older news and unknown entities change nothing.
        let stale = EntityObservation(platform: .meta, platformID: "c1", status: .paused, observedAt: Self.later)
        let unknown = EntityObservation(platform: .meta, platformID: "nope", status: .paused, observedAt: at)
        let other = EntityObservation(platform: .tiktok, platformID: "c1", status: .paused, observedAt: at)
        #expect(try await store.recordObservations([stale, unknown, other], source: .sync).isEmpty)
        #expect(try await store.campaign(campaign.id)?.status == .live)
        #expect(try await store.campaigns(CampaignFilter(drifted: true), page: PageRequest()).total == 1)
    }
}
