import AdPlatformKit
import Foundation

/// The account, specs and ids the Snapchat tests share; the fixtures are written against these values.
enum SnapchatTestValues {
    static let accountID = "8adc3db7-8148-4fbf-999c-8d2266369d74"
    static let profileID = "72cf5c50-8343-48d3-a0a7-3ed45b75faaa"
    static let campaignID = "ff869d1f-0923-4d28-8577-4c36291f0fca"
    static let adSquadID = "4c8e53c2-1747-4b50-a8a8-8200fe75aac5"
    static let mediaID = "a7bee653-1865-41cf-8cee-8ab85a205837"
    static let creativeID = "6ad4e432-f679-4a9b-af1d-c5781212dd75"
    static let adID = "8ade8ef7-0cde-4eaa-bde6-990133575229"

    /// 2026-12-01T00:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_796_083_200)
    /// 2026-12-31T00:00:00Z.
    static let end = start.addingTimeInterval(30 * 86_400)

    static let campaignMarker = IdempotencyMarker(value: "ao-1a2b3c4d5e")
    static let squadMarker = IdempotencyMarker(value: "ao-2b3c4d5e6f")
    static let adMarker = IdempotencyMarker(value: "ao-3c4d5e6f70")

    static func account(currency: Currency = .usd, settings: [String: String]? = nil) -> AccountContext {
        AccountContext(
            accountID: accountID, currency: currency, credentials: PlatformCredentials(accessToken: "TOKEN"),
            settings: settings ?? ["profile_id": profileID])
    }

    static func campaignSpec(objective: Objective = .traffic, status: DeliveryStatus = .paused) -> CampaignSpec {
        CampaignSpec(
            name: campaignMarker.apply(to: "Winter launch"), marker: campaignMarker, objective: objective,
            status: status, budget: nil, schedule: Schedule(start: start, end: end))
    }

    static func squadSpec(
        objective: Objective = .traffic, budget: Budget? = Budget(.daily, Money(minorUnits: 5_000, currency: .usd)),
        bid: Money? = nil,
        targeting: Targeting = Targeting(
            countries: ["US", "CA"], ageRange: AgeRange(minimum: 18, maximum: 49), genders: [.female]),
        end: Date? = SnapchatTestValues.end
    ) -> AdGroupSpec {
        AdGroupSpec(
            key: "us-adults", name: squadMarker.apply(to: "US adults"), marker: squadMarker, objective: objective,
            status: .paused, budget: budget, bid: bid, schedule: Schedule(start: start, end: end),
            targeting: targeting)
    }

    static let creative = CreativeDefinition(
        key: "hero", name: "Hero", headlines: ["Stream it all", "Ignored second"], brandName: "Demo+",
        media: [MediaReference(kind: .image, source: "assets/hero.png")], callToAction: .signUp,
        landingURL: "https://example.test/signup")

    static func adSpec(
        creative: CreativeDefinition = SnapchatTestValues.creative, isRecovery: Bool = false,
        media: [UploadedMedia] = [UploadedMedia(kind: .image, reference: mediaID, id: mediaID)]
    ) -> AdSpec {
        AdSpec(
            key: "us-adults/hero/0", name: adMarker.apply(to: "Hero ad"), marker: adMarker, status: .paused,
            creative: creative,
            landingURL: "https://example.test/signup?utm_source=snapchat&utm_medium=paid_social",
            media: media, isRecovery: isRecovery)
    }

    static let upload = MediaUpload(
        kind: .image, fileName: "hero.png", contentType: "image/png", data: Data("PNGDATA".utf8))

    static func entity(_ kind: EntityKind, _ id: String, parent: String? = nil) -> PlatformEntity {
        PlatformEntity(platform: .snapchat, kind: kind, id: id, name: "", parentID: parent)
    }
}
