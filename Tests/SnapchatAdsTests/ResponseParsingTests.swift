import AdPlatformKit
import Foundation
import SnapchatAds
import Testing

@Suite("Response parsing")
struct ResponseParsingTests {
    let parser = SnapchatResponseParser()
    typealias V = SnapchatTestValues

    @Test("a created campaign: id, name, status, parent account and scalar attributes")
    func campaign() throws {
        let entity = try parser.entity(
            .campaign, from: try Fixture.response("create_campaign_response"), operation: "createCampaign")
        #expect(entity.platform == .snapchat)
        #expect(entity.kind == .campaign)
        #expect(entity.id == V.campaignID)
        #expect(entity.name == "Winter launch [ao-1a2b3c4d5e]")
        #expect(entity.status == .paused)
        #expect(entity.parentID == V.accountID)
        #expect(entity.attributes["objective"] == "WEB_CONVERSION")
        #expect(entity.attributes["start_time"] == "2026-12-01T00:00:00.000Z")
        #expect(entity.attributes["id"] == nil)
    }

    @Test("lower-case success envelopes are accepted; an ad squad's parent is its campaign")
    func lowerCaseSuccess() throws {
        let squad = try parser.entity(
            .adGroup, from: try Fixture.response("create_adsquad_response"), operation: "createAdGroup")
        #expect(squad.id == V.adSquadID)
        #expect(squad.parentID == V.campaignID)
        #expect(squad.attributes["daily_budget_micro"] == "50000000")
        #expect(squad.attributes["placement_v2"] == nil)
    }

    @Test("an ad's parent is its squad and its creative is an attribute")
    func ad() throws {
        let ad = try parser.entity(.ad, from: try Fixture.response("create_ad_response"), operation: "createAd")
        #expect(ad.parentID == V.adSquadID)
        #expect(ad.attributes["creative_id"] == V.creativeID)
        #expect(ad.attributes["review_status"] == "PENDING")
    }

    @Test("a list page: entities, deleted ones as removed, and the cursor from next_link")
    func listPage() throws {
        let page = try parser.page(
            .campaign, from: try Fixture.response("list_campaigns_response"), operation: "listEntities")
        #expect(page.entities.map(\.id) == [V.campaignID, "0a0b0c0d-1111-4222-8333-444455556666"])
        #expect(page.entities.map(\.status) == [.active, .removed])
        #expect(page.nextCursor == "Q2FtcGFpZ25QYWdlMg")
        let last = try parser.page(
            .creative, from: try Fixture.response("list_creatives_page2_response"), operation: "listEntities")
        #expect(last.nextCursor == nil)
        #expect(last.entities.first?.attributes["top_snap_media_id"] == V.mediaID)
    }

    @Test(
        "cursor from next_link",
        arguments: [
            ("https://adsapi.snapchat.com/v1/adaccounts/a/ads?cursor=abc%2Bdef&limit=50", "abc+def"),
            (
                "https://adsapi.snapchat.com/v1/adaccounts/a/ads?page=3",
                "https://adsapi.snapchat.com/v1/adaccounts/a/ads?page=3"
            ),
            ("", nil),
        ] as [(String, String?)])
    func cursor(link: String, cursor: String?) {
        #expect(SnapchatResponseParser.cursor(fromNextLink: link) == cursor)
    }

