import AdPlatformKit
import Foundation
import Testing
import TikTokAds

@Suite("Response parsing")
struct ResponseParsingTests {
    @Test func createdIDs() throws {
        #expect(
            try TikTokResponseParser.createdID(
                "campaign_id", from: Fixtures.response("create_campaign_response"), operation: "createCampaign")
                == "1800000000000001")
        #expect(
            try TikTokResponseParser.createdID(
                "adgroup_id", from: Fixtures.response("create_adgroup_response"), operation: "createAdGroup")
                == "1810000000000001")
    }

    @Test func createdAdIDFromAdIDsOrCreatives() throws {
        #expect(
            try TikTokResponseParser.createdAdID(from: Fixtures.response("create_ad_response"), operation: "createAd")
                == "1820000000000001")
        #expect(
            try TikTokResponseParser.createdAdID(
                from: Fixtures.response("create_ad_creatives_only_response"), operation: "createAd")
                == "1820000000000002")
    }

    @Test func missingCreatedIDIsMalformed() throws {
        let error = try #require(throws: AdPlatformError.self) {
            try TikTokResponseParser.createdID(
                "adgroup_id", from: Fixtures.response("create_campaign_response"), operation: "createAdGroup")
        }
        #expect(error.code == .malformedResponse)
        #expect(error.message.contains("data.adgroup_id"))
        #expect(error.requestID == "202603011200000001")
    }

    @Test(arguments: ["not json", "[1,2]", #"{"message":"OK"}"#, #"{"code":"zero"}"#])
    func bodiesThatAreNotEnvelopesAreMalformed(body: String) throws {
        let response = PlatformHTTPResponse(status: 200, body: Data(body.utf8))
        let error = try #require(throws: AdPlatformError.self) {
            try TikTokResponseParser.data(from: response, operation: "setStatus")
        }
        #expect(error.code == .malformedResponse)
        #expect(error.operation == "setStatus")
        #expect(error.httpStatus == 200)
    }

    @Test func uploadedImage() throws {
        let media = try TikTokResponseParser.uploadedImage(
            from: Fixtures.response("upload_image_response"), operation: "uploadMedia")
        #expect(media == Samples.uploadedImage)
    }

    @Test func uploadedImageWithoutURLStillParses() throws {
        let body = #"{"code":0,"message":"OK","request_id":"r","data":{"image_id":"img-9"}}"#
        let media = try TikTokResponseParser.uploadedImage(
            from: PlatformHTTPResponse(status: 200, body: Data(body.utf8)), operation: "uploadMedia")
        #expect(media == UploadedMedia(kind: .image, reference: "img-9", id: "img-9", url: nil))
    }

    @Test func campaignListPageWithPaging() throws {
        let page = try TikTokResponseParser.entityPage(
            .campaign, from: Fixtures.response("campaign_get_page1"), operation: "findEntity")
        #expect(page.page == 1)
        #expect(page.totalPages == 2)
        #expect(page.hasMore)
        #expect(page.items.map(\.id) == ["1800000000000007", "1800000000000008"])
        #expect(page.items.map(\.status) == [.active, .paused])
        #expect(page.items[0].attributes["objective_type"] == "TRAFFIC")
        #expect(page.items[0].attributes["budget_mode"] == "BUDGET_MODE_INFINITE")
        #expect(page.items[0].parentID == nil)
    }

    @Test func adGroupListReadsParentBudgetAndDeletedStatus() throws {
        let page = try TikTokResponseParser.entityPage(
            .adGroup, from: Fixtures.response("adgroup_get_response"), operation: "listEntities")
        #expect(!page.hasMore)
        let deleted = try #require(page.items.first)
        #expect(deleted.kind == .adGroup)
        #expect(deleted.name == "US adults [ao-2b3c4d5e6f]")
        #expect(deleted.status == .removed)
        #expect(deleted.parentID == Samples.campaignID)
        #expect(deleted.attributes["budget"] == "50.25")
        #expect(page.items[1].status == .active)
    }

    @Test func listItemWithoutIDIsMalformed() throws {
        let body = #"{"code":0,"message":"OK","request_id":"r","data":{"list":[{"ad_name":"x"}],"page_info":{}}}"#
        let error = try #require(throws: AdPlatformError.self) {
            try TikTokResponseParser.entityPage(
                .ad, from: PlatformHTTPResponse(status: 200, body: Data(body.utf8)), operation: "readEntity")
        }
        #expect(error.code == .malformedResponse)
        #expect(error.message.contains("data.list[0]"))
    }

    @Test func reportPageParsesStringMetrics() throws {
        let page = try TikTokResponseParser.reportPage(
            level: .campaign, currency: .usd, from: Fixtures.response("report_page1"), operation: "fetchMetrics")
        #expect(page.totalPages == 2)
        #expect(
            page.items == [
                MetricRow(
                    platform: .tiktok, level: .campaign, entityID: "1800000000000001", impressions: 1000, clicks: 20,
                    spend: Money(minorUnits: 1050, currency: .usd), conversions: 3,
                    revenue: Money(minorUnits: 4510, currency: .usd)),
                MetricRow(
                    platform: .tiktok, level: .campaign, entityID: "1800000000000002", impressions: 0, clicks: 0,
                    spend: Money(minorUnits: 0, currency: .usd), conversions: 0,
                    revenue: Money(minorUnits: 0, currency: .usd)),
            ])
    }

    @Test func reportSpendRoundsHalfToEven() throws {
        let page = try TikTokResponseParser.reportPage(
            level: .campaign, currency: .usd, from: Fixtures.response("report_page2"), operation: "fetchMetrics")
        #expect(page.items.first?.spend == Money(minorUnits: 526, currency: .usd))
    }

    @Test func reportGarbageMetricIsMalformed() throws {
        let body = #"""
            {"code":0,"message":"OK","request_id":"r","data":{"list":[{"dimensions":{"ad_id":"1"},
            "metrics":{"spend":"lots"}}],"page_info":{"page":1,"total_page":1}}}
            """#
        let error = try #require(throws: AdPlatformError.self) {
            try TikTokResponseParser.reportPage(
                level: .ad, currency: .usd, from: PlatformHTTPResponse(status: 200, body: Data(body.utf8)),
                operation: "fetchMetrics")
        }
        #expect(error.code == .malformedResponse)
        #expect(error.message.contains("metrics.spend"))
    }

    @Test func summingMergesRowsPerEntity() {
        let usd = { (cents: Int64) in Money(minorUnits: cents, currency: .usd) }
        let rows = [
            MetricRow(
                platform: .tiktok, level: .ad, entityID: "a", impressions: 1, clicks: 2, spend: usd(100),
                conversions: 0.5, revenue: usd(10)),
            MetricRow(
                platform: .tiktok, level: .ad, entityID: "b", impressions: 7, clicks: 0, spend: usd(1),
                conversions: 0, revenue: usd(0)),
            MetricRow(
                platform: .tiktok, level: .ad, entityID: "a", impressions: 3, clicks: 4, spend: usd(250),
                conversions: 1, revenue: usd(5)),
        ]
        #expect(
            TikTokResponseParser.summing(rows) == [
                MetricRow(
                    platform: .tiktok, level: .ad, entityID: "a", impressions: 4, clicks: 6, spend: usd(350),
                    conversions: 1.5, revenue: usd(15)),
                rows[1],
            ])
    }

    @Test(arguments: [
        ("ENABLE", "CAMPAIGN_STATUS_ENABLE", DeliveryStatus.active),
        ("DISABLE", "ADGROUP_STATUS_DISABLE", .paused),
        ("DISABLE", "AD_STATUS_DELETE", .removed),
        ("DELETE", "", .removed),
        ("ENABLE", "DELETE", .removed),
    ])
    func statusOnRead(operation: String, secondary: String, status: DeliveryStatus) {
        #expect(TikTokOperationStatus.status(operationStatus: operation, secondaryStatus: secondary) == status)
    }

    @Test func unknownOperationStatusIsNil() {
        #expect(TikTokOperationStatus.status(operationStatus: "FROZEN", secondaryStatus: nil) == nil)
    }
}
