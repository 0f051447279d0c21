import AdPlatformKit
import Foundation
import SnapchatAds
import Testing

@Suite("Request building against golden fixtures")
struct RequestBuildingTests {
    let builder = SnapchatRequestBuilder()
    let account = SnapchatTestValues.account()
    typealias V = SnapchatTestValues

    @Test("create campaign: objective mapped, no budget, ISO times with milliseconds")
    func createCampaign() throws {
        let request = try builder.createCampaign(V.campaignSpec(), in: account)
        #expect(try RequestExpectation.differences(request, fixture: "create_campaign_request") == [])
        #expect(request.url.absoluteString.hasPrefix("https://adsapi.snapchat.com/v1/"))
    }

    @Test("create campaign without an end leaves end_time out")
    func createCampaignWithoutEnd() throws {
        var spec = V.campaignSpec(objective: .awareness, status: .active)
        spec.schedule.end = nil
        let body = try JSONValue(parsing: try #require(builder.createCampaign(spec, in: account).body))
        let campaign = try #require(body["campaigns"]?[0])
        #expect(campaign["end_time"] == nil)
        #expect(campaign["objective"] == "BRAND_AWARENESS")
        #expect(campaign["status"] == "ACTIVE")
        #expect(campaign["daily_budget_micro"] == nil)
    }

    @Test("create ad squad: daily budget in micros, AUTO_BID without bid_micro, targeting")
    func createAdSquad() throws {
        let request = try builder.createAdSquad(V.squadSpec(), campaignID: V.campaignID, in: account)
        #expect(try RequestExpectation.differences(request, fixture: "create_adsquad_request") == [])
    }

    @Test("create ad squad: lifetime budget, max bid, no demographics without age or single gender")
    func createAdSquadWithBid() throws {
        let spec = V.squadSpec(
            objective: .conversions, budget: Budget(.lifetime, Money(minorUnits: 150_000, currency: .usd)),
            bid: Money(minorUnits: 250, currency: .usd),
            targeting: Targeting(countries: ["US"], genders: [.male, .female]))
        let request = try builder.createAdSquad(spec, campaignID: V.campaignID, in: account)
        #expect(try RequestExpectation.differences(request, fixture: "create_adsquad_lifetime_bid_request") == [])
    }

    @Test(
        "budgets convert exactly to micros in the account currency",
        arguments: [
            (Money(minorUnits: 5_000, currency: .usd), Int64(50_000_000)),
            (Money(minorUnits: 1, currency: .usd), Int64(10_000)),
            (Money(minorUnits: 1_000, currency: .jpy), Int64(1_000_000_000)),
            (Money(minorUnits: 7, currency: .jpy), Int64(7_000_000)),
            (Money(minorUnits: 12_345, currency: Currency(code: "KWD") ?? .usd), Int64(12_345_000)),
        ])
    func budgetConversion(amount: Money, micros: Int64) throws {
        let account = V.account(currency: amount.currency)
        let spec = V.squadSpec(budget: Budget(.daily, amount))
        let body = try JSONValue(parsing: try #require(builder.createAdSquad(spec, campaignID: "c", in: account).body))
        #expect(body["adsquads"]?[0]?["daily_budget_micro"] == .integer(micros))
        #expect(body["adsquads"]?[0]?["lifetime_budget_micro"] == nil)
    }

    @Test("a budget that does not fit in micros is an invalid budget.amount")
    func budgetOverflow() {
        let spec = V.squadSpec(budget: Budget(.daily, Money(minorUnits: .max, currency: .usd)))
        let error = #expect(throws: AdPlatformError.self) {
            try builder.createAdSquad(spec, campaignID: "c", in: account)
        }
        #expect(error?.code == .invalidParameter)
        #expect(error?.fieldPath == "budget.amount")
        #expect(error?.operation == "createAdGroup")
    }

    @Test("a budget in another currency than the account's is rejected before any call")
    func budgetCurrencyMismatch() {
        let spec = V.squadSpec(budget: Budget(.daily, Money(minorUnits: 1_000, currency: .jpy)))
        let error = #expect(throws: AdPlatformError.self) {
            try builder.createAdSquad(spec, campaignID: "c", in: account)
        }
        #expect(error?.code == .invalidParameter)
        #expect(error?.fieldPath == "budget.amount")
    }

