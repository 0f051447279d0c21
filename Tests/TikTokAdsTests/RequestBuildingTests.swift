import AdPlatformKit
import Foundation
import Testing
import TikTokAds

@Suite("Request building against golden fixtures")
struct RequestBuildingTests {
    let builder = TikTokRequestBuilder()

    @Test func createCampaign() throws {
        let request = try builder.createCampaign(Samples.campaignSpec(), in: Samples.account())
        try RequestExpectations.expect(request, matches: "create_campaign_request")
    }

    @Test func createAdGroupWithDailyBudgetAndTargeting() throws {
        let request = try builder.createAdGroup(
            Samples.adGroupSpec(), campaignID: Samples.campaignID, in: Samples.account())
        try RequestExpectations.expect(request, matches: "create_adgroup_request")
    }

    @Test func createAdGroupWithLifetimeYenBudgetAndBid() throws {
        let yen = { (amount: Int64) in Money(minorUnits: amount, currency: .jpy) }
        let marker = IdempotencyMarker(value: "ao-4d5e6f7081")
        let spec = AdGroupSpec(
            key: "jp", name: marker.apply(to: "JP buyers"), marker: marker, objective: .conversions, status: .active,
            budget: Budget(.lifetime, yen(300_000)), bid: yen(150),
            schedule: Schedule(start: Samples.marchFirst, end: Samples.marchLast),
            targeting: Targeting(countries: ["jp"]))
        let request = try builder.createAdGroup(
            spec, campaignID: Samples.campaignID, in: Samples.account(currency: .jpy))
        try RequestExpectations.expect(request, matches: "create_adgroup_lifetime_bid_request")
    }

    @Test func createAdWithIdentityAndUploadedImage() throws {
        let request = try builder.createAd(Samples.adSpec(), adGroupID: Samples.adGroupID, in: Samples.identityAccount)
        try RequestExpectations.expect(request, matches: "create_ad_request")
    }

    @Test func uploadImage() throws {
        let request = try builder.uploadImage(Samples.imageUpload, in: Samples.account())
        try RequestExpectations.expect(request, matches: "upload_image_request")
    }

    @Test func statusUpdate() throws {
        let request = try builder.setStatus(.active, of: .adGroup, id: Samples.adGroupID, in: Samples.account())
        try RequestExpectations.expect(request, matches: "status_update_request")
    }

    @Test func budgetUpdate() throws {
        let request = try builder.setBudget(
            Budget(.daily, Samples.usd("75.50")), of: .adGroup, id: Samples.adGroupID, in: Samples.account())
        try RequestExpectations.expect(request, matches: "budget_update_request")
    }

    @Test func metricsReport() throws {
        let query = MetricsQuery(
            level: .campaign, entityIDs: ["1800000000000001", "1800000000000002"], since: "2026-03-01",
            until: "2026-03-07")
        let request = try builder.report(query, page: 1, in: Samples.account())
        try RequestExpectations.expect(request, matches: "metrics_request")
        // The filter's value is JSON text inside JSON; check it decodes to the ids.
        let filtering = try JSONValue(parsing: Data(try #require(request.queryValue("filtering")).utf8))
        let value = try #require(filtering[0]?["filter_value"]?.stringValue)
        #expect(try JSONValue(parsing: Data(value.utf8)) == ["1800000000000001", "1800000000000002"])
    }

    @Test func campaignLookupFiltersByMarker() throws {
        let request = try builder.findEntities(
            marked: IdempotencyMarker(value: "ao-1a2b3c4d5e"), kind: .campaign, parentID: nil, page: 1,
            in: Samples.account())
        try RequestExpectations.expect(request, matches: "lookup_campaign_request")
    }

    @Test func adGroupLookupFiltersByMarkerAndCampaign() throws {
        let request = try builder.findEntities(
            marked: IdempotencyMarker(value: "ao-2b3c4d5e6f"), kind: .adGroup, parentID: Samples.campaignID, page: 1,
            in: Samples.account())
        try RequestExpectations.expect(request, matches: "lookup_adgroup_request")
    }

    @Test func adLookupFiltersByAdGroupOnly() throws {
        let request = try builder.findEntities(
            marked: IdempotencyMarker(value: "ao-3c4d5e6f70"), kind: .ad, parentID: Samples.adGroupID, page: 1,
            in: Samples.account())
        try RequestExpectations.expect(request, matches: "lookup_ad_request")
    }

    @Test func readAdByID() throws {
        let request = try builder.readEntity(.ad, id: Samples.adID, in: Samples.account())
        try RequestExpectations.expect(request, matches: "read_ad_request")
    }

    @Test func listAdGroupsPage() throws {
        let request = try builder.listEntities(.adGroup, page: 2, pageSize: 50, in: Samples.account())
        try RequestExpectations.expect(request, matches: "list_adgroups_request")
    }

    @Test func configuredBaseURLAndVersionReachThePath() throws {
        let local = try #require(URL(string: "http://127.0.0.1:8080"))
        let builder = TikTokRequestBuilder(configuration: TikTokAdsConfiguration(baseURL: local, apiVersion: "v1.4"))
        let request = try builder.setStatus(.paused, of: .ad, id: "9", in: Samples.account())
        #expect(request.url.absoluteString == "http://127.0.0.1:8080/open_api/v1.4/ad/status/update/")
    }

    @Test(arguments: [
        (EntityKind.campaign, DeliveryStatus.removed, "campaign/status/update/", "campaign_ids", "DELETE"),
        (EntityKind.adGroup, DeliveryStatus.paused, "adgroup/status/update/", "adgroup_ids", "DISABLE"),
        (EntityKind.ad, DeliveryStatus.active, "ad/status/update/", "ad_ids", "ENABLE"),
    ])
    func statusUpdatePerKind(
        kind: EntityKind, status: DeliveryStatus, endpoint: String, idsKey: String, value: String
    )
        throws
    {
        let request = try builder.setStatus(status, of: kind, id: "42", in: Samples.account())
        #expect(request.path == "/open_api/v1.3/" + endpoint)
        let body = try JSONValue(parsing: try #require(request.body))
        #expect(body[idsKey] == ["42"])
        #expect(body["operation_status"] == .string(value))
        #expect(body["advertiser_id"] == .string(Samples.advertiserID))
    }

    @Test func campaignBudgetUpdateCarriesBudgetMode() throws {
        let request = try builder.setBudget(
            Budget(.lifetime, Samples.usd("1000")), of: .campaign, id: Samples.campaignID, in: Samples.account())
        #expect(request.path == "/open_api/v1.3/campaign/update/")
        let body = try JSONValue(parsing: try #require(request.body))
        #expect(
            body
                == [
                    "advertiser_id": .string(Samples.advertiserID), "campaign_id": .string(Samples.campaignID),
                    "budget": 1000, "budget_mode": "BUDGET_MODE_TOTAL",
                ])
    }

    @Test func adGroupLevelReportWithoutIDsHasNoFilter() throws {
        let query = MetricsQuery(level: .ad, entityIDs: [], since: "2026-03-01", until: "2026-03-01")
        let request = try builder.report(query, page: 3, in: Samples.account())
        #expect(request.queryValue("data_level") == "AUCTION_AD")
        #expect(request.queryValue("dimensions") == #"["ad_id"]"#)
        #expect(request.queryValue("filtering") == nil)
        #expect(request.queryValue("page") == "3")
    }
}
