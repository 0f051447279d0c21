import AdPlatformKit
import Foundation
import GoogleAds
import Testing

@Suite("Google request building against golden fixtures")
struct GoogleRequestBuilderTests {
    let builder = GoogleRequestBuilder()
    let account = GoogleTestSupport.account()

    @Test("campaign: budget, search campaign and location criteria in one atomic googleAds:mutate")
    func createCampaign() throws {
        let request = try builder.createCampaign(
            GoogleTestSupport.campaignSpec(), countries: ["US", "CA"], in: account)
        try GoogleTestSupport.expectRequest(request, matches: "create_campaign_request.json")
    }

    @Test(
        "campaign bidding follows the objective",
        arguments: [
            (Objective.traffic, "targetSpend"), (.conversions, "maximizeConversions"), (.leads, "maximizeConversions"),
            (.sales, "maximizeConversions"),
        ])
    func bidding(objective: Objective, strategy: String) throws {
        let request = try builder.createCampaign(GoogleTestSupport.campaignSpec(objective: objective), in: account)
        let campaign = try GoogleTestSupport.body(request)["mutateOperations"]?[1]?["campaignOperation"]?["create"]
        #expect(campaign?[strategy] == [:])
        let other = strategy == "targetSpend" ? "maximizeConversions" : "targetSpend"
        #expect(campaign?[other] == nil)
        #expect(campaign?["advertisingChannelType"] == "SEARCH")
    }

