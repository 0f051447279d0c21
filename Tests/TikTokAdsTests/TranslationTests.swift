import AdPlatformKit
import Foundation
import Testing
import TikTokAds

@Suite("Translation of budgets, targeting, objectives and creatives")
struct TranslationTests {
    let builder = TikTokRequestBuilder()

    private func adGroupBody(_ spec: AdGroupSpec, currency: Currency = .usd) throws -> JSONValue {
        let request = try builder.createAdGroup(spec, campaignID: "1", in: Samples.account(currency: currency))
        return try JSONValue(parsing: try #require(request.body))
    }

    @Test(arguments: [
        (Money(minorUnits: 5025, currency: .usd), "50.25"),
        (Money(minorUnits: 2000, currency: .usd), "20"),
        (Money(minorUnits: 3000, currency: .jpy), "3000"),
        (Money(minorUnits: 1234, currency: Currency(code: "KWD") ?? .usd), "1.234"),
    ])
    func budgetIsSentExactlyInMajorUnits(amount: Money, wire: String) throws {
        let spec = Samples.adGroupSpec(budget: Budget(.daily, amount))
        let request = try builder.createAdGroup(spec, campaignID: "1", in: Samples.account(currency: amount.currency))
        let body = String(decoding: try #require(request.body), as: UTF8.self)
        // The number must be written exactly, never through a binary float such as 50.249999.
        #expect(body.contains("\"budget\":\(wire),"))
        #expect(try JSONValue(parsing: Data(wire.utf8)) == JSONValue(parsing: Data(body.utf8))["budget"])
    }

    @Test func budgetInAnotherCurrencyIsRejected() throws {
        let spec = Samples.adGroupSpec(budget: Budget(.daily, Money(minorUnits: 5000, currency: .eur)))
        let error = try #require(throws: AdPlatformError.self) {
            try builder.createAdGroup(spec, campaignID: "1", in: Samples.account())
        }
        #expect(error.code == .invalidParameter)
        #expect(error.fieldPath == "budget.amount")
        #expect(error.operation == "createAdGroup")
    }

    @Test func missingAdGroupBudgetIsRejected() throws {
        let error = try #require(throws: AdPlatformError.self) {
            try builder.createAdGroup(Samples.adGroupSpec(budget: nil), campaignID: "1", in: Samples.account())
        }
        #expect(error.code == .invalidParameter)
        #expect(error.fieldPath == "budget")
    }