    @Test("an item with sub_request_status ERROR inside a 200 is an error with Snap's reason")
    func subRequestError() throws {
        let error = #expect(throws: AdPlatformError.self) {
            try parser.entity(
                .adGroup, from: try Fixture.response("sub_request_error_response"), operation: "createAdGroup")
        }
        #expect(error?.code == .budgetTooLow)
        #expect(error?.message == "Daily budget must be at least the minimum of 5000000 micro")
        #expect(error?.httpStatus == 200)
        #expect(error?.fieldPath == "budget.amount")
        #expect(error?.operation == "createAdGroup")
        #expect(error?.requestID == "5e0f1a2b00ff0b1c2d3e4f5a6b0001737e6164736170697363ef")
    }

    @Test("without sub_request_error_reason, another field mentioning the error is the message")
    func subRequestErrorFallbackReason() throws {
        let body =
            #"{"request_status":"PARTIAL","ads":[{"sub_request_status":"ERROR","error_detail":"creative_id is invalid","ad":{}}]}"#
        let error = #expect(throws: AdPlatformError.self) {
            try parser.entity(
                .ad, from: PlatformHTTPResponse(status: 200, body: Data(body.utf8)), operation: "createAd")
        }
        #expect(error?.code == .invalidParameter)
        #expect(error?.message == "creative_id is invalid")
    }

    @Test("a 200 whose envelope says ERROR is mapped like an error answer")
    func errorEnvelopeOn200() throws {
        let error = #expect(throws: AdPlatformError.self) {
            try parser.entity(
                .campaign, from: try Fixture.response("error_not_found_response"), operation: "readEntity")
        }
        #expect(error?.code == .notFound)
        #expect(error?.platformCode == "E3003")
    }

    @Test(
        "bodies that are not Snap's envelope are malformed and say what was expected",
        arguments: [
            "<html>gateway</html>", "[]", #"{"request_status":"SUCCESS"}"#,
            #"{"request_status":"SUCCESS","campaigns":[{"sub_request_status":"SUCCESS"}]}"#,
            #"{"request_status":"SUCCESS","campaigns":[{"campaign":{"name":"no id"}}]}"#,
            #"{"request_status":"SUCCESS","campaigns":[]}"#,
        ])
    func malformed(body: String) {
        let error = #expect(throws: AdPlatformError.self) {
            try parser.entity(
                .campaign, from: PlatformHTTPResponse(status: 200, body: Data(body.utf8)), operation: "createCampaign")
        }
        #expect(error?.code == .malformedResponse)
        #expect(error?.message.contains("expected") == true)
        #expect(error?.httpStatus == 200)
        #expect(error?.operation == "createCampaign")
    }

    @Test("media upload answers: the result form and the plural form")
    func uploadAnswers() throws {
        let result = try parser.uploadedMedia(
            kind: .image, mediaID: V.mediaID, from: try Fixture.response("upload_media_response"),
            operation: "uploadMedia")
        #expect(
            result
                == UploadedMedia(
                    kind: .image, reference: V.mediaID, id: V.mediaID,
                    url: "https://storage.example.test/media/a7bee653.png"))
        let plural = try parser.uploadedMedia(
            kind: .video, mediaID: V.mediaID, from: try Fixture.response("upload_media_plural_response"),
            operation: "uploadMedia")
        #expect(plural.url == "https://storage.example.test/media/plural.png")
        #expect(plural.kind == .video)
        let bare = PlatformHTTPResponse(status: 200, body: Data(#"{"request_id":"x"}"#.utf8))
        let error = #expect(throws: AdPlatformError.self) {
            try parser.uploadedMedia(kind: .image, mediaID: V.mediaID, from: bare, operation: "uploadMedia")
        }
        #expect(error?.code == .malformedResponse)
    }

    @Test("TOTAL stats: swipes are clicks, sign-ups plus purchases are conversions, micros become money")
    func totalStats() throws {
        let row = try parser.metricRow(
            level: .adGroup, entityID: V.adSquadID, currency: .usd, from: try Fixture.response("stats_total_response"),
            operation: "fetchMetrics")
        #expect(row.platform == .snapchat)
        #expect(row.level == .adGroup)
        #expect(row.entityID == V.adSquadID)
        #expect(row.impressions == 120_500)
        #expect(row.clicks == 3_412)
        #expect(row.spend == Money(minorUnits: 25_012, currency: .usd))
        #expect(row.conversions == 48)
        #expect(row.revenue == Money(minorUnits: 34_993, currency: .usd))
    }

    @Test("DAY stats are summed across days; spend rounds half to even once, on the total")
    func timeseriesStats() throws {
        let row = try parser.metricRow(
            level: .campaign, entityID: V.campaignID, currency: .usd,
            from: try Fixture.response("stats_timeseries_response"), operation: "fetchMetrics")
        #expect(row.impressions == 1_500)
        #expect(row.clicks == 25)
        #expect(row.spend == Money(minorUnits: 223, currency: .usd))
        #expect(row.conversions == 3)
        #expect(row.revenue == Money(minorUnits: 1_999, currency: .usd))
    }

    @Test("JPY spend rounds to whole yen")
    func jpyStats() throws {
        let row = try parser.metricRow(
            level: .adGroup, entityID: V.adSquadID, currency: .jpy, from: try Fixture.response("stats_total_response"),
            operation: "fetchMetrics")
        #expect(row.spend == Money(minorUnits: 250, currency: .jpy))
        #expect(row.revenue == Money(minorUnits: 350, currency: .jpy))
    }

    @Test("stats with a non-number or without totals are malformed")
    func malformedStats() {
        for body in [
            #"{"request_status":"success","total_stats":[{"total_stat":{"stats":{"spend":"lots"}}}]}"#,
            #"{"request_status":"success"}"#,
        ] {
            let error = #expect(throws: AdPlatformError.self) {
                try parser.metricRow(
                    level: .ad, entityID: "a", currency: .usd,
                    from: PlatformHTTPResponse(status: 200, body: Data(body.utf8)),
                    operation: "fetchMetrics")
            }
            #expect(error?.code == .malformedResponse)
        }
    }

    @Test("a deletion accepts an empty 2xx or a success envelope, and rejects an error")
    func deletion() throws {
        try parser.confirmDeletion(.ad, from: PlatformHTTPResponse(status: 204), operation: "setStatus")
        try parser.confirmDeletion(.ad, from: try Fixture.response("delete_ad_response"), operation: "setStatus")
        let error = #expect(throws: AdPlatformError.self) {
            try parser.confirmDeletion(
                .ad, from: try Fixture.response("error_not_found_response", status: 404), operation: "setStatus")
        }
        #expect(error?.code == .notFound)
        #expect(error?.httpStatus == 404)
    }
}
