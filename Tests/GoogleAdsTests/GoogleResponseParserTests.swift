import AdPlatformKit
import Foundation
import GoogleAds
import Testing

@Suite("Google response parsing")
struct GoogleResponseParserTests {
    @Test("googleAds:mutate results are found by their result key")
    func mutateResults() throws {
        let body = try GoogleTestSupport.fixtureJSON("create_campaign_response.json")
        #expect(
            try GoogleResponseParser.mutateResourceName(body, resultKey: "campaignResult", operation: "x")
                == "customers/1234567890/campaigns/22")
        #expect(
            try GoogleResponseParser.mutateResourceName(body, resultKey: "campaignBudgetResult", operation: "x")
                == "customers/1234567890/campaignBudgets/11")
        #expect {
            try GoogleResponseParser.mutateResourceName(body, resultKey: "adGroupResult", operation: "createAdGroup")
        } throws: { error in
            let error = error as? AdPlatformError
            return error?.code == .malformedResponse && error?.message.contains("adGroupResult") == true
                && error?.operation == "createAdGroup"
        }
    }

    @Test("service mutate results give resource names; ids come from their last component")
    func serviceResults() throws {
        let body = try GoogleTestSupport.fixtureJSON("create_ad_response.json")
        let name = try GoogleResponseParser.firstResultResourceName(body, operation: "createAd")
        #expect(name == "customers/1234567890/adGroupAds/33~44")
        #expect(GoogleResourceName.id(of: name) == "44")
        #expect(GoogleResourceName.adGroupID(ofAdGroupAd: name) == "33")
        #expect(GoogleResourceName.id(of: "customers/1/campaigns/22") == "22")
        #expect(throws: AdPlatformError.self) {
            try GoogleResponseParser.firstResultResourceName(["results": [[:]]], operation: "x")
        }
        #expect(throws: AdPlatformError.self) {
            try GoogleResponseParser.firstResultResourceName(["results": []], operation: "x")
        }
    }

    @Test("a body that is not JSON is malformed, saying what was expected")
    func notJSON() throws {
        let response = PlatformHTTPResponse(status: 200, body: Data("<html>oops</html>".utf8))
        #expect { try GoogleResponseParser.body(response, operation: "createAd") } throws: { error in
            let error = error as? AdPlatformError
            return error?.code == .malformedResponse && error?.message.contains("expected a JSON body") == true
                && error?.httpStatus == 200
        }
    }

    @Test("search pages: rows and next page token; an empty page has neither")
    func searchPages() throws {
        let first = try GoogleResponseParser.searchPage(
            try GoogleTestSupport.fixtureJSON("search_campaigns_page1.json"), operation: "x")
        #expect(first.rows.count == 2)
        #expect(first.nextPageToken == "PAGE-2")
        let last = try GoogleResponseParser.searchPage(
            try GoogleTestSupport.fixtureJSON("search_campaigns_page2.json"), operation: "x")
        #expect(last.rows.count == 1)
        #expect(last.nextPageToken == nil)
        let empty = try GoogleResponseParser.searchPage(
            try GoogleTestSupport.fixtureJSON("search_empty_response.json"), operation: "x")
        #expect(empty.rows.isEmpty)
        #expect(empty.nextPageToken == nil)
        #expect(throws: AdPlatformError.self) { try GoogleResponseParser.searchPage(["results": "x"], operation: "x") }
        #expect(throws: AdPlatformError.self) { try GoogleResponseParser.searchPage([1, 2], operation: "x") }
    }

    @Test("campaign rows become campaigns with their budget resource name")
    func campaignRow() throws {
        let page = try GoogleResponseParser.searchPage(
            try GoogleTestSupport.fixtureJSON("search_campaigns_page2.json"), operation: "x")
        let row = try #require(page.rows.first)
        let campaign = try GoogleResponseParser.entity(fromRow: row, kind: .campaign, operation: "x")
        #expect(campaign.id == "22")
        #expect(campaign.kind == .campaign)
        #expect(campaign.platform == .google)
        #expect(campaign.name == "Winter launch [ao-1a2b3c4d5e]")
        #expect(campaign.status == .paused)
        #expect(campaign.attributes["resourceName"] == "customers/1234567890/campaigns/22")
        #expect(campaign.attributes["budgetResourceName"] == "customers/1234567890/campaignBudgets/11")
    }

    @Test("ad group rows carry their campaign as parent")
    func adGroupRow() throws {
        let page = try GoogleResponseParser.searchPage(
            try GoogleTestSupport.fixtureJSON("search_ad_groups_response.json"), operation: "x")
        let groups = try page.rows.map { try GoogleResponseParser.entity(fromRow: $0, kind: .adGroup, operation: "x") }
        #expect(groups.map(\.id) == ["33", "34"])
        #expect(groups.map(\.parentID) == ["22", "22"])
        #expect(groups.map(\.status) == [.paused, .active])
        #expect(groups.first?.attributes["campaignResourceName"] == "customers/1234567890/campaigns/22")
    }

    @Test("ad rows: id from the ad, parent from the resource name, marker from the custom parameter")
    func adRow() throws {
        let page = try GoogleResponseParser.searchPage(
            try GoogleTestSupport.fixtureJSON("search_ad_group_ads_page2.json"), operation: "x")
        let ads = try page.rows.map { try GoogleResponseParser.entity(fromRow: $0, kind: .ad, operation: "x") }
        #expect(ads.map(\.id) == ["45", "44"])
        #expect(ads.map(\.parentID) == ["33", "33"])
        #expect(ads[0].attributes["marker"] == nil)
        #expect(ads[0].name == "")
        #expect(ads[1].attributes["marker"] == "ao-3c4d5e6f7a")
        #expect(ads[1].name == "[ao-3c4d5e6f7a]")
        #expect(GoogleTestSupport.adMarker.isCarried(by: ads[1].name))
        #expect(ads[1].attributes["resourceName"] == "customers/1234567890/adGroupAds/33~44")
    }

    @Test("budget and asset rows")
    func budgetAndAssetRows() throws {
        let budget = try GoogleResponseParser.entity(
            fromRow: [
                "campaignBudget": [
                    "resourceName": "customers/1/campaignBudgets/11", "id": "11", "name": "b", "status": "ENABLED",
                    "amountMicros": "150000000",
                ]
            ], kind: .budget, operation: "x")
        #expect(budget.id == "11")
        #expect(budget.status == .active)
        #expect(budget.attributes["amountMicros"] == "150000000")
        let asset = try GoogleResponseParser.entity(
            fromRow: [
                "asset": ["resourceName": "customers/1/assets/55", "id": "55", "name": "hero.png", "type": "IMAGE"]
            ],
            kind: .media, operation: "x")
        #expect(asset.id == "55")
        #expect(asset.name == "hero.png")
        #expect(asset.status == nil)
        #expect(asset.attributes["type"] == "IMAGE")
    }

    @Test("rows without the expected resource are malformed")
    func malformedRow() {
        #expect {
            try GoogleResponseParser.entity(fromRow: ["adGroup": ["id": "1"]], kind: .campaign, operation: "readEntity")
        } throws: { error in
            (error as? AdPlatformError)?.code == .malformedResponse
                && (error as? AdPlatformError)?.message.contains("'campaign'") == true
        }
        #expect(throws: AdPlatformError.self) {
            try GoogleResponseParser.entity(fromRow: ["campaign": ["id": "1"]], kind: .campaign, operation: "x")
        }
    }

    @Test("metrics: rows of the same entity are summed; int64 strings and doubles are read exactly")
    func metrics() throws {
        let rows =
            try GoogleResponseParser.searchPage(
                try GoogleTestSupport.fixtureJSON("metrics_page1.json"), operation: "x"
            ).rows
            + GoogleResponseParser.searchPage(try GoogleTestSupport.fixtureJSON("metrics_page2.json"), operation: "x")
            .rows
        let metrics = try GoogleResponseParser.metricRows(from: rows, level: .campaign, currency: .usd)
        #expect(metrics.map(\.entityID) == ["1", "2"])
        let first = try #require(metrics.first)
        #expect(first.platform == .google)
        #expect(first.level == .campaign)
        #expect(first.impressions == 1_500)
        #expect(first.clicks == 75)
        #expect(first.spend == Money(minorUnits: 1_335, currency: .usd))
        #expect(first.conversions == 3.75)
        #expect(first.revenue == Money(minorUnits: 4_975, currency: .usd))
        let second = try #require(metrics.last)
        #expect(second.impressions == 10)
        #expect(second.spend == Money(minorUnits: 99, currency: .usd))
        #expect(second.revenue == Money(minorUnits: 0, currency: .usd))
    }

    @Test("metrics in yen round micros to whole yen; ad rows use the ad id")
    func metricsInYen() throws {
        let rows: [JSONValue] = [
            [
                "adGroupAd": ["resourceName": "customers/1/adGroupAds/33~44", "ad": ["id": "44"]],
                "metrics": ["impressions": "3", "costMicros": "1500000", "conversionsValue": .double(1234.5)],
            ]
        ]
        let metrics = try GoogleResponseParser.metricRows(from: rows, level: .ad, currency: .jpy)
        #expect(metrics.first?.entityID == "44")
        #expect(metrics.first?.spend == Money(minorUnits: 2, currency: .jpy))
        #expect(metrics.first?.revenue == Money(minorUnits: 1_234, currency: .jpy))
        #expect(metrics.first?.clicks == 0)
        #expect {
            try GoogleResponseParser.metricRows(
                from: [["campaign": ["id": "1"], "metrics": ["clicks": "many"]]], level: .campaign, currency: .usd)
        } throws: { error in
            (error as? AdPlatformError)?.message.contains("metrics.clicks") == true
        }
    }

    @Test("campaign locations and budget searches")
    func helperSearches() throws {
        let locations = try GoogleResponseParser.searchPage(
            try GoogleTestSupport.fixtureJSON("campaign_locations_response.json"), operation: "x")
        #expect(GoogleResponseParser.geoTargetConstants(in: locations.rows) == ["geoTargetConstants/2840"])
        let budget = try GoogleResponseParser.searchPage(
            try GoogleTestSupport.fixtureJSON("campaign_budget_search_response.json"), operation: "x")
        #expect(
            try GoogleResponseParser.campaignBudgetResourceName(in: budget.rows, operation: "x")
                == "customers/1234567890/campaignBudgets/11")
        #expect { try GoogleResponseParser.campaignBudgetResourceName(in: [], operation: "setBudget") } throws: {
            error in (error as? AdPlatformError)?.code == .notFound
        }
    }
}
