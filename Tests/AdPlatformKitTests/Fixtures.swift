import AdPlatformKit
import Foundation

/// Capability sets shaped like a search platform and a social platform, so core rules are tested without the
/// platform modules.
enum TestCapabilities {
    static let search = PlatformCapabilities(
        platform: "searchads", displayName: "SearchAds",
        hierarchy: EntityHierarchy([
            .init(.budget, "budget"), .init(.campaign, "campaign"), .init(.adGroup, "ad group"), .init(.ad, "ad"),
        ]),
        textLimits: [
            TextLimit(.headline, platformField: "headline", maximum: 30, enforcement: .hard, counting: .cjkAsTwo),
            TextLimit(.description, platformField: "description", maximum: 90, enforcement: .hard),
            TextLimit(
                .campaignName, platformField: "name", maximum: 255, enforcement: .hard, restrictions: [.noLineBreaks]),
        ],
        headlines: CountLimit(minimum: 3, maximum: 15, excess: .rejected, requiresUnique: true),
        descriptions: CountLimit(minimum: 2, maximum: 4, excess: .rejected, requiresUnique: true),
        media: MediaSupport(images: false, videos: false, required: false, placement: "search results"),
        objectives: [.traffic: "SEARCH", .conversions: "SEARCH"], callToActions: [:], usesCallToAction: false,
        budget: BudgetRules(
            unit: .micros, placement: .campaign, dailyMinimumMicros: nil, supportsLifetime: false, minimumSource: "test"
        ))

    static let social = PlatformCapabilities(
        platform: "socialads", displayName: "SocialAds",
        hierarchy: EntityHierarchy([
            .init(.campaign, "campaign"), .init(.adGroup, "squad"), .init(.creative, "creative"), .init(.ad, "ad"),
        ]),
        textLimits: [
            TextLimit(.headline, platformField: "headline", maximum: 34, enforcement: .hard),
            TextLimit(
                .primaryText, platformField: "ad_text", minimum: 1, maximum: 100, enforcement: .hard,
                counting: .cjkAsTwo, restrictions: [.noEmoji]),
            TextLimit(.brandName, platformField: "brand_name", minimum: 1, maximum: 32, enforcement: .hard),
            TextLimit(.description, platformField: "description", maximum: 30, enforcement: .recommended),
        ],
        headlines: CountLimit(minimum: 1, maximum: 1), descriptions: CountLimit(minimum: 0, maximum: 1),
        media: MediaSupport(images: true, videos: true, required: true, placement: "story"),
        objectives: [.traffic: "WEB", .awareness: "AWARE"], callToActions: [.signUp: "SIGN_UP"],
        budget: BudgetRules(unit: .micros, placement: .adGroup, dailyMinimumMicros: 5_000_000, minimumSource: "test"))

    static func request(
        headlines: [String] = ["Stream it all", "Start today", "Plans for everyone"],
        descriptions: [String] = ["Movies and series in one place.", "Cancel anytime."],
        primaryText: String? = "All your favourites in one place.", brandName: String? = "Demo+",
        media: [MediaReference] = [MediaReference(kind: .image, source: "hero.png")],
        budget: Budget = Budget(.daily, Money(minorUnits: 10_000, currency: .usd)),
        groups: Int = 1, callToAction: CallToAction? = .signUp, objective: Objective = .traffic
    ) -> TraffickingRequest {
        let start = Date(timeIntervalSince1970: 1_796_083_200)
        return TraffickingRequest(
            name: "Winter launch", objective: objective, budget: budget,
            schedule: Schedule(start: start, end: start.addingTimeInterval(30 * 86_400)),
            targeting: Targeting(countries: ["US"], ageRange: AgeRange(minimum: 18, maximum: 49)),
            adGroups: (0..<groups).map { AdGroupDefinition(key: "g\($0)", name: "Group \($0)") },
            creatives: [
                CreativeDefinition(
                    key: "c", name: "Creative", headlines: headlines, descriptions: descriptions,
                    primaryText: primaryText, brandName: brandName, media: media, callToAction: callToAction,
                    landingURL: "https://example.test/signup")
            ],
            ads: (0..<groups).map { AdDefinition(name: "Ad \($0)", adGroup: "g\($0)", creative: "c") })
    }
}
