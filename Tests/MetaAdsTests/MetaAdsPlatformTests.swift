import AdPlatformKit
import AdPlatformTesting
import Foundation
import Testing

@testable import MetaAds

@Suite("Meta platform through a scripted transport")
struct MetaAdsPlatformTests {
    struct OfflineError: Error {}

    @Test("campaign → ad set → image → creative and ad, in order, with ids and parents threaded through")
    func fullHierarchy() async throws {
        let transport = ScriptedTransport()
        for name in [
            "create_campaign_response", "create_adset_response", "upload_image_response", "create_creative_response",
            "create_ad_response",
        ] {
            transport.enqueue(status: 200, json: try Fixture.text(name))
        }
        let platform = MetaAdsPlatform(transport: transport)
        let account = Sample.account()

        let campaign = try await platform.createCampaign(Sample.campaign(), in: account)
        #expect(campaign.id == Sample.campaignID)
        #expect(campaign.kind == .campaign)
        #expect(campaign.parentID == "act_123")
        #expect(campaign.status == .paused)
        #expect(campaign.name == "Winter launch [ao-1a2b3c4d5e]")
        #expect(campaign.attributes == ["objective": "OUTCOME_SALES", "daily_budget": "15000"])

        let adSet = try await platform.createAdGroup(Sample.adSet(), under: campaign, in: account)
        #expect(adSet.id == Sample.adSetID)
        #expect(adSet.kind == .adGroup)
        #expect(adSet.parentID == Sample.campaignID)

        let image = try await platform.uploadMedia(Sample.upload, in: account)
        #expect(image == Sample.image)

        let created = try await platform.createAd(Sample.ad(media: [image]), under: adSet, in: account)
        #expect(created.map(\.kind) == [.creative, .ad])
        let creative = try #require(created.first)
        let ad = try #require(created.last)
        #expect(creative.id == Sample.creativeID)
        #expect(creative.name == "Social hero [ao-3c4d5e6f70]")
        #expect(creative.parentID == "act_123")
        #expect(creative.attributes["image_hash"] == "abc123hash")
        #expect(ad.id == Sample.adID)
        #expect(ad.parentID == Sample.adSetID)
        #expect(ad.status == .paused)
        #expect(ad.attributes["creative_id"] == Sample.creativeID)

        let requests = transport.requests
        #expect(requests.map(\.method) == [.post, .post, .post, .post, .post])
        #expect(
            requests.map(\.pathText) == [
                "/v26.0/act_123/campaigns", "/v26.0/act_123/adsets", "/v26.0/act_123/adimages",
                "/v26.0/act_123/adcreatives", "/v26.0/act_123/ads",
            ])
        #expect(requests.allSatisfy { $0.queryValue("access_token") == Sample.token })
        #expect(requests[1].formValue("campaign_id") == Sample.campaignID)
        #expect(requests[3].formJSON("object_story_spec")?["link_data"]?["image_hash"] == "abc123hash")
        #expect(requests[4].formValue("adset_id") == Sample.adSetID)
        #expect(requests[4].formJSON("creative") == ["creative_id": .string(Sample.creativeID)])
    }

    @Test("recovery reuses the creative carrying the marker, following paging, and creates only the ad")
    func recoveryReusesCreative() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(
            json: #"""
                {"data":[{"id":"999","name":"Lookalike [ao-3c4d5e6f701]","status":"ACTIVE"}],
                 "paging":{"cursors":{"after":"PAGE2"},"next":"https://graph.facebook.com/next"}}
                """#)
        transport.enqueue(
            json: #"{"data":[{"id":"555","name":"Social hero [ao-3c4d5e6f70]","status":"ACTIVE"}],"paging":{}}"#)
        transport.enqueue(json: try Fixture.text("create_ad_response"))
        let platform = MetaAdsPlatform(transport: transport)
        let adSet = PlatformEntity(platform: .meta, kind: .adGroup, id: Sample.adSetID, name: "g")

        let created = try await platform.createAd(Sample.ad(recovery: true), under: adSet, in: Sample.account())
        #expect(created.map(\.id) == ["555", Sample.adID])
        let requests = transport.requests
        #expect(
            requests.map(\.pathText) == [
                "/v26.0/act_123/adcreatives", "/v26.0/act_123/adcreatives", "/v26.0/act_123/ads",
            ])
        #expect(requests[0].queryValue("after") == nil)
        #expect(requests[1].queryValue("after") == "PAGE2")
        #expect(requests[2].formJSON("creative") == ["creative_id": "555"])
    }

    @Test("recovery with no creative left behind creates one")
    func recoveryCreatesCreative() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: #"{"data":[]}"#)
        transport.enqueue(json: try Fixture.text("create_creative_response"))
        transport.enqueue(json: try Fixture.text("create_ad_response"))
        let platform = MetaAdsPlatform(transport: transport)
        let adSet = PlatformEntity(platform: .meta, kind: .adGroup, id: Sample.adSetID, name: "g")
        let created = try await platform.createAd(Sample.ad(recovery: true), under: adSet, in: Sample.account())
        #expect(created.map(\.id) == [Sample.creativeID, Sample.adID])
        #expect(transport.requests.map(\.method) == [.get, .post, .post])
    }

    @Test("lookup checks names exactly and returns nil when the pages run out")
    func lookupExhausted() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(
            json: #"{"data":[{"id":"1","name":"x ao-1a2b3c4d5e"}],"paging":{"cursors":{"after":"A"},"next":"n"}}"#)
        transport.enqueue(json: #"{"data":[],"paging":{"cursors":{"after":"B"}}}"#)
        let platform = MetaAdsPlatform(transport: transport)
        let found = try await platform.findEntity(
            marked: IdempotencyMarker(value: "ao-1a2b3c4d5e"), kind: .campaign, under: nil, in: Sample.account())
        #expect(found == nil)
        #expect(transport.requests.count == 2)
        #expect(transport.requests.last?.queryValue("after") == "A")
    }

    @Test("lookup returns the matching ad set with its parent")
    func lookupFound() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(
            json: #"{"data":[{"id":"77","name":"US adults [ao-2b3c4d5e6f]","status":"PAUSED","campaign_id":"5"}]}"#)
        let platform = MetaAdsPlatform(transport: transport)
        let found = try await platform.findEntity(
            marked: IdempotencyMarker(value: "ao-2b3c4d5e6f"), kind: .adGroup, under: nil, in: Sample.account())
        #expect(found?.id == "77")
        #expect(found?.parentID == "5")
        #expect(found?.status == .paused)
        #expect(transport.lastRequest?.pathText == "/v26.0/act_123/adsets")
    }

    @Test("images are not looked up: uploading again is idempotent")
    func mediaLookup() async throws {
        let transport = ScriptedTransport()
        let platform = MetaAdsPlatform(transport: transport)
        let found = try await platform.findEntity(
            marked: IdempotencyMarker(value: "ao-1"), kind: .media, under: nil, in: Sample.account())
        #expect(found == nil)
        #expect(transport.requests.isEmpty)
    }

    @Test("a cursor that does not advance stops paging as malformed")
    func stuckCursor() async throws {
        let page = #"{"data":[],"paging":{"cursors":{"after":"SAME"},"next":"n"}}"#
        let transport = ScriptedTransport { _ in PlatformHTTPResponse(status: 200, body: Data(page.utf8)) }
        let platform = MetaAdsPlatform(transport: transport)
        let error = await #expect(throws: AdPlatformError.self) {
            try await platform.findEntity(
                marked: IdempotencyMarker(value: "ao-1"), kind: .ad, under: nil, in: Sample.account())
        }
        #expect(error?.code == .malformedResponse)
        #expect(transport.requests.count == 2)
    }

    @Test("metrics follow paging and sum per entity")
    func metrics() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: try Fixture.text("insights_page1"))
        transport.enqueue(json: try Fixture.text("insights_page2"))
        let platform = MetaAdsPlatform(transport: transport)
        let query = MetricsQuery(
            level: .campaign, entityIDs: [Sample.campaignID, "120210000000000009"], since: "2026-12-01",
            until: "2026-12-07")
        let rows = try await platform.fetchMetrics(query, in: Sample.account())
        #expect(rows.map(\.entityID) == [Sample.campaignID, "120210000000000009"])
        #expect(rows.map(\.impressions) == [1_500, 10])
        #expect(rows.map(\.spend) == [Sample.usd(2_001), Sample.usd(0)])
        #expect(rows.map(\.revenue) == [Sample.usd(5_997), Sample.usd(0)])
        #expect(transport.requests.map { $0.queryValue("after") } == [nil, "MQZDZD"])
        #expect(transport.requests.allSatisfy { $0.pathText == "/v26.0/act_123/insights" })
    }

    @Test("status and budget updates confirm success")
    func updates() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: try Fixture.text("update_success_response"))
        transport.enqueue(json: try Fixture.text("update_success_response"))
        transport.enqueue(json: #"{"success":false}"#)
        let platform = MetaAdsPlatform(transport: transport)
        let campaign = PlatformEntity(platform: .meta, kind: .campaign, id: Sample.campaignID, name: "c")
        let jpy = Sample.account(currency: .jpy)
        try await platform.setStatus(.active, of: campaign, in: jpy)
        try await platform.setBudget(Budget(.daily, Money(minorUnits: 5_000, currency: .jpy)), of: campaign, in: jpy)
        #expect(transport.requests[0].formValue("status") == "ACTIVE")
        #expect(transport.requests[1].formValue("daily_budget") == "5000")
        #expect(transport.requests.allSatisfy { $0.pathText == "/v26.0/120210000000000001/" })
        let error = await #expect(throws: AdPlatformError.self) {
            try await platform.setStatus(.paused, of: campaign, in: jpy)
        }
        #expect(error?.code == .permanent)
        #expect(error?.operation == "setStatus")
    }

    @Test("images have no status and ads carry no budget")
    func unsupportedUpdates() async throws {
        let transport = ScriptedTransport()
        let platform = MetaAdsPlatform(transport: transport)
        let image = PlatformEntity(platform: .meta, kind: .media, id: "abc", name: "i")
        let statusError = await #expect(throws: AdPlatformError.self) {
            try await platform.setStatus(.paused, of: image, in: Sample.account())
        }
        #expect(statusError?.code == .unsupported)
        let ad = PlatformEntity(platform: .meta, kind: .ad, id: "1", name: "a")
        let budgetError = await #expect(throws: AdPlatformError.self) {
            try await platform.setBudget(Budget(.daily, Sample.usd(100)), of: ad, in: Sample.account())
        }
        #expect(budgetError?.code == .unsupported)
        #expect(transport.requests.isEmpty)
    }

    @Test("platform errors carry the operation; transport errors pass through unchanged")
    func errors() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(status: 400, json: try Fixture.text("error_invalid_parameter"))
        let platform = MetaAdsPlatform(transport: transport)
        let error = await #expect(throws: AdPlatformError.self) {
            try await platform.createCampaign(Sample.campaign(), in: Sample.account())
        }
        #expect(error?.code == .invalidParameter)
        #expect(error?.operation == "createCampaign")
        #expect(error?.httpStatus == 400)
        #expect(error?.requestID == "AbCdEf123")

        let offline = MetaAdsPlatform(transport: ScriptedTransport { _ in throw OfflineError() })
        await #expect(throws: OfflineError.self) {
            try await offline.createAdGroup(
                Sample.adSet(), under: PlatformEntity(platform: .meta, kind: .campaign, id: "1", name: "c"),
                in: Sample.account())
        }
    }

    @Test("read and list entities; a missing object is notFound")
    func reading() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(
            json: #"{"id":"120210000000000002","name":"US adults [ao-2b3c4d5e6f]","status":"ACTIVE","campaign_id":"1"}"#
        )
        transport.enqueue(json: try Fixture.text("list_images_response"))
        transport.enqueue(json: try Fixture.text("list_ads_page1"))
        transport.enqueue(json: try Fixture.text("list_ads_last_page"))
        transport.enqueue(status: 400, json: try Fixture.text("error_object_missing"))
        let platform = MetaAdsPlatform(transport: transport)
        let account = Sample.account()

        let adSet = try await platform.readEntity(.adGroup, id: Sample.adSetID, in: account)
        #expect(adSet.id == Sample.adSetID)
        #expect(adSet.parentID == "1")
        #expect(adSet.status == .active)
        let image = try await platform.readEntity(.media, id: "abc123hash", in: account)
        #expect(image.attributes["hash"] == "abc123hash")
        #expect(transport.requests[1].queryJSON("hashes") == ["abc123hash"])

        let first = try await platform.listEntities(.ad, in: account, pageSize: 2, after: nil)
        #expect(first.entities.count == 2)
        #expect(first.nextCursor == "QVFIUmF")
        let last = try await platform.listEntities(.ad, in: account, pageSize: 2, after: first.nextCursor)
        #expect(last.entities.map(\.id) == ["120210000000000007"])
        #expect(last.nextCursor == nil)
        #expect(transport.requests[3].queryValue("after") == "QVFIUmF")

        let missing = await #expect(throws: AdPlatformError.self) {
            try await platform.readEntity(.campaign, id: "120210000000000099", in: account)
        }
        #expect(missing?.code == .notFound)
        #expect(missing?.operation == "readEntity")
    }

    @Test("the platform reports Meta's id and capabilities")
    func identity() {
        let platform = MetaAdsPlatform(transport: ScriptedTransport())
        #expect(MetaAdsPlatform.id == .meta)
        #expect(platform.capabilities == MetaCapabilities.capabilities)
    }
}
