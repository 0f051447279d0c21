import AdPlatformKit
import AdPlatformTesting
import Foundation
import SnapchatAds
import Testing

@Suite("Snapchat capabilities")
struct CapabilitiesTests {
    let capabilities = SnapchatCapabilities.capabilities

    @Test("identity, hierarchy and budget rules")
    func basics() {
        #expect(SnapchatAdsPlatform.id == .snapchat)
        #expect(capabilities.platform == .snapchat)
        #expect(capabilities.displayName == "Snapchat")
        #expect(capabilities.hierarchy.path == "campaign → ad squad → media → creative → ad")
        #expect(capabilities.hierarchy.creativeIsEntity)
        #expect(capabilities.budget.unit == .micros)
        #expect(capabilities.budget.placement == .adGroup)
        #expect(capabilities.budget.dailyMinimumMicros == 5_000_000)
        #expect(capabilities.budget.supportsLifetime)
        #expect(
            capabilities.media
                == MediaSupport(images: true, videos: true, required: true, placement: "Snapchat top snap"))
        #expect(capabilities.headlines == CountLimit(minimum: 1, maximum: 1, excess: .ignored))
        #expect(capabilities.descriptions == CountLimit(minimum: 0, maximum: 0, excess: .ignored))
    }

    @Test(
        "text limits",
        arguments: [
            (TextField.campaignName, "name", 0, 375), (.adGroupName, "name", 0, 375), (.adName, "name", 0, 375),
            (.headline, "headline", 0, 34), (.brandName, "brand_name", 1, 32),
        ])
    func textLimits(field: TextField, platformField: String, minimum: Int, maximum: Int) throws {
        let limit = try #require(capabilities.limits(for: field).first)
        #expect(limit.platformField == platformField)
        #expect(limit.minimum == minimum)
        #expect(limit.maximum == maximum)
        #expect(limit.enforcement == .hard)
        #expect(limit.counting == .characters)
    }

    @Test("objective and call-to-action maps")
    func maps() {
        #expect(
            capabilities.objectives == [
                .awareness: "BRAND_AWARENESS", .reach: "BRAND_AWARENESS", .traffic: "WEB_CONVERSION",
                .engagement: "ENGAGEMENT", .videoViews: "VIDEO_VIEW", .leads: "LEAD_GENERATION",
                .appPromotion: "APP_INSTALL", .conversions: "WEB_CONVERSION", .sales: "CATALOG_SALES",
            ])
        #expect(capabilities.callToActions[.learnMore] == "MORE")
        #expect(capabilities.callToActions[.signUp] == "SIGN_UP")
        #expect(capabilities.callToActions[.shopNow] == "SHOP_NOW")
        #expect(capabilities.callToActions[.contactUs] == nil)
    }

    @Test("validation uses these limits: a long headline and a small daily squad budget are flagged")
    func validation() {
        let start = Date(timeIntervalSince1970: 1_796_083_200)
        let request = TraffickingRequest(
            name: "Winter launch", objective: .traffic,
            budget: Budget(.daily, Money(minorUnits: 800, currency: .usd)),
            schedule: Schedule(start: start, end: start.addingTimeInterval(86_400)),
            targeting: Targeting(countries: ["US"]),
            adGroups: [AdGroupDefinition(key: "a", name: "A"), AdGroupDefinition(key: "b", name: "B")],
            creatives: [
                CreativeDefinition(
                    key: "c", name: "C", headlines: [String(repeating: "h", count: 35)], brandName: "Demo+",
                    media: [MediaReference(kind: .image, source: "hero.png")], callToAction: .signUp,
                    landingURL: "https://example.test")
            ],
            ads: [AdDefinition(name: "Ad", adGroup: "a", creative: "c")])
        let violations = validate(request, for: SnapchatAdsPlatform(transport: ScriptedTransport()))
        #expect(violations.contains { $0.fieldPath == "creatives[0].headlines[0]" && $0.rule == .tooLong })
        #expect(violations.contains { $0.rule == .budgetBelowMinimum })
    }
}
