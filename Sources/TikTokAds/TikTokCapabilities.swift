import AdPlatformKit

/// TikTok's limits, maps and hierarchy as this module uses them: single-image ads in the TikTok feed, budgets
/// on ad groups in the account currency's major units.
public enum TikTokCapabilities {
    /// The capabilities ``TikTokAdsPlatform`` reports.
    public static let capabilities = PlatformCapabilities(
        platform: .tiktok,
        displayName: "TikTok",
        hierarchy: EntityHierarchy([
            .init(.campaign, "campaign"),
            .init(.adGroup, "ad group"),
            .init(.media, "image"),
            .init(.ad, "ad (creative inline)"),
        ]),
        textLimits: [
            TextLimit(.campaignName, platformField: "campaign_name", maximum: 512, enforcement: .hard),
            TextLimit(.adGroupName, platformField: "adgroup_name", maximum: 512, enforcement: .hard),
            TextLimit(.adName, platformField: "ad_name", maximum: 512, enforcement: .hard),
            TextLimit(
                .primaryText, platformField: "ad_text", minimum: 1, maximum: 100, enforcement: .hard,
                counting: .cjkAsTwo, restrictions: [.noEmoji]),
            TextLimit(
                .brandName, platformField: "display_name", minimum: 1, maximum: 40, enforcement: .hard,
                counting: .cjkAsTwo),
        ],
        // TikTok's single-image ad has no headline or description field; any given are ignored.
        headlines: CountLimit(minimum: 0, maximum: 0, excess: .ignored),
        descriptions: CountLimit(minimum: 0, maximum: 0, excess: .ignored),
        media: MediaSupport(images: true, videos: false, required: true, placement: "TikTok feed (single image)"),
        objectives: [
            .awareness: "REACH",
            .reach: "REACH",
            .traffic: "TRAFFIC",
            .engagement: "ENGAGEMENT",
            .videoViews: "VIDEO_VIEWS",
            .leads: "LEAD_GENERATION",
            .appPromotion: "APP_PROMOTION",
            .conversions: "WEB_CONVERSIONS",
            .sales: "PRODUCT_SALES",
        ],
        callToActions: [
            .learnMore: "LEARN_MORE",
            .signUp: "SIGN_UP",
            .subscribe: "SUBSCRIBE",
            .watchNow: "WATCH_NOW",
            .shopNow: "SHOP_NOW",
            .download: "DOWNLOAD_NOW",
            .bookNow: "BOOK_NOW",
            .contactUs: "CONTACT_US",
            .applyNow: "APPLY_NOW",
        ],
        budget: BudgetRules(
            unit: .majorUnits, placement: .adGroup, dailyMinimumMicros: 20_000_000, supportsLifetime: true,
            minimumSource:
                "TikTok's published ad-group daily minimum of 20 USD-equivalent; per-currency values UNVERIFIED in the reference"
        )
    )
}
