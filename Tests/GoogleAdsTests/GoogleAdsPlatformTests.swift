import AdPlatformKit
import AdPlatformTesting
import Foundation
import GoogleAds
import Testing

@Suite("Google Ads through a scripted transport")
struct GoogleAdsPlatformTests {
    let account = GoogleTestSupport.account()

    func platform(_ transport: ScriptedTransport) -> GoogleAdsPlatform {
        GoogleAdsPlatform(transport: transport)
    }

    func enqueue(_ transport: ScriptedTransport, _ fixture: String, status: Int = 200) throws {
        transport.enqueue(status: status, json: try GoogleTestSupport.fixtureText(fixture))
    }

    @Test("campaign → ad group → media → ad: the calls in order and the entities they return")
    func hierarchy() async throws {
        let transport = ScriptedTransport()
        try enqueue(transport, "create_campaign_response.json")
        try enqueue(transport, "create_ad_group_response.json")
        try enqueue(transport, "upload_image_response.json")
        try enqueue(transport, "create_ad_response.json")
        let google = platform(transport)

        let campaign = try await google.createCampaign(GoogleTestSupport.campaignSpec(), in: account)
        #expect(campaign.id == "22")
        #expect(campaign.kind == .campaign)
        #expect(campaign.platform == .google)
        #expect(campaign.name == "Winter launch [ao-1a2b3c4d5e]")
        #expect(campaign.status == .paused)
        #expect(campaign.attributes["resourceName"] == "customers/1234567890/campaigns/22")
        #expect(campaign.attributes["budgetResourceName"] == "customers/1234567890/campaignBudgets/11")
        #expect(campaign.attributes["countries"] == "US")

        let adGroup = try await google.createAdGroup(GoogleTestSupport.adGroupSpec(), under: campaign, in: account)
        #expect(adGroup.id == "33")
        #expect(adGroup.kind == .adGroup)
        #expect(adGroup.parentID == "22")
        #expect(adGroup.name == "Search adults [ao-2b3c4d5e6f]")
        #expect(adGroup.attributes["resourceName"] == "customers/1234567890/adGroups/33")

        let media = try await google.uploadMedia(
            MediaUpload(
                kind: .image, fileName: "hero.png", contentType: "image/png", data: Data("PNGDATA".utf8), width: 600,
                height: 315), in: account)
        #expect(media.reference == "customers/1234567890/assets/55")
        #expect(media.id == "55")
        #expect(media.kind == .image)

        var adSpec = GoogleTestSupport.adSpec()
        adSpec.media = [media]
        let created = try await google.createAd(adSpec, under: adGroup, in: account)
        #expect(created.count == 1)
        let ad = try #require(created.first)
        #expect(ad.kind == .ad)
        #expect(ad.id == "44")
        #expect(ad.parentID == "33")
        #expect(ad.name == "Search ad [ao-3c4d5e6f7a]")
        #expect(ad.attributes["resourceName"] == "customers/1234567890/adGroupAds/33~44")

        let requests = transport.requests
        #expect(
            requests.map { $0.url.path(percentEncoded: false) } == [
                "/v23/customers/1234567890/googleAds:mutate",
                "/v23/customers/1234567890/googleAds:mutate",
                "/v23/customers/1234567890/assets:mutate",
                "/v23/customers/1234567890/adGroupAds:mutate",
            ])
        #expect(requests.allSatisfy { $0.method == .post && $0.headers["developer-token"] == "DEVTOKEN" })
        // The budget, the campaign and its US location criterion go in one atomic mutate.
        let campaignOperations = try GoogleTestSupport.body(requests[0])["mutateOperations"]?.arrayValue ?? []
        #expect(campaignOperations.count == 3)
        #expect(
            campaignOperations.last?["campaignCriterionOperation"]?["create"]?["location"]?["geoTargetConstant"]
                == "geoTargetConstants/2840")
        // The ad group targets US and CA; the campaign already has US, so only CA is added.
        try GoogleTestSupport.expectRequest(requests[1], matches: "create_ad_group_request.json")
        try GoogleTestSupport.expectRequest(requests[2], matches: "upload_image_request.json")
        try GoogleTestSupport.expectRequest(requests[3], matches: "create_ad_request.json")
    }

    @Test("a campaign read back without its countries falls back to searching its locations")
    func locationSearchFallback() async throws {
        let transport = ScriptedTransport()
        try enqueue(transport, "campaign_locations_response.json")
        try enqueue(transport, "create_ad_group_response.json")
        let adGroup = try await platform(transport).createAdGroup(
            GoogleTestSupport.adGroupSpec(), under: GoogleTestSupport.campaignEntity, in: account)
        #expect(adGroup.id == "33")
        try GoogleTestSupport.expectRequest(transport.requests[0], matches: "campaign_locations_search_request.json")
        try GoogleTestSupport.expectRequest(transport.requests[1], matches: "create_ad_group_request.json")
    }

    @Test("an ad group without countries skips the location search")
    func adGroupWithoutCountries() async throws {
        let transport = ScriptedTransport()
        try enqueue(transport, "create_ad_group_response.json")
        let adGroup = try await platform(transport).createAdGroup(
            GoogleTestSupport.adGroupSpec(countries: []), under: GoogleTestSupport.campaignEntity, in: account)
        #expect(adGroup.id == "33")
        #expect(transport.requests.count == 1)
    }

    @Test("a platform error carries the operation; transport errors pass through unchanged")
    func errors() async throws {
        let transport = ScriptedTransport()
        try enqueue(transport, "error_field_required.json", status: 400)
        await #expect {
            try await platform(transport).createCampaign(GoogleTestSupport.campaignSpec(), in: account)
        } throws: { error in
            let error = error as? AdPlatformError
            return error?.code == .invalidParameter && error?.operation == "createCampaign"
                && error?.platformCode == "fieldError.REQUIRED" && error?.httpStatus == 400
        }

        struct Unplugged: Error {}
        let failing = ScriptedTransport { _ in throw Unplugged() }
        await #expect(throws: Unplugged.self) {
            try await platform(failing).createAd(
                GoogleTestSupport.adSpec(), under: GoogleTestSupport.adGroupEntity, in: account)
        }
    }

    @Test("a campaign is found on the second page by the marker in its name")
    func findCampaign() async throws {
        let transport = ScriptedTransport()
        try enqueue(transport, "search_campaigns_page1.json")
        try enqueue(transport, "search_campaigns_page2.json")
        let found = try await platform(transport).findEntity(
            marked: GoogleTestSupport.campaignMarker, kind: .campaign, under: nil, in: account)
        #expect(found?.id == "22")
        #expect(found?.attributes["budgetResourceName"] == "customers/1234567890/campaignBudgets/11")
        #expect(transport.requests.count == 2)
        try GoogleTestSupport.expectRequest(transport.requests[0], matches: "lookup_campaign_request.json")
        #expect(try GoogleTestSupport.body(transport.requests[1])["pageToken"] == "PAGE-2")
    }

    @Test("an ad is found by its marker custom parameter, following pages")
    func findAd() async throws {
        let transport = ScriptedTransport()
        try enqueue(transport, "search_ad_group_ads_page1.json")
        try enqueue(transport, "search_ad_group_ads_page2.json")
        let found = try await platform(transport).findEntity(
            marked: GoogleTestSupport.adMarker, kind: .ad, under: GoogleTestSupport.adGroupEntity, in: account)
        #expect(found?.id == "44")
        #expect(found?.parentID == "33")
        try GoogleTestSupport.expectRequest(transport.requests[1], matches: "lookup_ad_request.json")
    }

    @Test("nothing found after the last page is nil, not a false match")
    func findNothing() async throws {
        let transport = ScriptedTransport()
        try enqueue(transport, "search_campaigns_page1.json")
        try enqueue(transport, "search_empty_response.json")
        let found = try await platform(transport).findEntity(
            marked: GoogleTestSupport.campaignMarker, kind: .campaign, under: nil, in: account)
        #expect(found == nil)
        #expect(transport.requests.count == 2)
    }

    @Test("a repeated page token stops the walk")
    func repeatedToken() async throws {
        let transport = ScriptedTransport()
        try enqueue(transport, "search_campaigns_page1.json")
        try enqueue(transport, "search_campaigns_page1.json")
        await #expect {
            try await platform(transport).findEntity(
                marked: IdempotencyMarker(value: "ao-absent"), kind: .campaign, under: nil, in: account)
        } throws: { error in
            (error as? AdPlatformError)?.code == .malformedResponse
        }
    }

    @Test("metrics follow pages and sum per entity")
    func metrics() async throws {
        let transport = ScriptedTransport()
        try enqueue(transport, "metrics_page1.json")
        try enqueue(transport, "metrics_page2.json")
        let rows = try await platform(transport).fetchMetrics(
            MetricsQuery(level: .campaign, entityIDs: ["1", "2"], since: "2026-12-01", until: "2026-12-07"),
            in: account)
        #expect(rows.map(\.entityID) == ["1", "2"])
        #expect(rows.first?.impressions == 1_500)
        #expect(rows.first?.spend == Money(minorUnits: 1_335, currency: .usd))
        try GoogleTestSupport.expectRequest(transport.requests[0], matches: "metrics_request.json")
        #expect(try GoogleTestSupport.body(transport.requests[1])["pageToken"] == "METRICS-2")
    }

    @Test("a budget change uses the campaign's budget resource name, or looks it up")
    func budget() async throws {
        let transport = ScriptedTransport()
        try enqueue(transport, "mutate_budget_response.json")
        let google = platform(transport)
        let budget = Budget(.daily, Money(minorUnits: 20_000, currency: .usd))
        try await google.setBudget(budget, of: GoogleTestSupport.campaignEntity, in: account)
        #expect(transport.requests.count == 1)
        try GoogleTestSupport.expectRequest(transport.requests[0], matches: "update_budget_request.json")

        try enqueue(transport, "campaign_budget_search_response.json")
        try enqueue(transport, "mutate_budget_response.json")
        let bare = PlatformEntity(platform: .google, kind: .campaign, id: "22", name: "c")
        try await google.setBudget(budget, of: bare, in: account)
        #expect(transport.requests.count == 3)
        try GoogleTestSupport.expectRequest(transport.requests[1], matches: "campaign_budget_search_request.json")
        try GoogleTestSupport.expectRequest(transport.requests[2], matches: "update_budget_request.json")

        await #expect {
            try await google.setBudget(budget, of: GoogleTestSupport.adGroupEntity, in: account)
        } throws: { error in
            (error as? AdPlatformError)?.code == .unsupported
        }
    }

    @Test("status changes go to the entity's service")
    func status() async throws {
        let transport = ScriptedTransport()
        try enqueue(transport, "mutate_campaign_status_response.json")
        try await platform(transport).setStatus(.paused, of: GoogleTestSupport.campaignEntity, in: account)
        try GoogleTestSupport.expectRequest(try #require(transport.lastRequest), matches: "pause_campaign_request.json")
    }

    @Test("read by id; a missing entity is notFound")
    func read() async throws {
        let transport = ScriptedTransport()
        try enqueue(transport, "search_campaigns_page2.json")
        try enqueue(transport, "search_empty_response.json")
        let google = platform(transport)
        let campaign = try await google.readEntity(.campaign, id: "22", in: account)
        #expect(campaign.id == "22")
        #expect(campaign.name == "Winter launch [ao-1a2b3c4d5e]")
        try GoogleTestSupport.expectRequest(transport.requests[0], matches: "read_campaign_request.json")
        await #expect {
            try await google.readEntity(.campaign, id: "99", in: account)
        } throws: { error in
            let error = error as? AdPlatformError
            return error?.code == .notFound && error?.operation == "readEntity"
        }
    }

    @Test("lists page with Google's page token as the cursor")
    func list() async throws {
        let transport = ScriptedTransport()
        try enqueue(transport, "search_ad_groups_response.json")
        try enqueue(transport, "search_empty_response.json")
        let google = platform(transport)
        let first = try await google.listEntities(.adGroup, in: account, pageSize: 50, after: "CURSOR-1")
        #expect(first.entities.map(\.id) == ["33", "34"])
        #expect(first.nextCursor == "CURSOR-2")
        try GoogleTestSupport.expectRequest(transport.requests[0], matches: "list_ad_groups_request.json")
        let last = try await google.listEntities(.campaign, in: account, pageSize: 50, after: "CURSOR-2")
        #expect(last.entities.isEmpty)
        #expect(last.nextCursor == nil)
    }
}
