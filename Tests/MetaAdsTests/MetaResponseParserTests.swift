import AdPlatformKit
import Foundation
import Testing

@testable import MetaAds

@Suite("Meta response parsing")
struct MetaResponseParserTests {
    let parser = MetaResponseParser(operation: "test")

    @Test("a create returns the id")
    func createdID() throws {
        let body = try parser.body(of: try Fixture.response("create_campaign_response"))
        #expect(try parser.createdID(in: body) == "120210000000000001")
        let error = #expect(throws: AdPlatformError.self) { try parser.createdID(in: ["success": true]) }
        #expect(error?.code == .malformedResponse)
        #expect(error?.message.contains("{\"id\"") == true)
    }

    @Test("an image upload returns the hash keyed by file name")
    func uploadedImage() throws {
        let body = try parser.body(of: try Fixture.response("upload_image_response"))
        let media = try parser.uploadedImage(in: body, fileName: "hero.png")
        #expect(media == Sample.image)
        let renamed: JSONValue = ["images": ["hero (1).png": ["hash": "def456"]]]
        #expect(try parser.uploadedImage(in: renamed, fileName: "hero.png").reference == "def456")
        let error = #expect(throws: AdPlatformError.self) {
            try parser.uploadedImage(in: ["images": [:]], fileName: "hero.png")
        }
        #expect(error?.code == .malformedResponse)
    }

    @Test("an update confirms success; false is a permanent failure")
    func success() throws {
        try parser.confirmSuccess(in: try parser.body(of: try Fixture.response("update_success_response")))
        let failed = #expect(throws: AdPlatformError.self) { try parser.confirmSuccess(in: ["success": false]) }
        #expect(failed?.code == .permanent)
        let odd = #expect(throws: AdPlatformError.self) { try parser.confirmSuccess(in: ["id": "1"]) }
        #expect(odd?.code == .malformedResponse)
    }

    @Test("a list page carries entities and the after cursor when paging.next is present")
    func listPage() throws {
        let body = try parser.body(of: try Fixture.response("list_ads_page1"))
        let page = try parser.entityPage(in: body, kind: .ad, accountNodeID: "act_123")
        #expect(page.nextCursor == "QVFIUmF")
        #expect(page.entities.map(\.id) == ["120210000000000004", "120210000000000005"])
        #expect(page.entities.map(\.status) == [.paused, .active])
        #expect(page.entities.map(\.parentID) == ["120210000000000002", "120210000000000002"])
        #expect(page.entities.map { $0.attributes["creative_id"] } == ["120210000000000003", "120210000000000006"])
        #expect(page.entities.first?.name == "Hero ad [ao-3c4d5e6f70]")
        #expect(page.entities.allSatisfy { $0.platform == .meta && $0.kind == .ad })
    }

    @Test("the last page has no next cursor even though cursors.after is present")
    func lastPage() throws {
        let body = try parser.body(of: try Fixture.response("list_ads_last_page"))
        let page = try parser.entityPage(in: body, kind: .ad, accountNodeID: "act_123")
        #expect(page.nextCursor == nil)
        #expect(page.entities.first?.status == .removed)
        let error = #expect(throws: AdPlatformError.self) { try parser.listPage(in: ["paging": [:]]) }
        #expect(error?.code == .malformedResponse)
    }

    @Test("campaigns keep objective and budget; creatives and images sit under the account")
    func entityAttributes() throws {
        let campaign = try parser.entity(
            from: [
                "id": "1", "name": "C [ao-1]", "status": "ACTIVE", "objective": "OUTCOME_SALES",
                "daily_budget": "15000",
            ], kind: .campaign, accountNodeID: "act_123")
        #expect(campaign.attributes == ["objective": "OUTCOME_SALES", "daily_budget": "15000"])
        #expect(campaign.parentID == "act_123")
        #expect(campaign.status == .active)
        let creative = try parser.entity(
            from: ["id": "3", "name": "Cr", "status": "DELETED"], kind: .creative, accountNodeID: "act_123")
        #expect(creative.parentID == "act_123")
        #expect(creative.status == .removed)
        let images = try parser.body(of: try Fixture.response("list_images_response"))
        let image = try parser.imageEntity(in: images, hash: "abc123hash", accountNodeID: "act_123")
        #expect(image.id == "abc123hash")
        #expect(image.attributes["hash"] == "abc123hash")
        #expect(image.attributes["url"] == "https://scontent.xx.fbcdn.net/v/t45.1600-4/hero.png")
        #expect(image.kind == .media)
        let missing = #expect(throws: AdPlatformError.self) {
            try parser.imageEntity(in: ["data": []], hash: "zzz", accountNodeID: "act_123")
        }
        #expect(missing?.code == .notFound)
        let noID = #expect(throws: AdPlatformError.self) {
            try parser.entity(from: ["name": "x"], kind: .adGroup, accountNodeID: "act_123")
        }
        #expect(noID?.code == .malformedResponse)
    }

    @Test("insights rows sum per entity: counts, exact spend, conversion actions and their values")
    func metricRows() throws {
        let first = try parser.listPage(in: try Fixture.json("insights_page1"))
        let second = try parser.listPage(in: try Fixture.json("insights_page2"))
        #expect(first.nextCursor == "MQZDZD")
        #expect(second.nextCursor == nil)
        let rows = try parser.metricRows(from: first.items + second.items, level: .campaign, currency: .usd)
        #expect(rows.count == 2)
        let summed = try #require(rows.first)
        #expect(summed.entityID == "120210000000000001")
        #expect(summed.level == .campaign)
        #expect(summed.platform == .meta)
        #expect(summed.impressions == 1_500)
        #expect(summed.clicks == 70)
        // 10.005 + 10.005 is 20.01; rounding each day first would give 20.00.
        #expect(summed.spend == Sample.usd(2_001))
        #expect(summed.conversions == 6)
        #expect(summed.revenue == Sample.usd(5_997))
        let quiet = try #require(rows.last)
        #expect(quiet.entityID == "120210000000000009")
        #expect(quiet.impressions == 10)
        #expect(quiet.clicks == 0)
        #expect(quiet.spend == Sample.usd(0))
        #expect(quiet.conversions == 0)
        #expect(quiet.revenue == Sample.usd(0))
    }

    @Test("a conversion Meta reports under its pixel and its generic name counts once")
    func conversionReportedTwice() throws {
        let row = try JSONValue(
            parsing: Data(
                """
                {"campaign_id":"9","impressions":"100","clicks":"4","spend":"1.00",
                 "actions":[{"action_type":"offsite_conversion.fb_pixel_purchase","value":"2"},
                            {"action_type":"purchase","value":"2"},
                            {"action_type":"complete_registration","value":"1"},
                            {"action_type":"link_click","value":"4"}],
                 "action_values":[{"action_type":"offsite_conversion.fb_pixel_purchase","value":"19.98"},
                                  {"action_type":"purchase","value":"19.98"}]}
                """.utf8))
        let rows = try MetaResponseParser(operation: "fetchMetrics").metricRows(
            from: [row], level: .campaign, currency: .usd)
        #expect(rows.first?.conversions == 3)
        #expect(rows.first?.revenue == Money(minorUnits: 1998, currency: .usd))
    }

    @Test("insights spend in a zero-decimal currency rounds to whole yen")
    func jpySpend() throws {
        let rows = try parser.metricRows(
            from: [["ad_id": "7", "impressions": "3", "clicks": "1", "spend": "1234.5"]], level: .ad, currency: .jpy)
        #expect(rows.first?.spend == Money(minorUnits: 1_234, currency: .jpy))
        #expect(rows.first?.level == .ad)
    }

    @Test("insights rows without the id field or with non-numeric metrics are malformed")
    func malformedInsights() throws {
        let noID = #expect(throws: AdPlatformError.self) {
            try parser.metricRows(from: [["impressions": "1"]], level: .campaign, currency: .usd)
        }
        #expect(noID?.code == .malformedResponse)
        let text = #expect(throws: AdPlatformError.self) {
            try parser.metricRows(
                from: [["adset_id": "1", "impressions": "many"]], level: .adGroup, currency: .usd)
        }
        #expect(text?.code == .malformedResponse)
    }

    @Test("a body that is not JSON is malformed; an error object fails whatever the status")
    func bodies() throws {
        let html = PlatformHTTPResponse(status: 200, body: Data("<html>".utf8))
        let malformed = #expect(throws: AdPlatformError.self) { try parser.body(of: html) }
        #expect(malformed?.code == .malformedResponse)
        #expect(malformed?.message.contains("expected a JSON body") == true)
        let failed = #expect(throws: AdPlatformError.self) {
            try parser.body(of: try Fixture.response("error_token_expired", status: 200))
        }
        #expect(failed?.code == .authExpired)
        #expect(failed?.httpStatus == 200)
        #expect(failed?.operation == "test")
    }

    @Test(
        "Meta statuses read as generic ones",
        arguments: [
            ("ACTIVE", DeliveryStatus?.some(.active)), ("PAUSED", .paused), ("DELETED", .removed),
            ("ARCHIVED", .removed), ("IN_PROCESS", nil),
        ])
    func statuses(value: String, expected: DeliveryStatus?) {
        #expect(MetaStatus.deliveryStatus(from: value) == expected)
    }
}
