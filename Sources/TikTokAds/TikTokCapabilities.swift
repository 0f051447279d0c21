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
        ),
        lifecycle: lifecycle, reporting: reporting, previews: previews
    )

    /// Report metrics per metric, and TikTok's restatement window.
    public static let reporting = ReportingCapabilities(
        metrics: [
            MetricDefinition(.impressions, from: ["impressions"], unit: "count, as a string"),
            MetricDefinition(.clicks, from: ["clicks"], unit: "count, as a string"),
            MetricDefinition(.spend, from: ["spend"], unit: "decimal string, major units of the advertiser currency"),
            MetricDefinition(.conversions, from: ["conversion"], unit: "count, as a string"),
            MetricDefinition(
                .conversionValue, from: ["total_complete_payment_rate"], unit: "decimal string, major units"),
        ],
        attributionWindow: "7d_click_1d_view", restatementDays: 7,
        restatementSource:
            "TikTok's reporting lags about 11 hours and attributes within a 7-day click window; Airbyte "
            + "source-tiktok-marketing re-reads 3 days by default, which misses late 7-day conversions",
        maximumDaysPerQuery: 30)

    /// What TikTok lets this module change after launch: status at every level (no archive), budgets on campaigns
    /// and ad groups, bids and targeting on ad groups.
    public static let lifecycle = LifecycleCapabilities(
        campaign: .init(statusActions: [.activate, .pause, .resume, .remove], budgetPeriods: [.daily, .lifetime]),
        adGroup: .init(
            statusActions: [.activate, .pause, .resume, .remove], budgetPeriods: [.daily, .lifetime],
            bidStrategies: [.automatic, .bidCap, .costCap], targetingFields: [.countries, .ageRange, .genders]),
        ad: .init(statusActions: [.activate, .pause, .resume, .remove]),
        // Refused rather than mapped to DELETE: DELETE is a deletion (the entity leaves every list and cannot be
        // restored), which is not what someone asking to archive expects.
        archive: .unsupported(
            "TikTok has no archived state: beyond DISABLE its only operation_status is DELETE, a deletion that "
                + "cannot be undone; pause the entity, or remove it explicitly"),
        ageLimits: AgeRange(minimum: 13, maximum: 65),
        countries: Set(TikTokTargetingTranslator.locationIDs.keys),
        notes: [
            "bid.targetROAS":
                "TikTok's minimum-ROAS bidding (deep_bid_type VO_MIN_ROAS with roas_bid) needs ad groups optimising "
                + "for VALUE, which this module does not launch",
            "campaign.bid.automatic": "TikTok holds bids on ad groups",
            "campaign.bid.bidCap": "TikTok holds bids on ad groups",
            "campaign.bid.costCap": "TikTok holds bids on ad groups",
        ])

    /// The in-feed preview of `creative/ads_preview/create/` (ops-anchors §5); its link lasts 30 days for
    /// `ADS_CREATION` and `AD` previews.
    public static let previews = PreviewCapabilities(
        formats: [PreviewFormat(value: "IN_FEED", label: "TikTok in-feed", aspectRatio: .init(width: 9, height: 16))],
        linkLifetime: 30 * 86_400,
        note: "POST creative/ads_preview/create/ with preview_type ADS_CREATION for a draft, AD for an ad; "
            + "answers preview_link and an iframe (ops-anchors §5)")
}
