import AdPlatformKit
import AdPlatformTesting
import Foundation
import SnapchatAds
import Testing

@Suite("The platform through a scripted transport")
struct PlatformFlowTests {
    typealias V = SnapchatTestValues
    let account = SnapchatTestValues.account()

    @Test("campaign → ad squad → media → creative → ad: requests in order, entities linked")
    func fullHierarchy() async throws {
        let transport = ScriptedTransport()
        for name in [
            "create_campaign_response", "create_adsquad_response", "create_media_response", "upload_media_response",
            "create_creative_response", "create_ad_response",
        ] {
            transport.enqueue(json: try Fixture.text(name))
        }
        let platform = SnapchatAdsPlatform(transport: transport)

        let campaign = try await platform.createCampaign(V.campaignSpec(), in: account)
        let squad = try await platform.createAdGroup(V.squadSpec(), under: campaign, in: account)
        let media = try await platform.uploadMedia(V.upload, in: account)
        var spec = V.adSpec(media: [])
        spec.media = [media]
        let created = try await platform.createAd(spec, under: squad, in: account)

        let requests = transport.requests
        #expect(
            requests.map { "\($0.method.rawValue) \($0.url.path())" } == [
                "POST /v1/adaccounts/\(V.accountID)/campaigns",
                "POST /v1/campaigns/\(V.campaignID)/adsquads",
                "POST /v1/adaccounts/\(V.accountID)/media",
                "POST /v1/media/\(V.mediaID)/upload",
                "POST /v1/adaccounts/\(V.accountID)/creatives",
                "POST /v1/adsquads/\(V.adSquadID)/ads",
            ])
        let fixtures = [
            "create_campaign_request", "create_adsquad_request", "create_media_request", "upload_media_request",
            "create_creative_request", "create_ad_request",
        ]
        for (request, fixture) in zip(requests, fixtures) {
            #expect(try RequestExpectation.differences(request, fixture: fixture) == [], "\(fixture)")
        }

