import AdPlatformKit
import Foundation

/// The accounts, specs and entities the tests build requests from; values match the fixtures.
enum Samples {
    static let advertiserID = "7000000000000000001"
    static let campaignID = "1800000000000001"
    static let adGroupID = "1810000000000001"
    static let adID = "1820000000000001"
    static let imageID = "ad-image-001"

    static let marchFirst = Date(timeIntervalSince1970: 1_772_323_200)  // 2026-03-01 00:00:00 UTC
    static let marchFirstAfternoon = Date(timeIntervalSince1970: 1_772_375_405)  // 2026-03-01 14:30:05 UTC
    static let marchLast = Date(timeIntervalSince1970: 1_775_001_599)  // 2026-03-31 23:59:59 UTC

    static func account(currency: Currency = .usd, settings: [String: String] = [:]) -> AccountContext {
        AccountContext(
            accountID: advertiserID, currency: currency, credentials: PlatformCredentials(accessToken: "TOKEN"),
            settings: settings)
    }

    static let identityAccount = account(settings: ["identity_id": "7100000000000000009"])

    static func usd(_ text: String) -> Money {
        (try? Money(decimal: text, currency: .usd)) ?? Money(minorUnits: -1, currency: .usd)
    }

    static func campaignSpec(objective: Objective = .traffic, status: DeliveryStatus = .paused) -> CampaignSpec {
        let marker = IdempotencyMarker(value: "ao-1a2b3c4d5e")
        return CampaignSpec(
            name: marker.apply(to: "Winter launch"), marker: marker, objective: objective, status: status,
            budget: nil, schedule: Schedule(start: marchFirst, end: marchLast))
    }

    static func adGroupSpec(
        objective: Objective = .traffic, budget: Budget? = Budget(.daily, usd("50.25")), bid: Money? = nil,
        targeting: Targeting = Targeting(
            countries: ["US", "CA"], ageRange: AgeRange(minimum: 18, maximum: 40), genders: [.female]),
        schedule: Schedule = Schedule(start: marchFirstAfternoon, end: marchLast)
    ) -> AdGroupSpec {
        let marker = IdempotencyMarker(value: "ao-2b3c4d5e6f")
        return AdGroupSpec(
            key: "us-adults", name: marker.apply(to: "US adults"), marker: marker, objective: objective,
            status: .paused, budget: budget, bid: bid, schedule: schedule, targeting: targeting)
    }

    static let uploadedImage = UploadedMedia(
        kind: .image, reference: imageID, id: imageID, url: "https://p16-sign.tiktokcdn.com/ad-image-001.png")

    static func creative(callToAction: CallToAction? = .signUp) -> CreativeDefinition {
        CreativeDefinition(
            key: "social-hero", name: "Social hero", headlines: ["Ignored headline"],
            primaryText: "Stream the new season tonight.", brandName: "StreamCo",
            media: [MediaReference(kind: .image, source: "images/hero.png")], callToAction: callToAction,
            landingURL: "https://example.com/signup")
    }

    static func adSpec(
        media: [UploadedMedia] = [uploadedImage], creative: CreativeDefinition = creative(), isRecovery: Bool = false
    ) -> AdSpec {
        let marker = IdempotencyMarker(value: "ao-3c4d5e6f70")
        return AdSpec(
            key: "us-adults/social-hero/0", name: marker.apply(to: "Hero ad"), marker: marker, status: .paused,
            creative: creative, landingURL: "https://example.com/signup?utm_source=tiktok&utm_medium=paid_social",
            media: media, isRecovery: isRecovery)
    }

    static let imageUpload = MediaUpload(
        kind: .image, fileName: "hero.png", contentType: "image/png", data: Data("PNGDATA".utf8))

    static let campaign = PlatformEntity(
        platform: .tiktok, kind: .campaign, id: campaignID, name: "Winter launch [ao-1a2b3c4d5e]", status: .paused)

    static let adGroup = PlatformEntity(
        platform: .tiktok, kind: .adGroup, id: adGroupID, name: "US adults [ao-2b3c4d5e6f]", status: .paused,
        parentID: campaignID)
}