    @Test func lifetimeBudgetWithoutEndIsRejected() throws {
        let spec = Samples.adGroupSpec(
            budget: Budget(.lifetime, Samples.usd("500")), schedule: Schedule(start: Samples.marchFirst))
        let error = try #require(throws: AdPlatformError.self) {
            try builder.createAdGroup(spec, campaignID: "1", in: Samples.account())
        }
        #expect(error.fieldPath == "schedule.end")
    }

    @Test func openEndedScheduleRunsFromNow() throws {
        let body = try adGroupBody(Samples.adGroupSpec(schedule: Schedule(start: Samples.marchFirst)))
        #expect(body["schedule_type"] == "SCHEDULE_FROM_NOW")
        #expect(body["schedule_start_time"] == "2026-03-01 00:00:00")
        #expect(body["schedule_end_time"] == nil)
    }

    @Test func customBidOnClickGoalUsesBidPrice() throws {
        let body = try adGroupBody(Samples.adGroupSpec(objective: .traffic, bid: Samples.usd("0.35")))
        #expect(body["bid_type"] == "BID_TYPE_CUSTOM")
        #expect(body["bid_price"] == .double(0.35))
        #expect(body["conversion_bid_price"] == nil)
    }

    @Test func unknownCountryNamesItsIndex() throws {
        let spec = Samples.adGroupSpec(targeting: Targeting(countries: ["US", "ZZ"]))
        let error = try #require(throws: AdPlatformError.self) {
            try builder.createAdGroup(spec, campaignID: "1", in: Samples.account())
        }
        #expect(error.code == .invalidParameter)
        #expect(error.fieldPath == "targeting.countries[1]")
    }

    @Test(arguments: [
        (AgeRange(minimum: 18, maximum: 24), ["AGE_18_24"]),
        (AgeRange(minimum: 13, maximum: 17), ["AGE_13_17"]),
        (AgeRange(minimum: 25, maximum: 49), ["AGE_25_34", "AGE_35_44", "AGE_45_54"]),
        (AgeRange(minimum: 50, maximum: 65), ["AGE_45_54", "AGE_55_100"]),
        (
            AgeRange(minimum: 13, maximum: 65),
            ["AGE_13_17", "AGE_18_24", "AGE_25_34", "AGE_35_44", "AGE_45_54", "AGE_55_100"]
        ),
    ])
    func ageRangeTakesEveryBucketItTouches(range: AgeRange, buckets: [String]) throws {
        #expect(try TikTokTargetingTranslator.ageGroups(for: range, operation: "t") == buckets)
    }

    @Test func noAgeRangeOmitsAgeGroups() throws {
        let body = try adGroupBody(Samples.adGroupSpec(targeting: Targeting(countries: ["GB"])))
        #expect(body["age_groups"] == nil)
        #expect(body["location_ids"] == ["2635167"])
        #expect(body["gender"] == "GENDER_UNLIMITED")
    }

    @Test(arguments: [
        ([Gender](), "GENDER_UNLIMITED"), ([.male], "GENDER_MALE"), ([.female], "GENDER_FEMALE"),
        ([.male, .female], "GENDER_UNLIMITED"),
    ])
    func genders(genders: [Gender], value: String) {
        #expect(TikTokTargetingTranslator.gender(for: genders) == value)
    }

    @Test(arguments: [
        (Objective.traffic, "TRAFFIC", "CLICK", "CPC"),
        (.conversions, "WEB_CONVERSIONS", "CONVERT", "OCPM"),
        (.sales, "PRODUCT_SALES", "CONVERT", "OCPM"),
        (.awareness, "REACH", "REACH", "CPM"),
        (.reach, "REACH", "REACH", "CPM"),
        (.videoViews, "VIDEO_VIEWS", "VIDEO_VIEW", "CPV"),
        (.engagement, "ENGAGEMENT", "ENGAGED_VIEW", "OCPM"),
        (.leads, "LEAD_GENERATION", "LEAD_GENERATION", "OCPM"),
        (.appPromotion, "APP_PROMOTION", "INSTALL", "OCPM"),
    ])
    func objectiveMapsToCampaignAndAdGroupValues(
        objective: Objective, type: String, goal: String, billing: String
    )
        throws
    {
        let campaign = try builder.createCampaign(Samples.campaignSpec(objective: objective), in: Samples.account())
        #expect(try JSONValue(parsing: try #require(campaign.body))["objective_type"] == .string(type))
        let body = try adGroupBody(Samples.adGroupSpec(objective: objective))
        #expect(body["optimization_goal"] == .string(goal))
        #expect(body["billing_event"] == .string(billing))
    }

    @Test func campaignCannotBeCreatedRemoved() throws {
        let error = try #require(throws: AdPlatformError.self) {
            try builder.createCampaign(Samples.campaignSpec(status: .removed), in: Samples.account())
        }
        #expect(error.code == .invalidParameter)
        #expect(error.fieldPath == "status")
    }

    @Test func adWithoutIdentityOrCallToActionOmitsThem() throws {
        let spec = Samples.adSpec(creative: Samples.creative(callToAction: nil))
        let request = try builder.createAd(spec, adGroupID: "5", in: Samples.account())
        let body = try JSONValue(parsing: try #require(request.body))
        let creative = try #require(body["creatives"]?[0])
        #expect(creative["identity_type"] == nil)
        #expect(creative["identity_id"] == nil)
        #expect(creative["call_to_action"] == nil)
        #expect(creative["display_name"] == "StreamCo")
        #expect(creative["image_ids"] == [.string(Samples.imageID)])
    }

    @Test func adWithUnsupportedCallToActionIsRejected() throws {
        let spec = Samples.adSpec(creative: Samples.creative(callToAction: .getOffer))
        let error = try #require(throws: AdPlatformError.self) {
            try builder.createAd(spec, adGroupID: "5", in: Samples.account())
        }
        #expect(error.code == .unsupported)
        #expect(error.fieldPath == "creative.callToAction")
    }

    @Test func adWithoutUploadedImageIsRejected() throws {
        let error = try #require(throws: AdPlatformError.self) {
            try builder.createAd(Samples.adSpec(media: []), adGroupID: "5", in: Samples.account())
        }
        #expect(error.code == .invalidParameter)
        #expect(error.fieldPath == "media")
    }

    @Test func videoUploadIsUnsupported() throws {
        let video = MediaUpload(kind: .video, fileName: "a.mp4", contentType: "video/mp4", data: Data([1, 2, 3]))
        let error = try #require(throws: AdPlatformError.self) {
            try builder.uploadImage(video, in: Samples.account())
        }
        #expect(error.code == .unsupported)
    }

    @Test func mediaKindHasNoStatusEndpoint() throws {
        let error = try #require(throws: AdPlatformError.self) {
            try builder.setStatus(.paused, of: .media, id: "1", in: Samples.account())
        }
        #expect(error.code == .unsupported)
        #expect(error.operation == "setStatus")
    }

    @Test func scheduleTimesAreUTC() {
        #expect(TikTokScheduleTime.string(from: Samples.marchFirstAfternoon) == "2026-03-01 14:30:05")
        #expect(TikTokScheduleTime.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00:00")
    }
}