    @Test("objectives without a search equivalent are unsupported")
    func unsupportedObjective() {
        #expect {
            try builder.createCampaign(GoogleTestSupport.campaignSpec(objective: .videoViews), in: account)
        } throws: { error in
            (error as? AdPlatformError)?.code == .unsupported && (error as? AdPlatformError)?.fieldPath == "objective"
        }
    }

    @Test(
        "budgets convert exactly to micros strings",
        arguments: [
            (Money(minorUnits: 15_000, currency: .usd), "150000000"),
            (Money(minorUnits: 1, currency: .usd), "10000"),
            (Money(minorUnits: 1_000, currency: .jpy), "1000000000"),
            (Money(minorUnits: 12_345, currency: Currency(code: "KWD") ?? .usd), "12345000"),
        ])
    func budgetConversion(amount: Money, micros: String) throws {
        let account = GoogleTestSupport.account(currency: amount.currency)
        let request = try builder.createCampaign(
            GoogleTestSupport.campaignSpec(budget: Budget(.daily, amount)), in: account)
        let budget = try GoogleTestSupport.body(request)["mutateOperations"]?[0]?["campaignBudgetOperation"]?["create"]
        #expect(budget?["amountMicros"] == .string(micros))
        let update = try builder.setBudget(
            Budget(.daily, amount), budgetResourceName: "customers/1234567890/campaignBudgets/11", in: account)
        #expect(try GoogleTestSupport.body(update)["operations"]?[0]?["update"]?["amountMicros"] == .string(micros))
    }

    @Test("a budget that does not convert, or is in another currency, names budget.amount")
    func budgetErrors() {
        let overflow = Budget(.daily, Money(minorUnits: .max, currency: .usd))
        #expect {
            try builder.createCampaign(GoogleTestSupport.campaignSpec(budget: overflow), in: account)
        } throws: { error in
            let error = error as? AdPlatformError
            return error?.code == .invalidParameter && error?.fieldPath == "budget.amount"
                && error?.operation == "createCampaign" && error?.platform == .google
        }
        let euros = Budget(.daily, Money(minorUnits: 100, currency: .eur))
        #expect {
            try builder.setBudget(euros, budgetResourceName: "customers/1234567890/campaignBudgets/11", in: account)
        } throws: { error in
            (error as? AdPlatformError)?.fieldPath == "budget.amount"
                && (error as? AdPlatformError)?.code == .invalidParameter
        }
        let lifetime = Budget(.lifetime, Money(minorUnits: 100, currency: .usd))
        #expect {
            try builder.createCampaign(GoogleTestSupport.campaignSpec(budget: lifetime), in: account)
        } throws: { error in
            (error as? AdPlatformError)?.code == .unsupported
                && (error as? AdPlatformError)?.fieldPath == "budget.period"
        }
    }

    @Test("campaign days are whole days in the account's time zone, UTC by default")
    func campaignDates() throws {
        let spec = CampaignSpec(
            name: "Late night", marker: GoogleTestSupport.campaignMarker, objective: .traffic, status: .active,
            budget: Budget(.daily, Money(minorUnits: 100, currency: .usd)),
            schedule: Schedule(start: Date(timeIntervalSince1970: 1_796_094_000)))
        let newYork = try builder.createCampaign(spec, in: account)
        let inNewYork = try GoogleTestSupport.body(newYork)["mutateOperations"]?[1]?["campaignOperation"]?["create"]
        #expect(inNewYork?["startDateTime"] == "2026-11-30 00:00:00")
        #expect(inNewYork?["endDateTime"] == nil)
        #expect(inNewYork?["status"] == "ENABLED")
        let utc = try builder.createCampaign(spec, in: GoogleTestSupport.account(settings: [:]))
        let inUTC = try GoogleTestSupport.body(utc)["mutateOperations"]?[1]?["campaignOperation"]?["create"]
        #expect(inUTC?["startDateTime"] == "2026-12-01 00:00:00")
        #expect(throws: AdPlatformError.self) {
            try builder.createCampaign(spec, in: GoogleTestSupport.account(settings: ["time_zone": "Mars/Olympus"]))
        }
    }

    @Test("ad group: keywords and the campaign's missing countries in one atomic googleAds:mutate")
    func createAdGroup() throws {
        let request = try builder.createAdGroup(
            GoogleTestSupport.adGroupSpec(), under: GoogleTestSupport.campaignEntity,
            existingLocations: ["geoTargetConstants/2840"], in: account)
        try GoogleTestSupport.expectRequest(request, matches: "create_ad_group_request.json")
    }

    @Test("an ad group without a bid sends no cpcBidMicros; a campaign without resourceName is built from its id")
    func adGroupWithoutBid() throws {
        let campaign = PlatformEntity(platform: .google, kind: .campaign, id: "22", name: "c")
        let request = try builder.createAdGroup(
            GoogleTestSupport.adGroupSpec(bid: nil, countries: ["JP"], keywords: []), under: campaign, in: account)
        let operations = try GoogleTestSupport.body(request)["mutateOperations"]?.arrayValue ?? []
        #expect(operations.count == 2)
        let adGroup = operations.first?["adGroupOperation"]?["create"]
        #expect(adGroup?["cpcBidMicros"] == nil)
        #expect(adGroup?["campaign"] == "customers/1234567890/campaigns/22")
        #expect(
            operations.last?["campaignCriterionOperation"]?["create"]?["location"]?["geoTargetConstant"]
                == "geoTargetConstants/2392")
    }

    @Test("an unknown country names its index")
    func unknownCountry() {
        #expect {
            try builder.createAdGroup(
                GoogleTestSupport.adGroupSpec(countries: ["US", "ZZ"]), under: GoogleTestSupport.campaignEntity,
                in: account)
        } throws: { error in
            (error as? AdPlatformError)?.fieldPath == "targeting.countries[1]"
                && (error as? AdPlatformError)?.code == .invalidParameter
        }
    }

    @Test("ad: a responsive search ad whose marker travels as a URL custom parameter")
    func createAd() throws {
        let request = try builder.createAd(
            GoogleTestSupport.adSpec(), under: GoogleTestSupport.adGroupEntity, in: account)
        try GoogleTestSupport.expectRequest(request, matches: "create_ad_request.json")
    }

    @Test("an ad with one display path sends path1 only; three are rejected")
    func displayPaths() throws {
        let one = try builder.createAd(
            GoogleTestSupport.adSpec(displayPaths: ["movies"]), under: GoogleTestSupport.adGroupEntity, in: account)
        let searchAd = try GoogleTestSupport.body(one)["operations"]?[0]?["create"]?["ad"]?["responsiveSearchAd"]
        #expect(searchAd?["path1"] == "movies")
        #expect(searchAd?["path2"] == nil)
        #expect(throws: AdPlatformError.self) {
            try builder.createAd(
                GoogleTestSupport.adSpec(displayPaths: ["a", "b", "c"]), under: GoogleTestSupport.adGroupEntity,
                in: account)
        }
    }

    @Test("image upload: a base64 image asset with size and dimensions")
    func uploadImage() throws {
        let media = MediaUpload(
            kind: .image, fileName: "hero.png", contentType: "image/png", data: Data("PNGDATA".utf8), width: 600,
            height: 315)
        try GoogleTestSupport.expectRequest(
            try builder.uploadMedia(media, in: account), matches: "upload_image_request.json")
        let video = MediaUpload(kind: .video, fileName: "a.mp4", contentType: "video/mp4", data: Data())
        #expect { try builder.uploadMedia(video, in: account) } throws: { error in
            (error as? AdPlatformError)?.code == .unsupported
        }
        let tiff = MediaUpload(kind: .image, fileName: "a.tiff", contentType: "image/tiff", data: Data())
        #expect { try builder.uploadMedia(tiff, in: account) } throws: { error in
            (error as? AdPlatformError)?.fieldPath == "contentType"
        }
    }

    @Test("status: an update with updateMask status, or a remove")
    func status() throws {
        try GoogleTestSupport.expectRequest(
            try builder.setStatus(.paused, of: GoogleTestSupport.campaignEntity, in: account),
            matches: "pause_campaign_request.json")
        let ad = PlatformEntity(platform: .google, kind: .ad, id: "44", name: "", parentID: "33")
        try GoogleTestSupport.expectRequest(
            try builder.setStatus(.removed, of: ad, in: account), matches: "remove_ad_request.json")
        let enabled = try builder.setStatus(.active, of: GoogleTestSupport.adGroupEntity, in: account)
        #expect(enabled.url.path(percentEncoded: false) == "/v23/customers/1234567890/adGroups:mutate")
        #expect(try GoogleTestSupport.body(enabled)["operations"]?[0]?["update"]?["status"] == "ENABLED")
        let orphan = PlatformEntity(platform: .google, kind: .ad, id: "44", name: "")
        #expect { try builder.setStatus(.paused, of: orphan, in: account) } throws: { error in
            (error as? AdPlatformError)?.fieldPath == "entity.parentID"
        }
    }

    @Test("budget update: amountMicros with its update mask")
    func updateBudget() throws {
        let request = try builder.setBudget(
            Budget(.daily, Money(minorUnits: 20_000, currency: .usd)),
            budgetResourceName: "customers/1234567890/campaignBudgets/11", in: account)
        try GoogleTestSupport.expectRequest(request, matches: "update_budget_request.json")
    }

    @Test("searches: metrics, lookups, read, list, budget and location queries")
    func searches() throws {
        let metrics = try GoogleQueryBuilder.metricsQuery(
            MetricsQuery(level: .campaign, entityIDs: ["1", "2"], since: "2026-12-01", until: "2026-12-07"))
        try GoogleTestSupport.expectRequest(
            try builder.search(metrics, in: account, operation: "fetchMetrics"), matches: "metrics_request.json")

        let campaign = try GoogleQueryBuilder.lookupQuery(
            marker: GoogleTestSupport.campaignMarker, kind: .campaign, parent: nil)
        try GoogleTestSupport.expectRequest(
            try builder.search(campaign, in: account, operation: "findEntity"), matches: "lookup_campaign_request.json")

        let adGroup = try GoogleQueryBuilder.lookupQuery(
            marker: GoogleTestSupport.adGroupMarker, kind: .adGroup, parent: GoogleTestSupport.campaignEntity)
        try GoogleTestSupport.expectRequest(
            try builder.search(adGroup, in: account, operation: "findEntity"), matches: "lookup_ad_group_request.json")

        let ad = try GoogleQueryBuilder.lookupQuery(
            marker: GoogleTestSupport.adMarker, kind: .ad, parent: GoogleTestSupport.adGroupEntity)
        try GoogleTestSupport.expectRequest(
            try builder.search(ad, pageToken: "PAGE-2", in: account, operation: "findEntity"),
            matches: "lookup_ad_request.json")

        try GoogleTestSupport.expectRequest(
            try builder.search(
                try GoogleQueryBuilder.readQuery(kind: .campaign, id: "22"), in: account, operation: "readEntity"),
            matches: "read_campaign_request.json")
        try GoogleTestSupport.expectRequest(
            try builder.search(
                try GoogleQueryBuilder.listQuery(kind: .adGroup), pageToken: "CURSOR-1", in: account,
                operation: "listEntities"),
            matches: "list_ad_groups_request.json")
        try GoogleTestSupport.expectRequest(
            try builder.search(
                try GoogleQueryBuilder.campaignBudgetQuery(campaignID: "22"), in: account, operation: "setBudget"),
            matches: "campaign_budget_search_request.json")
        try GoogleTestSupport.expectRequest(
            try builder.search(
                try GoogleQueryBuilder.campaignLocationsQuery(campaignID: "22"), in: account,
                operation: "createAdGroup"),
            matches: "campaign_locations_search_request.json")
    }

    @Test("the customer id loses its dashes and must be ten digits")
    func customerID() throws {
        #expect(try builder.customerID(for: account, operation: "x") == "1234567890")
        var bad = account
        bad.accountID = "123-456-789"
        #expect { try builder.customerID(for: bad, operation: "createCampaign") } throws: { error in
            let error = error as? AdPlatformError
            return error?.code == .invalidParameter && error?.fieldPath == "account.accountID"
                && error?.operation == "createCampaign"
        }
        bad.accountID = "act_1234567890"
        #expect(throws: AdPlatformError.self) { try builder.customerID(for: bad, operation: "x") }
    }

    @Test("headers: bearer token, developer token, optional login-customer-id, JSON content type")
    func headers() throws {
        let plain = try builder.headers(for: GoogleTestSupport.account(settings: [:]), operation: "x")
        #expect(plain["Authorization"] == "Bearer TOKEN")
        #expect(plain["developer-token"] == "DEVTOKEN")
        #expect(plain["login-customer-id"] == nil)
        #expect(plain["Content-Type"] == "application/json")
        #expect {
            try builder.headers(for: GoogleTestSupport.account(developerToken: nil), operation: "createAd")
        } throws: { error in
            let error = error as? AdPlatformError
            return error?.code == .authInvalid && error?.fieldPath == "credentials.developerToken"
                && error?.message.contains("credentials.developerToken") == true
        }
        #expect {
            try builder.headers(
                for: GoogleTestSupport.account(settings: ["login_customer_id": "mcc"]), operation: "x")
        } throws: { error in
            (error as? AdPlatformError)?.fieldPath == "account.settings.login_customer_id"
        }
    }

    @Test("the base URL and API version are configurable")
    func configuration() throws {
        let emulator = GoogleRequestBuilder(
            configuration: GoogleAdsConfiguration(
                baseURL: URL(string: "http://127.0.0.1:8080/") ?? URL(filePath: "/"), apiVersion: "v26"))
        let request = try emulator.search("SELECT campaign.id FROM campaign", in: account, operation: "x")
        #expect(request.url.absoluteString == "http://127.0.0.1:8080/v26/customers/1234567890/googleAds:search")
        #expect(GoogleAdsConfiguration().baseURL.absoluteString == "https://googleads.googleapis.com")
        #expect(GoogleAdsConfiguration().apiVersion == "v23")
    }
}
