import AdPlatformKit
import Foundation
import Testing

@testable import Trafficking

/// The rollups the console reads are kept by the metric rows' triggers: they always equal the sums of the
/// campaign-level rows, through inserts, restatements and days a re-sync no longer reports.
@Suite("Reporting rollups")
struct ReportingStoreTests {
    static let later = MetricsStoreTests.later

    @Test("rollups follow inserts, restated rows and removed days, and count only campaign-level rows")
    func rollupsFollowRows() async throws {
        let (store, campaign, account) = try await MetricsStoreTests.launched()
        let start = try await store.startSyncRun(
            SyncRun(
                id: UUID(), accountID: account.id, platform: .meta, kind: .full, campaignID: nil, since: "2027-01-01",
                until: "2027-01-03", startedAt: Self.later), staleAfter: .seconds(600))
        let first = (1...3).flatMap { day in
            [EntityKind.campaign, .ad].map {
                MetricsStoreTests.row(
                    campaign.id, $0, $0 == .ad ? "a1" : "c1", "2027-01-0\(day)", spend: 1000, at: Self.later)
            }
        }
        _ = try await store.recordSyncChunk(
            SyncChunk(
                runID: start.run.id, campaigns: [campaign.id], since: "2027-01-01", until: "2027-01-03", rows: first,
                observations: [], calls: [], syncedAt: Self.later))
        try await expectRollups(
            in: store, campaign: campaign.id, spends: ["2027-01-01": 1000, "2027-01-02": 1000, "2027-01-03": 1000])

        // Day 2 restated, day 3 no longer reported at campaign level.
        _ = try await store.recordSyncChunk(
            SyncChunk(
                runID: start.run.id, campaigns: [campaign.id], since: "2027-01-02", until: "2027-01-03",
                rows: [MetricsStoreTests.row(campaign.id, .campaign, "c1", "2027-01-02", spend: 1500, at: Self.later)],
                observations: [], calls: [], syncedAt: Self.later))
        try await expectRollups(
            in: store, campaign: campaign.id, spends: ["2027-01-01": 1000, "2027-01-02": 1500, "2027-01-03": 0])
    }

    @Test("the campaign list sorts by a figure with campaigns without one last, and pages without overlap")
    func performanceOrder() async throws {
        let (store, campaign, account) = try await MetricsStoreTests.launched()
        let page = try await store.campaignPerformance(
            CampaignFilter(), order: CampaignOrder(key: .roas, descending: true), page: PageRequest(limit: 10))
        #expect(page.total == 1)
        #expect(page.items.first?.totals == nil)
        let start = try await store.startSyncRun(
            SyncRun(
                id: UUID(), accountID: account.id, platform: .meta, kind: .full, campaignID: nil, since: "2027-01-01",
                until: "2027-01-01", startedAt: Self.later), staleAfter: .seconds(600))
        _ = try await store.recordSyncChunk(
            SyncChunk(
                runID: start.run.id, campaigns: [campaign.id], since: "2027-01-01", until: "2027-01-01",
                rows: [MetricsStoreTests.row(campaign.id, .campaign, "c1", "2027-01-01", spend: 2000, at: Self.later)],
                observations: [], calls: [], syncedAt: Self.later))
        for key in CampaignOrder.Key.allCases {
            for descending in [true, false] {
                let sorted = try await store.campaignPerformance(
                    CampaignFilter(platform: .meta), order: CampaignOrder(key: key, descending: descending),
                    page: PageRequest(limit: 10))
                #expect(sorted.items.map(\.campaign.id) == [campaign.id], "\(key) \(descending)")
            }
        }
        let row = try #require(
            try await store.campaignPerformance(CampaignFilter(), order: CampaignOrder(), page: PageRequest()).items
                .first)
        #expect(row.totals?.spend.minorUnits == 2000)
        #expect(row.totals?.conversionValue.minorUnits == 6000)
        let none = try await store.campaignPerformance(
            CampaignFilter(platform: .google), order: CampaignOrder(), page: PageRequest())
        #expect(none.total == 0)
    }

    /// The rollups equal the campaign-level rows' sums: per campaign, and per day and platform.
    private func expectRollups(
        in store: SQLiteTraffickingStore, campaign: UUID, spends: [String: Int64]
    ) async throws {
        let rows = try await store.metrics(
            campaign: campaign, since: "2027-01-01", until: "2027-01-31", level: .campaign)
        let total = rows.map(\.totals.spend.minorUnits).reduce(0, +)
        let performance = try await store.campaignPerformance(
            CampaignFilter(), order: CampaignOrder(key: .spend), page: PageRequest())
        #expect(performance.items.first?.totals?.spend.minorUnits == total)
        #expect(total == spends.values.reduce(0, +))
        let days = try await store.dailyTotals(since: "2027-01-01", until: "2027-01-31")
        for (date, spend) in spends {
            let day = days.filter { $0.date == date }.map(\.totals.spend.minorUnits).reduce(0, +)
            #expect(day == spend, "\(date)")
        }
        #expect(days.allSatisfy { $0.platform == .meta })
    }
}