        #expect(campaign.id == V.campaignID)
        #expect(campaign.kind == .campaign)
        #expect(campaign.parentID == V.accountID)
        #expect(squad.id == V.adSquadID)
        #expect(squad.parentID == campaign.id)
        #expect(squad.attributes["daily_budget_micro"] == "50000000")
        #expect(
            media
                == UploadedMedia(
                    kind: .image, reference: V.mediaID, id: V.mediaID,
                    url: "https://storage.example.test/media/a7bee653.png"))
        #expect(created.map(\.kind) == [.creative, .ad])
        #expect(created.map(\.id) == [V.creativeID, V.adID])
        #expect(created[0].name == "Hero [ao-3c4d5e6f70]")
        #expect(created[0].attributes["top_snap_media_id"] == media.reference)
        #expect(created[1].parentID == squad.id)
        #expect(created[1].attributes["creative_id"] == created[0].id)
        #expect(created[1].status == .paused)
    }

    @Test("recovery reuses the creative carrying the marker, found on the second page")
    func recoveryReusesCreative() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: try Fixture.text("list_creatives_page1_response"))
        transport.enqueue(json: try Fixture.text("list_creatives_page2_response"))
        transport.enqueue(json: try Fixture.text("create_ad_response"))
        let platform = SnapchatAdsPlatform(transport: transport)

        let created = try await platform.createAd(
            V.adSpec(isRecovery: true), under: V.entity(.adGroup, V.adSquadID), in: account)

        let requests = transport.requests
        #expect(requests.count == 3)
        #expect(requests.map(\.method) == [.get, .get, .post])
        #expect(requests[0].queryValue("cursor") == nil)
        #expect(try RequestExpectation.differences(requests[1], fixture: "lookup_creatives_next_page_request") == [])
        #expect(try RequestExpectation.differences(requests[2], fixture: "create_ad_request") == [])
        #expect(created.map(\.id) == [V.creativeID, V.adID])
    }

    @Test("recovery without a marked creative creates one")
    func recoveryCreatesCreative() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: #"{"request_status":"SUCCESS","creatives":[]}"#)
        transport.enqueue(json: try Fixture.text("create_creative_response"))
        transport.enqueue(json: try Fixture.text("create_ad_response"))
        let platform = SnapchatAdsPlatform(transport: transport)

        let created = try await platform.createAd(
            V.adSpec(isRecovery: true), under: V.entity(.adGroup, V.adSquadID), in: account)

        #expect(
            transport.requests.map { "\($0.method.rawValue) \($0.url.path())" } == [
                "GET /v1/adaccounts/\(V.accountID)/creatives",
                "POST /v1/adaccounts/\(V.accountID)/creatives",
                "POST /v1/adsquads/\(V.adSquadID)/ads",
            ])
        #expect(created.map(\.id) == [V.creativeID, V.adID])
    }

    @Test("findEntity returns nil when no page carries the marker, and stops at the last page")
    func findNothing() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: try Fixture.text("list_creatives_page1_response"))
        transport.enqueue(json: try Fixture.text("list_creatives_page2_response"))
        let platform = SnapchatAdsPlatform(transport: transport)
        let found = try await platform.findEntity(
            marked: IdempotencyMarker(value: "ao-0000000000"), kind: .creative, under: nil, in: account)
        #expect(found == nil)
        #expect(transport.requests.count == 2)
    }

    @Test("findEntity matches the exact marker, not a similar name")
    func findExact() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: try Fixture.text("list_campaigns_response"))
        let platform = SnapchatAdsPlatform(transport: transport)
        let found = try await platform.findEntity(
            marked: V.campaignMarker, kind: .campaign, under: nil, in: account)
        #expect(found?.id == V.campaignID)
        #expect(transport.requests.count == 1)
        #expect(transport.lastRequest?.queryValue("limit") == "1000")
    }

    @Test("setStatus reads the campaign, then PUTs it back with the new status")
    func setStatus() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: try Fixture.text("read_campaign_response"))
        transport.enqueue(json: try Fixture.text("update_campaign_response"))
        let platform = SnapchatAdsPlatform(transport: transport)
        try await platform.setStatus(.active, of: V.entity(.campaign, V.campaignID), in: account)
        let requests = transport.requests
        #expect(requests.count == 2)
        #expect(try RequestExpectation.differences(requests[0], fixture: "read_campaign_request") == [])
        #expect(try RequestExpectation.differences(requests[1], fixture: "update_campaign_status_request") == [])
    }

    @Test("setStatus removed is one DELETE")
    func remove() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: try Fixture.text("delete_ad_response"))
        let platform = SnapchatAdsPlatform(transport: transport)
        try await platform.setStatus(.removed, of: V.entity(.ad, V.adID), in: account)
        #expect(transport.requests.count == 1)
        #expect(
            try RequestExpectation.differences(try #require(transport.lastRequest), fixture: "delete_ad_request") == [])
    }

    @Test("setStatus on a creative is unsupported and sends nothing")
    func statusOfCreative() async {
        let transport = ScriptedTransport()
        let platform = SnapchatAdsPlatform(transport: transport)
        let error = await #expect(throws: AdPlatformError.self) {
            try await platform.setStatus(.paused, of: V.entity(.creative, V.creativeID), in: self.account)
        }
        #expect(error?.code == .unsupported)
        #expect(transport.requests.isEmpty)
    }

    @Test("setBudget reads the ad squad, then PUTs it back with the new budget")
    func setBudget() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: try Fixture.text("read_adsquad_response"))
        transport.enqueue(json: try Fixture.text("update_adsquad_response"))
        let platform = SnapchatAdsPlatform(transport: transport)
        try await platform.setBudget(
            Budget(.lifetime, Money(minorUnits: 75_000, currency: .usd)), of: V.entity(.adGroup, V.adSquadID),
            in: account)
        let requests = transport.requests
        #expect(requests.map(\.method) == [.get, .put])
        #expect(requests[0].url.path() == "/v1/adsquads/\(V.adSquadID)")
        #expect(try RequestExpectation.differences(requests[1], fixture: "update_adsquad_budget_request") == [])
    }

    @Test("setBudget on a campaign is unsupported: budgets sit on ad squads")
    func budgetOnCampaign() async {
        let platform = SnapchatAdsPlatform(transport: ScriptedTransport())
        let error = await #expect(throws: AdPlatformError.self) {
            try await platform.setBudget(
                Budget(.daily, Money(minorUnits: 5_000, currency: .usd)), of: V.entity(.campaign, V.campaignID),
                in: self.account)
        }
        #expect(error?.code == .unsupported)
        #expect(error?.operation == "setBudget")
    }

    @Test("fetchMetrics: one stats call per entity, one row each")
    func metrics() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: try Fixture.text("stats_total_response"))
        transport.enqueue(json: try Fixture.text("stats_timeseries_response"))
        let platform = SnapchatAdsPlatform(transport: transport)
        let rows = try await platform.fetchMetrics(
            MetricsQuery(
                level: .adGroup, entityIDs: [V.adSquadID, "second"], since: "2026-12-01", until: "2026-12-07"),
            in: account)
        #expect(rows.map(\.entityID) == [V.adSquadID, "second"])
        #expect(rows.map(\.clicks) == [3_412, 25])
        #expect(try RequestExpectation.differences(transport.requests[0], fixture: "stats_request") == [])
        #expect(transport.requests[1].url.path() == "/v1/adsquads/second/stats")
    }

    @Test("fetchMetrics without ids lists the level's entities first")
    func metricsForAll() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(
            json: #"""
                {"request_status":"SUCCESS","ads":[{"sub_request_status":"SUCCESS","ad":{"id":"ad-1","name":"A"}}]}
                """#)
        transport.enqueue(json: try Fixture.text("stats_total_response"))
        let platform = SnapchatAdsPlatform(transport: transport)
        let rows = try await platform.fetchMetrics(
            MetricsQuery(level: .ad, entityIDs: [], since: "2026-12-01", until: "2026-12-01"), in: account)
        #expect(rows.map(\.entityID) == ["ad-1"])
        #expect(
            transport.requests.map { $0.url.path() } == [
                "/v1/adaccounts/\(V.accountID)/ads", "/v1/ads/ad-1/stats",
            ])
        #expect(transport.requests[0].queryValue("limit") == "1000")
    }

    @Test("readEntity and listEntities")
    func reading() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: try Fixture.text("create_adsquad_response"))
        transport.enqueue(json: try Fixture.text("list_campaigns_response"))
        let platform = SnapchatAdsPlatform(transport: transport)
        let squad = try await platform.readEntity(.adGroup, id: V.adSquadID, in: account)
        #expect(squad.id == V.adSquadID)
        #expect(squad.parentID == V.campaignID)
        let page = try await platform.listEntities(.campaign, in: account, pageSize: 50, after: "prev")
        #expect(page.nextCursor == "Q2FtcGFpZ25QYWdlMg")
        #expect(page.entities.count == 2)
        #expect(transport.requests[1].queryValue("cursor") == "prev")
        #expect(transport.requests[1].queryValue("limit") == "50")
    }

    @Test("a Snap error answer surfaces as the mapped error")
    func errorAnswer() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(status: 404, json: try Fixture.text("error_not_found_response"))
        let platform = SnapchatAdsPlatform(transport: transport)
        let error = await #expect(throws: AdPlatformError.self) {
            try await platform.readEntity(.campaign, id: "missing", in: self.account)
        }
        #expect(error?.code == .notFound)
        #expect(error?.operation == "readEntity")
        #expect(error?.httpStatus == 404)
    }

    @Test("a rate-limited create carries Snap's wait")
    func rateLimited() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(
            status: 429, json: #"{"request_status":"ERROR","debug_message":"Too many requests","error_code":"E1008"}"#,
            headers: ["Retry-After": "3"])
        let platform = SnapchatAdsPlatform(transport: transport)
        let error = await #expect(throws: AdPlatformError.self) {
            try await platform.createCampaign(V.campaignSpec(), in: self.account)
        }
        #expect(error?.code == .rateLimited)
        #expect(error?.retryAfter == .seconds(3))
        #expect(error?.operation == "createCampaign")
    }

    @Test("errors thrown by the transport pass through unchanged")
    func transportErrors() async {
        struct Unplugged: Error, Equatable {}
        let platform = SnapchatAdsPlatform(transport: ScriptedTransport { _ in throw Unplugged() })
        await #expect(throws: Unplugged.self) {
            try await platform.createCampaign(V.campaignSpec(), in: self.account)
        }
        let transient = SnapchatAdsPlatform(
            transport: ScriptedTransport { _ in
                throw AdPlatformError(code: .transient, message: "connection refused", operation: "transport")
            })
        let error = await #expect(throws: AdPlatformError.self) {
            try await transient.readEntity(.ad, id: "a", in: self.account)
        }
        #expect(error?.code == .transient)
        #expect(error?.message == "connection refused")
        #expect(error?.operation == "transport")
    }

    @Test("the configured host is used for every call")
    func configuredHost() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: try Fixture.text("create_campaign_response"))
        let emulator = try #require(URL(string: "http://127.0.0.1:4010"))
        let platform = SnapchatAdsPlatform(
            transport: transport, configuration: SnapchatAdsConfiguration(baseURL: emulator))
        _ = try await platform.createCampaign(V.campaignSpec(), in: account)
        #expect(
            transport.lastRequest?.url.absoluteString == "http://127.0.0.1:4010/v1/adaccounts/\(V.accountID)/campaigns")
    }
}
