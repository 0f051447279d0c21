import AdPlatformKit
import AdPlatformTesting
import Foundation
import Testing
import TikTokAds

@Suite("The platform through a scripted transport")
struct PlatformFlowTests {
    @Test func fullHierarchy() async throws {
        let transport = ScriptedTransport()
        for name in [
            "create_campaign_response", "create_adgroup_response", "upload_image_response", "create_ad_response",
        ] {
            transport.enqueue(try Fixtures.response(name))
        }
        let platform = TikTokAdsPlatform(transport: transport)
        let account = Samples.identityAccount

        let campaign = try await platform.createCampaign(Samples.campaignSpec(), in: account)
        let adGroup = try await platform.createAdGroup(Samples.adGroupSpec(), under: campaign, in: account)
        let image = try await platform.uploadMedia(Samples.imageUpload, in: account)
        let created = try await platform.createAd(Samples.adSpec(media: [image]), under: adGroup, in: account)

        let requests = transport.requests
        #expect(requests.map(\.method) == [.post, .post, .post, .post])
        #expect(
            requests.map(\.path) == [
                "/open_api/v1.3/campaign/create/", "/open_api/v1.3/adgroup/create/",
                "/open_api/v1.3/file/image/ad/upload/", "/open_api/v1.3/ad/create/",
            ])
        #expect(requests.allSatisfy { $0.headers["Access-Token"] == "TOKEN" })
        try RequestExpectations.expect(requests[0], matches: "create_campaign_request")
        try RequestExpectations.expect(requests[1], matches: "create_adgroup_request")
        try RequestExpectations.expect(requests[2], matches: "upload_image_request")
        try RequestExpectations.expect(requests[3], matches: "create_ad_request")

        #expect(campaign.id == "1800000000000001")
        #expect(campaign.kind == .campaign)
        #expect(campaign.platform == .tiktok)
        #expect(campaign.name == "Winter launch [ao-1a2b3c4d5e]")
        #expect(campaign.status == .paused)
        #expect(campaign.parentID == nil)
        #expect(campaign.attributes == ["objective_type": "TRAFFIC"])

