import AdPlatformKit
import Foundation
import Hummingbird
import Testing
import Trafficking

/// `GET /api/v1/campaigns/{id}/metrics`, and the latest metrics and drifts of a campaign's detail.
@Suite struct MetricsRoutesTests {
    /// A campaign on `platform`, launched on a new account (campaign c1, ad group g1, ad a1).
    static func launchedCampaign(
        on platform: PlatformID = .meta, in store: SQLiteTraffickingStore
    ) async throws -> Campaign {
        let account = try await store.createAccount(
            NewAdAccount(
                platform: platform, platformAccountID: "act_\(Int.random(in: 1000...9999))", name: "Disney+",
                currency: .usd, credentials: PlatformCredentials(accessToken: "secret")))
        let request = try TraffickingRequestDecoder().decode(
            JSONSerialization.data(withJSONObject: APIHarness.request()))
        let job = try #require(
            try await store.enqueue([
                NewCampaignJob(
                    id: .timeOrdered(at: store.clock.now), accountID: account.id, platform: platform,
                    request: request, batchID: UUID())
            ]).first)
        _ = try await store.claimJobs(owner: "w", limit: 1, lease: .seconds(60), now: store.clock.now)
        var parent = "act"
        for (key, kind, id) in [
            ("campaign", EntityKind.campaign, "c1"), ("adGroup/families", .adGroup, "g1"),
            ("ad/0/families/social-hero", .ad, "a1"),
        ] {
            try await store.startStep(job: job.id, key: key, kind: kind, marker: nil, calls: [], at: store.clock.now)
            try await store.completeStep(
                job: job.id, key: key,
                entities: [PlatformEntity(platform: platform, kind: kind, id: id, name: id, parentID: parent)],
                media: nil, calls: [], at: store.clock.now)
            parent = id
        }
        try await store.finish(job: job.id, owner: "w", outcome: .success(platformCampaignID: "c1"))
        return try #require(try await store.campaign(job: job.id))
    }

    /// One row of 1000 impressions, 10 clicks, 2 conversions, `spend` cents and three times that in value.
    static func row(
        _ campaign: Campaign, _ level: EntityKind, _ id: String, _ date: String, spend: Int64
    ) -> DailyMetric {
        DailyMetric(
            campaignID: campaign.id, level: level, platformID: id, date: date, attributionWindow: "7d_click_1d_view",
            totals: MetricTotals(
                impressions: 1000, clicks: 10, spend: Money(minorUnits: spend, currency: .usd), conversions: 2,
                conversionValue: Money(minorUnits: spend * 3, currency: .usd)),
            syncedAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    /// Stores `rows` as one sync run over `since`…`until` would.
    static func record(
        _ rows: [DailyMetric], of campaign: Campaign, since: String, until: String, in store: SQLiteTraffickingStore
    )
        async throws
    {
        let start = try await store.startSyncRun(
            SyncRun(
                id: .timeOrdered(at: store.clock.now), accountID: campaign.accountID, platform: campaign.platform,
                kind: .full, campaignID: nil, since: since, until: until, startedAt: store.clock.now),
            staleAfter: .seconds(600))
        _ = try await store.recordSyncChunk(
            SyncChunk(
                runID: start.run.id, campaigns: [campaign.id], since: since, until: until, rows: rows,
                observations: [], calls: [], syncedAt: store.clock.now))
        var finished = start.run
        finished.status = .succeeded
        finished.finishedAt = store.clock.now
        try await store.finishSyncRun(finished)
    }

    /// The UTC day `date` falls on, `YYYY-MM-DD`.
    static func day(_ date: Date) -> String { Date.ISO8601FormatStyle().year().month().day().format(date) }

    /// The day `offset` days from today, by the store's clock.
    static func day(_ offset: Int, in store: SQLiteTraffickingStore) -> String {
        day(store.clock.now.addingTimeInterval(Double(offset) * 86_400))
    }

    static func path(_ campaign: Campaign) -> String { "/api/v1/campaigns/\(campaign.id.uuidString)/metrics" }

    @Test("rows between two days and their total, summed at the campaign level, never averaged; one level on ask")
    func rowsAndTotal() async throws {
        let harness = try APIHarness()
        let store = harness.store
        let campaign = try await Self.launchedCampaign(in: store)
        let days = (-2...0).map { Self.day($0, in: store) }
        let spends: [Int64] = [1000, 1500, 1200]
        let rows = zip(days, spends).flatMap { day, spend in
            [Self.row(campaign, .campaign, "c1", day, spend: spend), Self.row(campaign, .ad, "a1", day, spend: 100)]
        }
        try await Self.record(rows, of: campaign, since: days[0], until: days[2], in: store)
        try await harness.run { client in
            let reply = try await client.send(.get, "\(Self.path(campaign))?from=\(days[0])&to=\(days[2])")
            #expect(reply.status == .ok, "\(reply.text)")
            #expect(reply.object["campaign_id"] as? String == campaign.id.uuidString)
            #expect(reply.object["from"] as? String == days[0] && reply.object["to"] as? String == days[2])
            #expect(reply.object["level"] == nil)
            #expect(reply.object["last_synced_at"] is String)
            let total = try #require(reply.object["total"] as? [String: Any])
            #expect(total["impressions"] as? Int == 3000)
            #expect(total["clicks"] as? Int == 30)
            #expect((total["spend"] as? [String: String])?["amount"] == "37.00")
            #expect((total["conversion_value"] as? [String: String])?["amount"] == "111.00")
            // CPA of the range is its spend over its conversions (37.00 / 6), not the mean of the daily CPAs.
            let cpa = try #require(total["cpa"] as? Double)
            #expect(abs(cpa - 37.0 / 6) < 1e-9)
            #expect(total["roas"] as? Double == 3)
            let items = try #require(reply.object["rows"] as? [[String: Any]])
            #expect(items.count == 6)
            #expect(items.first?["date"] as? String == days[0])
            #expect(Set(items.compactMap { $0["level"] as? String }) == ["campaign", "ad"])

            let ads = try await client.send(.get, "\(Self.path(campaign))?from=\(days[1])&to=\(days[2])&level=ad")
            #expect(ads.status == .ok, "\(ads.text)")
            #expect(ads.object["level"] as? String == "ad")
            let adRows = try #require(ads.object["rows"] as? [[String: Any]])
            #expect(adRows.map { $0["platform_id"] as? String } == ["a1", "a1"])
            #expect(((ads.object["total"] as? [String: Any])?["spend"] as? [String: String])?["amount"] == "2.00")
        }
    }

    @Test("without from and to: the flight's first day, capped to 366 days, through today")
    func defaultRange() async throws {
        let harness = try APIHarness()
        let campaign = try await Self.launchedCampaign(in: harness.store)
        let today = Self.day(0, in: harness.store)
        let earliest = Self.day(-365, in: harness.store)
        let expected = min(max(Self.day(campaign.schedule.start), earliest), today)
        try await harness.run { client in
            let reply = try await client.send(.get, Self.path(campaign))
            #expect(reply.status == .ok, "\(reply.text)")
            #expect(reply.object["to"] as? String == today)
            #expect(reply.object["from"] as? String == expected)
            #expect((reply.object["rows"] as? [Any])?.isEmpty == true)
            #expect(((reply.object["total"] as? [String: Any])?["spend"] as? [String: String])?["amount"] == "0.00")
            #expect((reply.object["total"] as? [String: Any])?["cpa"] == nil, "no conversions, no CPA")
            // 366 days, counting both ends, is the most one request covers.
            let year = try await client.send(.get, "\(Self.path(campaign))?from=2026-01-02&to=2027-01-02")
            #expect(year.status == .ok, "\(year.text)")
            let leap = try await client.send(.get, "\(Self.path(campaign))?from=2028-02-29&to=2028-03-01")
            #expect(leap.status == .ok, "\(leap.text)")
            #expect(leap.object["from"] as? String == "2028-02-29" && leap.object["to"] as? String == "2028-03-01")
        }
    }

    @Test(
        "a malformed or too long range, or an unknown level, is a 400 naming the parameter",
        arguments: [
            ("from=2027-02-30", "from"), ("to=2027-13-01", "to"), ("to=20270101", "to"), ("from=2027-1-05", "from"),
            ("to=2027-01-01T00:00:00Z", "to"), ("from=+027-01-01", "from"), ("from=2027-01-02&to=2027-01-01", "from"),
            ("from=2026-01-01&to=2027-01-02", "from"), ("level=creative", "level"), ("level=Campaign", "level"),
            ("level=", "level"), ("from=2027-02-29", "from"), ("to=1900-02-29", "to"), ("from=0000-01-01", "from"),
            ("to=2027-01-1x", "to"),
        ])
    func badRange(query: String, field: String) async throws {
        let harness = try APIHarness()
        let campaign = try await Self.launchedCampaign(in: harness.store)
        try await harness.run { client in
            let reply = try await client.send(.get, "\(Self.path(campaign))?\(query)")
            #expect(reply.isProblem(.badRequest), "\(reply.text)")
            #expect(reply.violationFields == [field], "\(reply.text)")
        }
    }

    @Test("a from after today, with to left out, is a 400 naming from; an unknown campaign a 404; a bad id a 400")
    func futureAndUnknown() async throws {
        let harness = try APIHarness()
        let campaign = try await Self.launchedCampaign(in: harness.store)
        let tomorrow = Self.day(1, in: harness.store)
        try await harness.run { client in
            let future = try await client.send(.get, "\(Self.path(campaign))?from=\(tomorrow)")
            #expect(future.isProblem(.badRequest), "\(future.text)")
            #expect(future.violationFields == ["from"])
            let missing = try await client.send(.get, "/api/v1/campaigns/\(UUID().uuidString)/metrics")
            #expect(missing.isProblem(.notFound), "\(missing.text)")
            #expect(missing.violationFields == ["id"])
            let malformed = try await client.send(.get, "/api/v1/campaigns/nope/metrics")
            #expect(malformed.isProblem(.badRequest))
            #expect(malformed.violationFields == ["id"])
        }
    }

    @Test("a campaign's detail has its campaign-level totals of the last 7 days and its drifts; list items do not")
    func detail() async throws {
        let harness = try APIHarness()
        let store = harness.store
        let campaign = try await Self.launchedCampaign(in: store)
        let old = Self.day(-7, in: store)
        let week = (-6...0).map { Self.day($0, in: store) }
        let rows =
            [Self.row(campaign, .campaign, "c1", old, spend: 9999)]
            + week.map { Self.row(campaign, .campaign, "c1", $0, spend: 1000) }
            + [Self.row(campaign, .adGroup, "g1", week[6], spend: 500)]
        try await Self.record(rows, of: campaign, since: old, until: week[6], in: store)
        // The first observation tells us the status if the launch did not; the second differs from it.
        for (status, seconds) in [(DeliveryStatus.paused, 0.0), (.active, 60)] {
            _ = try await store.recordObservations(
                [
                    EntityObservation(
                        platform: .meta, platformID: "c1", status: status,
                        observedAt: store.clock.now.addingTimeInterval(seconds))
                ], source: .webhook)
        }
        let drifts = try await store.drifts(campaign: campaign.id)
        #expect(drifts.count == 1)
        try await harness.run { client in
            let reply = try await client.send(.get, "/api/v1/campaigns/\(campaign.id.uuidString)")
            #expect(reply.status == .ok, "\(reply.text)")
            let latest = try #require(reply.object["latest_metrics"] as? [String: Any])
            #expect(latest["from"] as? String == week[0] && latest["to"] as? String == week[6])
            #expect((latest["spend"] as? [String: String])?["amount"] == "70.00")
            #expect(latest["impressions"] as? Int == 7000)
            let listed = try #require(reply.object["drifts"] as? [[String: Any]])
            #expect(listed.count == 1)
            #expect(listed.first?["field"] as? String == "status")
            #expect(listed.first?["ours"] as? String == "PAUSED")
            #expect(listed.first?["platform_value"] as? String == "ACTIVE")
            #expect(listed.first?["platform_id"] as? String == "c1")
            #expect(listed.first?["source"] as? String == "webhook")
            #expect((reply.object["links"] as? [String: String])?["metrics"] == Self.path(campaign))

            let list = try await client.send(.get, "/api/v1/campaigns")
            let items = try #require(list.object["data"] as? [[String: Any]])
            #expect(!items.isEmpty && items.allSatisfy { $0["latest_metrics"] == nil && $0["drifts"] == nil })
        }
    }
}
