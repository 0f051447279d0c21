import AdPlatformKit

/// What Meta's Marketing API takes, as data: single-image link ads under a campaign with its own budget.
public enum MetaCapabilities {
    /// Meta's limits, maps and hierarchy.
    public static let capabilities = PlatformCapabilities(
        platform: .meta,
        displayName: "Meta",
        hierarchy: EntityHierarchy([
            .init(.campaign, "campaign"),
            .init(.adGroup, "ad set"),
            .init(.media, "ad image"),
            .init(.creative, "ad creative"),
            .init(.ad, "ad"),
        ]),
        // Meta documents no hard API limits for these fields (reference §1.2); these are the Ads Guide's
        // recommendations, so validation warns rather than rejects.
        textLimits: [
            TextLimit(.headline, platformField: "link_data.name", maximum: 40, enforcement: .recommended),
            TextLimit(.primaryText, platformField: "link_data.message", maximum: 125, enforcement: .recommended),
            TextLimit(.description, platformField: "link_data.description", maximum: 30, enforcement: .recommended),
        ],
        headlines: CountLimit(minimum: 1, maximum: 1, excess: .ignored),
        descriptions: CountLimit(minimum: 0, maximum: 1, excess: .ignored),
        media: MediaSupport(images: true, videos: false, required: false, placement: "Facebook and Instagram feeds"),
        objectives: [
            .awareness: "OUTCOME_AWARENESS",
            .reach: "OUTCOME_AWARENESS",
            .traffic: "OUTCOME_TRAFFIC",
            .engagement: "OUTCOME_ENGAGEMENT",
            .videoViews: "OUTCOME_ENGAGEMENT",
            .leads: "OUTCOME_LEADS",
            .appPromotion: "OUTCOME_APP_PROMOTION",
            .conversions: "OUTCOME_SALES",
            .sales: "OUTCOME_SALES",
        ],
        callToActions: [
            .learnMore: "LEARN_MORE",
            .signUp: "SIGN_UP",
            .subscribe: "SUBSCRIBE",
            .watchNow: "WATCH_MORE",
            .shopNow: "SHOP_NOW",
            .download: "DOWNLOAD",
            .getOffer: "GET_OFFER",
            .bookNow: "BOOK_TRAVEL",
            .contactUs: "CONTACT_US",
            .applyNow: "APPLY_NOW",
        ],
        budget: BudgetRules(
            unit: .offset(
                standard: 100,
                exceptions: [
                    "JPY": 1, "KRW": 1, "TWD": 1, "CLP": 1, "COP": 1, "CRC": 1, "HUF": 1, "ISK": 1, "IDR": 1, "PYG": 1,
                ]),
            placement: .campaign,
            dailyMinimumMicros: 1_000_000,
            supportsLifetime: true,
            minimumSource: "approximate: Meta's minimum depends on currency and billing event; not in the reference"),
        lifecycle: lifecycle, reporting: reporting, previews: previews
    )

    /// Insights fields per metric, and Meta's restatement window.
    public static let reporting = ReportingCapabilities(
        metrics: [
            MetricDefinition(.impressions, from: ["impressions"], unit: "count, as a string"),
            MetricDefinition(.clicks, from: ["clicks"], unit: "count, as a string"),
            MetricDefinition(.spend, from: ["spend"], unit: "decimal string, major units of the account currency"),
            MetricDefinition(
                .conversions, from: ["actions"] + MetaConversionActions.actionTypes.sorted(),
                unit: "count per action type; one name per outcome is counted"),
            MetricDefinition(
                .conversionValue, from: ["action_values"] + MetaConversionActions.actionTypes.sorted(),
                unit: "decimal string, major units"),
        ],
        attributionWindow: "7d_click_1d_view", restatementDays: 28,
        restatementSource:
            "Meta freezes insights 28 days after they are generated; Airbyte source-facebook-marketing re-reads "
            + "insights_lookback_window = 28 days (default and maximum) on every sync",
        maximumDaysPerQuery: 90)

    /// What Meta lets this module change after launch. Status and archive work on every level; budgets on the
    /// campaign (Advantage campaign budget, as this module launches) or on ad sets of campaigns without one; bids
    /// and targeting on ad sets.
    public static let lifecycle = LifecycleCapabilities(
        campaign: .init(
            statusActions: [.activate, .pause, .resume, .archive, .remove], budgetPeriods: [.daily, .lifetime]),
        adGroup: .init(
            statusActions: [.activate, .pause, .resume, .archive, .remove], budgetPeriods: [.daily, .lifetime],
            bidStrategies: [.automatic, .bidCap, .costCap], targetingFields: [.countries, .ageRange, .genders]),
        ad: .init(statusActions: [.activate, .pause, .resume, .archive, .remove]),
        archive: .archivedState(
            "ARCHIVED", reversible: false,
            explanation:
                "Meta's ARCHIVED stops delivery and keeps the object and its insights readable by id; afterwards only "
                + "its name can change, and its status only to DELETED (Meta: Manage your ad object's status)"),
        ageLimits: AgeRange(minimum: 13, maximum: 65),
        notes: [
            "bid.targetROAS":
                "Meta's minimum-ROAS bidding (LOWEST_COST_WITH_MIN_ROAS) needs ad sets optimising for VALUE, which "
                + "this module does not launch",
            "campaign.bid.automatic": "this module sets bids on ad sets",
            "campaign.bid.bidCap": "this module sets bids on ad sets",
            "campaign.bid.costCap": "this module sets bids on ad sets",
            "ad.budget.daily": "Meta budgets sit on campaigns and ad sets",
            "ad.budget.lifetime": "Meta budgets sit on campaigns and ad sets",
        ])

    /// The `ad_format`s previews are offered in: the feeds, Instagram and the 9:16 stories and reels (of the
    /// 76 values in `AdPreview.AdFormat`, ops-anchors §5). A single-image link ad shows in each.
    public static let previews = PreviewCapabilities(
        formats: [
            PreviewFormat(
                value: "DESKTOP_FEED_STANDARD", label: "Facebook desktop feed",
                aspectRatio: .init(width: 540, height: 690)),
            PreviewFormat(
                value: "MOBILE_FEED_STANDARD", label: "Facebook mobile feed",
                aspectRatio: .init(width: 335, height: 580)),
            PreviewFormat(
                value: "INSTAGRAM_STANDARD", label: "Instagram feed", aspectRatio: .init(width: 335, height: 620)),
            PreviewFormat(value: "INSTAGRAM_STORY", label: "Instagram story", aspectRatio: .init(width: 9, height: 16)),
            PreviewFormat(
                value: "FACEBOOK_STORY_MOBILE", label: "Facebook story", aspectRatio: .init(width: 9, height: 16)),
            PreviewFormat(value: "INSTAGRAM_REELS", label: "Instagram reels", aspectRatio: .init(width: 9, height: 16)),
            PreviewFormat(
                value: "RIGHT_COLUMN_STANDARD", label: "Facebook right column",
                aspectRatio: .init(width: 540, height: 690)),
        ],
        note: "GET act_{id}/generatepreviews for a draft, GET {ad_id}/previews for an ad; each answers an <iframe> "
            + "(ops-anchors §5)")
}