    @Test("an ad squad without a budget is rejected")
    func squadWithoutBudget() {
        let error = #expect(throws: AdPlatformError.self) {
            try builder.createAdSquad(V.squadSpec(budget: nil), campaignID: "c", in: account)
        }
        #expect(error?.fieldPath == "budget")
    }

    @Test(
        "optimization goal follows the objective",
        arguments: [
            (Objective.traffic, "SWIPES"), (.conversions, "PIXEL_SIGNUP"), (.sales, "PIXEL_PURCHASE"),
            (.awareness, "IMPRESSIONS"), (.reach, "IMPRESSIONS"), (.videoViews, "VIDEO_VIEWS"),
            (.engagement, "SWIPES"), (.leads, "SWIPES"), (.appPromotion, "APP_INSTALLS"),
        ])
    func optimizationGoal(objective: Objective, goal: String) throws {
        let request = try builder.createAdSquad(V.squadSpec(objective: objective), campaignID: "c", in: account)
        let body = try JSONValue(parsing: try #require(request.body))
        #expect(body["adsquads"]?[0]?["optimization_goal"] == .string(goal))
    }

    @Test("media: the declaration, then the multipart upload with field file")
    func mediaCalls() throws {
        let create = try builder.createMedia(V.upload, in: account)
        #expect(try RequestExpectation.differences(create, fixture: "create_media_request") == [])
        let upload = try builder.uploadMediaFile(V.upload, mediaID: V.mediaID, in: account)
        #expect(try RequestExpectation.differences(upload, fixture: "upload_media_request") == [])
    }

    @Test("a video is declared as VIDEO")
    func videoMedia() throws {
        let video = MediaUpload(kind: .video, fileName: "spot.mp4", contentType: "video/mp4", data: Data([1, 2]))
        let body = try JSONValue(parsing: try #require(builder.createMedia(video, in: account).body))
        #expect(body["media"]?[0]?["type"] == "VIDEO")
        #expect(body["media"]?[0]?["name"] == "spot.mp4")
    }

    @Test("create creative: WEB_VIEW with the marker in its name, first headline, profile id")
    func createCreative() throws {
        let request = try builder.createCreative(V.adSpec(), in: account)
        #expect(try RequestExpectation.differences(request, fixture: "create_creative_request") == [])
    }

    @Test("a creative without a call to action sends none")
    func creativeWithoutCallToAction() throws {
        var creative = V.creative
        creative.callToAction = nil
        let body = try JSONValue(
            parsing: try #require(builder.createCreative(V.adSpec(creative: creative), in: account).body))
        #expect(body["creatives"]?[0]?["call_to_action"] == nil)
        #expect(body["creatives"]?[0]?["headline"] == "Stream it all")
    }

    @Test("creative preconditions name the field at fault")
    func creativePreconditions() {
        var noCTA = V.creative
        noCTA.callToAction = .contactUs
        var noBrand = V.creative
        noBrand.brandName = nil
        let cases: [(AdSpec, AccountContext, AdPlatformError.Code, String)] = [
            (V.adSpec(), V.account(settings: [:]), .invalidParameter, "account.settings.profile_id"),
            (V.adSpec(media: []), account, .invalidParameter, "media"),
            (V.adSpec(creative: noBrand), account, .invalidParameter, "creative.brandName"),
            (V.adSpec(creative: noCTA), account, .unsupported, "creative.callToAction"),
        ]
        for (spec, account, code, field) in cases {
            let error = #expect(throws: AdPlatformError.self) { try builder.createCreative(spec, in: account) }
            #expect(error?.code == code)
            #expect(error?.fieldPath == field)
            #expect(error?.platform == .snapchat)
        }
    }

    @Test("create ad: REMOTE_WEBPAGE under the squad with the creative")
    func createAd() throws {
        let request = try builder.createAd(V.adSpec(), adSquadID: V.adSquadID, creativeID: V.creativeID, in: account)
        #expect(try RequestExpectation.differences(request, fixture: "create_ad_request") == [])
    }

    @Test("status update: the entity as read, status replaced, PUT to the account's campaigns")
    func statusUpdate() throws {
        let current = try SnapchatResponseParser().rawEntity(
            .campaign, from: try Fixture.response("read_campaign_response"), operation: "setStatus")
        let read = try builder.readEntity(.campaign, id: V.campaignID, in: account)
        #expect(try RequestExpectation.differences(read, fixture: "read_campaign_request") == [])
        let request = try builder.updateStatus(.active, of: .campaign, current: current, in: account)
        #expect(try RequestExpectation.differences(request, fixture: "update_campaign_status_request") == [])
    }

    @Test("status updates go to the parent's collection for ad squads and ads")
    func statusUpdatePaths() throws {
        let squad = try builder.updateStatus(
            .paused, of: .adGroup, current: ["id": "s1", "campaign_id": "c1", "status": "ACTIVE"], in: account)
        #expect(squad.url.path() == "/v1/campaigns/c1/adsquads")
        #expect(squad.method == .put)
        let ad = try builder.updateStatus(
            .active, of: .ad, current: ["id": "a1", "ad_squad_id": "s1", "status": "PAUSED"], in: account)
        #expect(ad.url.path() == "/v1/adsquads/s1/ads")
        let body = try JSONValue(parsing: try #require(ad.body))
        #expect(body == ["ads": [["id": "a1", "ad_squad_id": "s1", "status": "ACTIVE"]]])
    }

    @Test("status updates reject removal, creatives, and squads without a campaign id")
    func statusUpdateRejections() {
        let removal = #expect(throws: AdPlatformError.self) {
            try builder.updateStatus(.removed, of: .campaign, current: ["id": "c"], in: account)
        }
        #expect(removal?.code == .invalidParameter)
        let creative = #expect(throws: AdPlatformError.self) {
            try builder.updateStatus(.paused, of: .creative, current: ["id": "c"], in: account)
        }
        #expect(creative?.code == .unsupported)
        let orphan = #expect(throws: AdPlatformError.self) {
            try builder.updateStatus(.paused, of: .adGroup, current: ["id": "s"], in: account)
        }
        #expect(orphan?.code == .malformedResponse)
    }

    @Test("budget update: lifetime micros set, daily removed, PUT under the campaign")
    func budgetUpdate() throws {
        let current = try SnapchatResponseParser().rawEntity(
            .adGroup, from: try Fixture.response("read_adsquad_response"), operation: "setBudget")
        let request = try builder.updateBudget(
            Budget(.lifetime, Money(minorUnits: 75_000, currency: .usd)), current: current, in: account)
        #expect(try RequestExpectation.differences(request, fixture: "update_adsquad_budget_request") == [])
    }

    @Test("budget update in JPY converts exactly")
    func budgetUpdateJPY() throws {
        let request = try builder.updateBudget(
            Budget(.daily, Money(minorUnits: 800, currency: .jpy)), current: ["id": "s", "campaign_id": "c"],
            in: V.account(currency: .jpy))
        let body = try JSONValue(parsing: try #require(request.body))
        #expect(body["adsquads"]?[0]?["daily_budget_micro"] == .integer(800_000_000))
    }

    @Test("removal is a DELETE of the entity")
    func delete() throws {
        let request = try builder.deleteEntity(.ad, id: V.adID, in: account)
        #expect(try RequestExpectation.differences(request, fixture: "delete_ad_request") == [])
    }

    @Test("stats: TOTAL over whole UTC days, end exclusive")
    func stats() throws {
        let request = try builder.stats(
            level: .adGroup, entityID: V.adSquadID, since: "2026-12-01", until: "2026-12-07", in: account)
        #expect(try RequestExpectation.differences(request, fixture: "stats_request") == [])
    }

    @Test("stats windows cross month and year ends, and reject malformed days")
    func statsWindow() throws {
        let request = try builder.stats(
            level: .campaign, entityID: "c", since: "2026-12-31", until: "2026-12-31", in: account)
        #expect(request.queryValue("start_time") == "2026-12-31T00:00:00.000Z")
        #expect(request.queryValue("end_time") == "2027-01-01T00:00:00.000Z")
        for (since, until, field) in [("2026-13-01", "2026-12-01", "since"), ("2026-12-01", "12/07/2026", "until")] {
            let error = #expect(throws: AdPlatformError.self) {
                try builder.stats(level: .campaign, entityID: "c", since: since, until: until, in: account)
            }
            #expect(error?.fieldPath == field)
        }
        let creative = #expect(throws: AdPlatformError.self) {
            try builder.stats(level: .creative, entityID: "c", since: "2026-12-01", until: "2026-12-01", in: account)
        }
        #expect(creative?.code == .unsupported)
    }

    @Test("lookup lists the parent's collection, then follows the cursor")
    func lookup() throws {
        let campaign = V.entity(.campaign, V.campaignID)
        let squads = try builder.lookup(.adGroup, under: campaign, in: account, after: nil)
        #expect(try RequestExpectation.differences(squads, fixture: "lookup_adsquads_request") == [])
        let next = try builder.lookup(.creative, under: nil, in: account, after: "CnEKFgoJY3JlYXRlZEF0Eg")
        #expect(try RequestExpectation.differences(next, fixture: "lookup_creatives_next_page_request") == [])
        let ads = try builder.lookup(.ad, under: V.entity(.adGroup, V.adSquadID), in: account, after: nil)
        #expect(ads.url.path() == "/v1/adsquads/\(V.adSquadID)/ads")
        let accountSquads = try builder.lookup(.adGroup, under: nil, in: account, after: nil)
        #expect(accountSquads.url.path() == "/v1/adaccounts/\(V.accountID)/adsquads")
    }

    @Test("a whole next_link cursor is replayed on the configured host")
    func nextLinkCursor() throws {
        let emulator = SnapchatRequestBuilder(
            configuration: SnapchatAdsConfiguration(baseURL: try #require(URL(string: "http://127.0.0.1:8080"))))
        let request = try emulator.listEntities(
            .ad, in: account, pageSize: 50, after: "https://adsapisc.appspot.com/v1/adaccounts/x/ads?page=2&limit=50")
        #expect(request.url.absoluteString == "http://127.0.0.1:8080/v1/adaccounts/x/ads?page=2&limit=50")
    }

    @Test(
        "list clamps the page size into Snap's 50–1000",
        arguments: [(1, "50"), (50, "50"), (500, "500"), (5000, "1000")])
    func listPageSize(pageSize: Int, limit: String) throws {
        let request = try builder.listEntities(.campaign, in: account, pageSize: pageSize, after: nil)
        #expect(request.queryValue("limit") == limit)
        if pageSize == 1 {
            #expect(try RequestExpectation.differences(request, fixture: "list_campaigns_request") == [])
        }
    }

    @Test(
        "reads use the entity's own collection",
        arguments: [
            (EntityKind.campaign, "campaigns"), (.adGroup, "adsquads"), (.media, "media"), (.creative, "creatives"),
            (.ad, "ads"),
        ])
    func readPaths(kind: EntityKind, collection: String) throws {
        let request = try builder.readEntity(kind, id: "id-1", in: account)
        #expect(request.method == .get)
        #expect(request.url.path() == "/v1/\(collection)/id-1")
        #expect(request.body == nil)
    }

    @Test("ids are percent-encoded so they cannot change the path")
    func idEscaping() throws {
        let request = try builder.readEntity(.campaign, id: "../adaccounts/x?y", in: account)
        #expect(request.url.path(percentEncoded: true) == "/v1/campaigns/..%2Fadaccounts%2Fx%3Fy")
        #expect(request.url.query == nil)
    }

    @Test("a budget entity is not a Snapchat kind")
    func unknownKind() {
        let error = #expect(throws: AdPlatformError.self) { try builder.readEntity(.budget, id: "b", in: account) }
        #expect(error?.code == .unsupported)
    }
}