        #expect(adGroup.id == "1810000000000001")
        #expect(adGroup.kind == .adGroup)
        #expect(adGroup.parentID == campaign.id)
        #expect(
            adGroup.attributes == [
                "campaign_id": "1800000000000001", "budget_mode": "BUDGET_MODE_DAY", "budget": "50.25",
            ])

        #expect(image == Samples.uploadedImage)

        #expect(created.count == 1)
        let ad = try #require(created.first)
        #expect(ad.id == "1820000000000001")
        #expect(ad.kind == .ad)
        #expect(ad.name == "Hero ad [ao-3c4d5e6f70]")
        #expect(ad.status == .paused)
        #expect(ad.parentID == adGroup.id)
        #expect(
            ad.attributes == [
                "adgroup_id": "1810000000000001", "campaign_id": "1800000000000001", "image_ids": "ad-image-001",
            ])
    }

    @Test func recoveryCreatesTheAdAgainBecauseThereIsNoSeparateCreative() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(try Fixtures.response("create_ad_creatives_only_response"))
        let platform = TikTokAdsPlatform(transport: transport)
        let created = try await platform.createAd(
            Samples.adSpec(isRecovery: true), under: Samples.adGroup, in: Samples.account())
        #expect(created.map(\.id) == ["1820000000000002"])
        #expect(transport.requests.map(\.path) == ["/open_api/v1.3/ad/create/"])
    }

    @Test func errorEnvelopeNamesTheOperation() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(try Fixtures.response("error_rate_limited"))
        let platform = TikTokAdsPlatform(transport: transport)
        let error = try await #require(throws: AdPlatformError.self) {
            try await platform.createCampaign(Samples.campaignSpec(), in: Samples.account())
        }
        #expect(error.code == .rateLimited)
        #expect(error.operation == "createCampaign")
        #expect(error.platformCode == "40100")
        #expect(error.requestID == "202603011200000099")
        #expect(error.disposition == .retry)
    }

    struct ConnectionReset: Error, Equatable {}

    @Test func transportErrorsPassThroughUnchanged() async throws {
        let transport = ScriptedTransport { _ in throw ConnectionReset() }
        let platform = TikTokAdsPlatform(transport: transport)
        await #expect(throws: ConnectionReset()) {
            try await platform.setStatus(.paused, of: Samples.adGroup, in: Samples.account())
        }
    }

    @Test func setStatusAndBudgetSendTheirUpdates() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(try Fixtures.response("status_update_response"))
        transport.enqueue(try Fixtures.response("status_update_response"))
        let platform = TikTokAdsPlatform(transport: transport)
        try await platform.setStatus(.active, of: Samples.adGroup, in: Samples.account())
        try await platform.setBudget(Budget(.daily, Samples.usd("75.50")), of: Samples.adGroup, in: Samples.account())
        try RequestExpectations.expect(transport.requests[0], matches: "status_update_request")
        try RequestExpectations.expect(transport.requests[1], matches: "budget_update_request")
    }

    @Test func setBudgetRejectedAsTooLow() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(try Fixtures.response("error_budget_too_low"))
        let platform = TikTokAdsPlatform(transport: transport)
        let error = try await #require(throws: AdPlatformError.self) {
            try await platform.setBudget(Budget(.daily, Samples.usd("5")), of: Samples.adGroup, in: Samples.account())
        }
        #expect(error.code == .budgetTooLow)
        #expect(error.operation == "setBudget")
        #expect(error.fieldPath == "budget")
    }

    @Test func findCampaignFollowsPagesAndChecksTheMarkerExactly() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(try Fixtures.response("campaign_get_page1"))
        transport.enqueue(try Fixtures.response("campaign_get_page2"))
        let platform = TikTokAdsPlatform(transport: transport)
        let found = try await platform.findEntity(
            marked: IdempotencyMarker(value: "ao-1a2b3c4d5e"), kind: .campaign, under: nil, in: Samples.account())
        // Page 1 holds only fuzzy matches; the exact one is on page 2.
        #expect(found?.id == "1800000000000001")
        #expect(found?.status == .paused)
        #expect(transport.requests.map { $0.queryValue("page") } == ["1", "2"])
        try RequestExpectations.expect(transport.requests[0], matches: "lookup_campaign_request")
    }

    @Test func findReturnsNilWhenPagesAreExhausted() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(try Fixtures.response("campaign_get_page1"))
        transport.enqueue(try Fixtures.response("empty_list_response"))
        let platform = TikTokAdsPlatform(transport: transport)
        let found = try await platform.findEntity(
            marked: IdempotencyMarker(value: "ao-ffffffffff"), kind: .campaign, under: nil, in: Samples.account())
        #expect(found == nil)
        #expect(transport.requests.count == 2)
    }

    @Test func findAdChecksNamesUnderTheAdGroup() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(try Fixtures.response("ad_get_response"))
        let platform = TikTokAdsPlatform(transport: transport)
        let found = try await platform.findEntity(
            marked: IdempotencyMarker(value: "ao-3c4d5e6f70"), kind: .ad, under: Samples.adGroup,
            in: Samples.account())
        #expect(found?.id == Samples.adID)
        #expect(found?.parentID == Samples.adGroupID)
        #expect(found?.attributes["campaign_id"] == Samples.campaignID)
        try RequestExpectations.expect(try #require(transport.lastRequest), matches: "lookup_ad_request")
    }

    @Test func findAdGroupSendsMarkerAndCampaign() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(try Fixtures.response("adgroup_get_response"))
        let platform = TikTokAdsPlatform(transport: transport)
        let found = try await platform.findEntity(
            marked: IdempotencyMarker(value: "ao-2b3c4d5e6f"), kind: .adGroup, under: Samples.campaign,
            in: Samples.account())
        #expect(found?.id == Samples.adGroupID)
        #expect(found?.status == .removed)
        try RequestExpectations.expect(try #require(transport.lastRequest), matches: "lookup_adgroup_request")
    }

    @Test func readEntityFindsAndMisses() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(try Fixtures.response("ad_get_response"))
        transport.enqueue(try Fixtures.response("empty_list_response"))
        let platform = TikTokAdsPlatform(transport: transport)
        let ad = try await platform.readEntity(.ad, id: Samples.adID, in: Samples.account())
        #expect(ad.name == "Hero ad [ao-3c4d5e6f70]")
        #expect(ad.status == .paused)
        try RequestExpectations.expect(transport.requests[0], matches: "read_ad_request")
        let error = try await #require(throws: AdPlatformError.self) {
            try await platform.readEntity(.ad, id: "404", in: Samples.account())
        }
        #expect(error.code == .notFound)
        #expect(error.operation == "readEntity")
    }

    @Test func listEntitiesPagesWithCursor() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(try Fixtures.response("campaign_get_page1"))
        transport.enqueue(try Fixtures.response("campaign_get_page2"))
        let platform = TikTokAdsPlatform(transport: transport)
        let first = try await platform.listEntities(.campaign, in: Samples.account(), pageSize: 2, after: nil)
        #expect(first.entities.count == 2)
        #expect(first.nextCursor == "2")
        let second = try await platform.listEntities(
            .campaign, in: Samples.account(), pageSize: 2, after: first.nextCursor)
        #expect(second.entities.map(\.id) == ["1800000000000001"])
        #expect(second.nextCursor == nil)
        #expect(transport.requests.map { $0.queryValue("page") } == ["1", "2"])
        #expect(transport.requests.map { $0.queryValue("page_size") } == ["2", "2"])
    }

    @Test func listEntitiesRejectsForeignCursor() async throws {
        let platform = TikTokAdsPlatform(transport: ScriptedTransport())
        let error = try await #require(throws: AdPlatformError.self) {
            try await platform.listEntities(.ad, in: Samples.account(), pageSize: 10, after: "abc")
        }
        #expect(error.code == .invalidParameter)
        #expect(error.fieldPath == "cursor")
    }

    @Test func fetchMetricsFollowsPagesAndSumsPerEntity() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(try Fixtures.response("report_page1"))
        transport.enqueue(try Fixtures.response("report_page2"))
        let platform = TikTokAdsPlatform(transport: transport)
        let query = MetricsQuery(
            level: .campaign, entityIDs: ["1800000000000001", "1800000000000002"], since: "2026-03-01",
            until: "2026-03-07")
        let rows = try await platform.fetchMetrics(query, in: Samples.account())
        try RequestExpectations.expect(transport.requests[0], matches: "metrics_request")
        #expect(transport.requests.map { $0.queryValue("page") } == ["1", "2"])
        #expect(
            rows == [
                MetricRow(
                    platform: .tiktok, level: .campaign, entityID: "1800000000000001", impressions: 1500, clicks: 27,
                    spend: Money(minorUnits: 1576, currency: .usd), conversions: 4,
                    revenue: Money(minorUnits: 4510, currency: .usd)),
                MetricRow(
                    platform: .tiktok, level: .campaign, entityID: "1800000000000002", impressions: 0, clicks: 0,
                    spend: Money(minorUnits: 0, currency: .usd), conversions: 0,
                    revenue: Money(minorUnits: 0, currency: .usd)),
            ])
    }

    @Test func configuredEmulatorHostReceivesTheCalls() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(try Fixtures.response("create_campaign_response"))
        let emulator = try #require(URL(string: "http://127.0.0.1:9911"))
        let platform = TikTokAdsPlatform(
            transport: transport, configuration: TikTokAdsConfiguration(baseURL: emulator))
        _ = try await platform.createCampaign(Samples.campaignSpec(), in: Samples.account())
        #expect(transport.lastRequest?.url.absoluteString == "http://127.0.0.1:9911/open_api/v1.3/campaign/create/")
    }
}
