import AdPlatformKit
import Foundation
import Testing

@testable import MetaAds

@Suite("Meta request building")
struct MetaRequestBuilderTests {
    let builder = MetaRequestBuilder()

    @Test("campaign: objective, status, special categories, bidding and the budget in offset units")
    func createCampaign() throws {
        let request = try builder.createCampaign(Sample.campaign(), in: Sample.account())
        try RequestExpectation.check(request, against: "create_campaign_request")
        #expect(request.url.absoluteString.hasPrefix("https://graph.facebook.com/v26.0/act_123/campaigns?"))
    }

    @Test("ad set: campaign, optimisation goal, targeting, schedule, bid and pixel")
    func createAdSet() throws {
        let request = try builder.createAdSet(Sample.adSet(), campaignID: Sample.campaignID, in: Sample.account())
        try RequestExpectation.check(request, against: "create_adset_request")
    }

    @Test("image upload: multipart with the file in the `filename` field")
    func uploadImage() throws {
        let request = try builder.uploadImage(Sample.upload, in: Sample.account())
        try RequestExpectation.check(request, against: "upload_image_request")
    }

    @Test("creative: marked name and object_story_spec with the first headline, description and image")
    func createCreative() throws {
        let request = try builder.createCreative(Sample.ad(), in: Sample.account())
        try RequestExpectation.check(request, against: "create_creative_request")
    }

    @Test("ad: ad set, creative id as JSON and status")
    func createAd() throws {
        let request = try builder.createAd(
            Sample.ad(), adSetID: Sample.adSetID, creativeID: Sample.creativeID, in: Sample.account())
        try RequestExpectation.check(request, against: "create_ad_request")
    }

    @Test("status update goes to the node with a trailing slash")
    func setStatus() throws {
        let request = try builder.setStatus(.active, of: Sample.campaignID, in: Sample.account())
        try RequestExpectation.check(request, against: "update_status_request")
        let removed = try builder.setStatus(.removed, of: Sample.campaignID, in: Sample.account())
        #expect(removed.formValue("status") == "DELETED")
        let paused = try builder.setStatus(.paused, of: Sample.campaignID, in: Sample.account())
        #expect(paused.formValue("status") == "PAUSED")
    }

    @Test("budget update sends lifetime_budget in offset units")
    func setBudget() throws {
        let request = try builder.setBudget(
            Budget(.lifetime, Sample.usd(250_000)), of: Sample.campaignID, in: Sample.account())
        try RequestExpectation.check(request, against: "update_budget_request")
    }

    @Test("insights: level, fields, time range and an IN filter on the ids")
    func insights() throws {
        let query = MetricsQuery(
            level: .campaign, entityIDs: [Sample.campaignID, "120210000000000009"], since: "2026-12-01",
            until: "2026-12-07")
        let request = try builder.insights(query, in: Sample.account())
        try RequestExpectation.check(request, against: "insights_request")
        let next = try builder.insights(query, in: Sample.account(), after: "MQZDZD")
        #expect(next.queryValue("after") == "MQZDZD")
    }

    @Test(
        "insights levels name their id and filter fields",
        arguments: [
            (EntityKind.campaign, "campaign", "campaign_id", "campaign.id"),
            (EntityKind.adGroup, "adset", "adset_id", "adset.id"),
            (EntityKind.ad, "ad", "ad_id", "ad.id"),
        ])
    func insightsLevels(kind: EntityKind, level: String, idField: String, filterField: String) throws {
        let request = try builder.insights(
            MetricsQuery(level: kind, entityIDs: ["9"], since: "2026-12-01", until: "2026-12-01"), in: Sample.account())
        #expect(request.queryValue("level") == level)
        #expect(request.queryValue("fields")?.hasPrefix(idField + ",") == true)
        #expect(request.queryJSON("filtering")?[0]?["field"]?.stringValue == filterField)
    }

    @Test("insights for the whole account send no filter; a media level is unsupported")
    func insightsWithoutIDs() throws {
        let request = try builder.insights(
            MetricsQuery(level: .ad, entityIDs: [], since: "2026-12-01", until: "2026-12-02"), in: Sample.account())
        #expect(request.queryValue("filtering") == nil)
        #expect(request.queryJSON("time_range") == ["since": "2026-12-01", "until": "2026-12-02"])
        let error = #expect(throws: AdPlatformError.self) {
            try builder.insights(
                MetricsQuery(level: .media, entityIDs: [], since: "2026-12-01", until: "2026-12-02"),
                in: Sample.account())
        }
        #expect(error?.code == .unsupported)
    }

    @Test("lookup lists the edge filtered to names containing the marker")
    func lookup() throws {
        let request = try builder.findMarked(
            IdempotencyMarker(value: "ao-1a2b3c4d5e"), kind: .campaign, in: Sample.account())
        try RequestExpectation.check(request, against: "lookup_request")
    }

    @Test(
        "each kind is looked up on its own edge",
        arguments: [
            (EntityKind.campaign, "campaigns"), (.adGroup, "adsets"), (.ad, "ads"), (.creative, "adcreatives"),
        ])
    func lookupEdges(kind: EntityKind, edge: String) throws {
        let request = try builder.findMarked(
            IdempotencyMarker(value: "ao-0000000001"), kind: kind, in: Sample.account(), after: "CUR")
        #expect(request.pathText == "/v26.0/act_123/\(edge)")
        #expect(request.queryValue("after") == "CUR")
        #expect(request.queryJSON("filtering")?[0]?["value"] == "ao-0000000001")
    }

    @Test("read and list requests")
    func readAndList() throws {
        try RequestExpectation.check(
            try builder.read(.adGroup, id: Sample.adSetID, in: Sample.account()), against: "read_request")
        try RequestExpectation.check(
            try builder.list(.ad, in: Sample.account(), pageSize: 2, after: "QVFIUmF"), against: "list_request")
        let image = try builder.read(.media, id: "123:abc123hash", in: Sample.account())
        #expect(image.pathText == "/v26.0/act_123/adimages")
        #expect(image.queryJSON("hashes") == ["abc123hash"])
        let first = try builder.list(.campaign, in: Sample.account(), pageSize: 50)
        #expect(first.queryValue("after") == nil)
        #expect(first.queryValue("limit") == "50")
    }

    @Test("the account id is accepted with or without act_, and sent with it")
    func accountIDs() throws {
        for id in ["123", "act_123", " act_123 "] {
            let request = try builder.createCampaign(Sample.campaign(), in: Sample.account(id))
            #expect(request.pathText == "/v26.0/act_123/campaigns")
        }
        let error = #expect(throws: AdPlatformError.self) {
            try builder.createCampaign(Sample.campaign(), in: Sample.account("act_12x"))
        }
        #expect(error?.code == .invalidParameter)
        #expect(error?.fieldPath == "account.accountID")
    }

    @Test("appsecret_proof is the HMAC-SHA256 of the token under the app secret, next to the token")
    func appSecretProof() throws {
        let account = AccountContext(
            accountID: "123", currency: .usd,
            credentials: PlatformCredentials(
                accessToken: "The quick brown fox jumps over the lazy dog", clientSecret: "key"))
        let request = try builder.list(.campaign, in: account, pageSize: 10)
        // RFC 4231-style known value for HMAC-SHA256(key: "key", message: the pangram).
        #expect(
            request.queryValue("appsecret_proof")
                == "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")
        #expect(request.queryItems.prefix(2).map(\.name) == ["access_token", "appsecret_proof"])
        let post = try builder.setStatus(.paused, of: "1", in: account)
        #expect(post.queryValue("appsecret_proof") != nil)
        #expect(post.formValue("appsecret_proof") == nil)
        let without = try builder.list(.campaign, in: Sample.account(), pageSize: 10)
        #expect(without.queryValue("appsecret_proof") == nil)
    }

    @Test(
        "budgets convert exactly with Meta's per-currency offset",
        arguments: [
            (Currency.usd, Int64(15_000), "15000"),
            (Currency.usd, Int64(1), "1"),
            (Currency.jpy, Int64(5_000), "5000"),
            (Currency(code: "KRW"), Int64(10_000), "10000"),
            (Currency(code: "TWD"), Int64(30_000), "300"),
            (Currency(code: "HUF"), Int64(150_000), "1500"),
            (Currency.eur, Int64(999), "999"),
        ])
    func budgetConversion(currency: Currency?, minorUnits: Int64, sent: String) throws {
        let currency = try #require(currency)
        let budget = Budget(.daily, Money(minorUnits: minorUnits, currency: currency))
        let request = try builder.createCampaign(
            Sample.campaign(budget: budget), in: Sample.account(currency: currency))
        #expect(request.formValue("daily_budget") == sent)
        #expect(request.formValue("lifetime_budget") == nil)
    }

    @Test("a budget finer than Meta's unit, or in another currency, is rejected at budget.amount")
    func budgetRejected() throws {
        let twd = try #require(Currency(code: "TWD"))
        let fine = #expect(throws: AdPlatformError.self) {
            try builder.createCampaign(
                Sample.campaign(budget: Budget(.daily, Money(minorUnits: 10_050, currency: twd))),
                in: Sample.account(currency: twd))
        }
        #expect(fine?.code == .invalidParameter)
        #expect(fine?.fieldPath == "budget.amount")
        #expect(fine?.operation == "createCampaign")
        let mismatched = #expect(throws: AdPlatformError.self) {
            try builder.setBudget(Budget(.daily, Sample.usd(1_000)), of: "1", in: Sample.account(currency: .jpy))
        }
        #expect(mismatched?.code == .invalidParameter)
        #expect(mismatched?.fieldPath == "budget.currency")
    }

    @Test("a campaign without a budget sends neither budget field")
    func campaignWithoutBudget() throws {
        let request = try builder.createCampaign(
            Sample.campaign(budget: nil, objective: .traffic), in: Sample.account())
        #expect(request.formValue("daily_budget") == nil)
        #expect(request.formValue("lifetime_budget") == nil)
        #expect(request.formValue("objective") == "OUTCOME_TRAFFIC")
    }

    @Test(
        "the ad set's optimisation goal follows the objective",
        arguments: [
            (Objective.traffic, "LINK_CLICKS"), (.conversions, "OFFSITE_CONVERSIONS"), (.sales, "OFFSITE_CONVERSIONS"),
            (.awareness, "REACH"), (.reach, "REACH"), (.engagement, "POST_ENGAGEMENT"), (.videoViews, "THRUPLAY"),
            (.leads, "LEAD_GENERATION"), (.appPromotion, "APP_INSTALLS"),
        ])
    func optimizationGoal(objective: Objective, goal: String) throws {
        let request = try builder.createAdSet(
            Sample.adSet(objective: objective), campaignID: "1", in: Sample.account())
        #expect(request.formValue("optimization_goal") == goal)
        #expect(request.formValue("billing_event") == "IMPRESSIONS")
    }

    @Test("promoted_object only for pixel conversions with a pixel; sales track purchases")
    func promotedObject() throws {
        let traffic = try builder.createAdSet(Sample.adSet(objective: .traffic), campaignID: "1", in: Sample.account())
        #expect(traffic.formValue("promoted_object") == nil)
        let noPixel = try builder.createAdSet(
            Sample.adSet(), campaignID: "1", in: Sample.account(settings: ["page_id": "1"]))
        #expect(noPixel.formValue("promoted_object") == nil)
        let sales = try builder.createAdSet(Sample.adSet(objective: .sales), campaignID: "1", in: Sample.account())
        #expect(sales.formJSON("promoted_object") == ["pixel_id": "444555666", "custom_event_type": "PURCHASE"])
    }

    @Test(
        "genders are sent only when one is chosen; ages only when given; interests never",
        arguments: [
            ([Gender.male], [Int64(1)]), ([.female], [2]), ([.male, .female], nil), ([], nil),
        ] as [([Gender], [Int64]?)])
    func targetingGenders(genders: [Gender], expected: [Int64]?) throws {
        let spec = Sample.adSet(targeting: Targeting(countries: ["gb"], genders: genders, interests: ["yoga"]))
        let request = try builder.createAdSet(spec, campaignID: "1", in: Sample.account())
        let targeting = try #require(request.formJSON("targeting"))
        #expect(targeting["genders"] == expected.map { .array($0.map(JSONValue.integer)) })
        #expect(targeting["geo_locations"] == ["countries": ["GB"]])
        #expect(targeting["age_min"] == nil)
        #expect(targeting["interests"] == nil)
        #expect(targeting["flexible_spec"] == nil)
    }

    @Test("an open-ended schedule sends no end_time; no bid sends no bid_amount")
    func openSchedule() throws {
        let spec = Sample.adSet(bid: nil, schedule: Schedule(start: Sample.date("2027-01-15T08:30:05Z")))
        let request = try builder.createAdSet(spec, campaignID: "1", in: Sample.account())
        #expect(request.formValue("start_time") == "2027-01-15T08:30:05+0000")
        #expect(request.formValue("end_time") == nil)
        #expect(request.formValue("bid_amount") == nil)
    }

    @Test("a JPY bid is sent in yen")
    func jpyBid() throws {
        let spec = Sample.adSet(bid: Money(minorUnits: 120, currency: .jpy))
        let request = try builder.createAdSet(spec, campaignID: "1", in: Sample.account(currency: .jpy))
        #expect(request.formValue("bid_amount") == "120")
    }

    @Test("a creative without optional texts, image or button sends only the link")
    func minimalCreative() throws {
        let bare = CreativeDefinition(key: "k", name: "Bare", headlines: [], landingURL: "https://example.com")
        let request = try builder.createCreative(Sample.ad(creative: bare, media: []), in: Sample.account())
        let spec = try #require(request.formJSON("object_story_spec"))
        #expect(spec["link_data"] == ["link": .string(Sample.landingURL)])
        #expect(request.formValue("name") == "Bare [ao-3c4d5e6f70]")
    }

    @Test("a creative needs the page_id setting")
    func creativeNeedsPage() throws {
        let error = #expect(throws: AdPlatformError.self) {
            try builder.createCreative(Sample.ad(), in: Sample.account(settings: [:]))
        }
        #expect(error?.code == .invalidParameter)
        #expect(error?.fieldPath == "account.settings.page_id")
        #expect(error?.operation == "createAd")
    }

    @Test("videos are not uploaded: this module builds image link ads")
    func videoUpload() throws {
        let video = MediaUpload(kind: .video, fileName: "a.mp4", contentType: "video/mp4", data: Data([1]))
        let error = #expect(throws: AdPlatformError.self) { try builder.uploadImage(video, in: Sample.account()) }
        #expect(error?.code == .unsupported)
    }

    @Test("a separate budget entity does not exist on Meta")
    func unsupportedKind() throws {
        let error = #expect(throws: AdPlatformError.self) {
            try builder.list(.budget, in: Sample.account(), pageSize: 10)
        }
        #expect(error?.code == .unsupported)
    }

    @Test("the base URL and version are configurable; the version is checked")
    func configuration() throws {
        let emulator = try #require(URL(string: "http://127.0.0.1:8080"))
        let custom = MetaRequestBuilder(configuration: try MetaAdsConfiguration(baseURL: emulator, apiVersion: "v25.0"))
        let request = try custom.createCampaign(Sample.campaign(), in: Sample.account())
        #expect(request.url.absoluteString.hasPrefix("http://127.0.0.1:8080/v25.0/act_123/campaigns?access_token="))
        #expect(MetaAdsConfiguration().apiVersion == "v26.0")
        #expect(MetaAdsConfiguration().baseURL.absoluteString == "https://graph.facebook.com")
        for bad in ["26.0", "v26", "v26.0.1", "V26.0", "v.0", "v26.x", ""] {
            let error = #expect(throws: AdPlatformError.self, "\(bad)") {
                try MetaAdsConfiguration(apiVersion: bad)
            }
            #expect(error?.fieldPath == "configuration.apiVersion")
        }
    }

    @Test("tokens with reserved characters are percent-encoded in the query")
    func tokenEncoding() throws {
        let account = AccountContext(
            accountID: "123", currency: .usd, credentials: PlatformCredentials(accessToken: "a+b/c=d&e"))
        let request = try builder.list(.campaign, in: account, pageSize: 1)
        #expect(request.url.query(percentEncoded: true)?.hasPrefix("access_token=a%2Bb%2Fc%3Dd%26e&") == true)
        #expect(request.queryValue("access_token") == "a+b/c=d&e")
    }
}
