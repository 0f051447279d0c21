import AdPlatformKit

/// What Snapchat's Snap Ads (web view) format can do and what it limits, as data.
///
/// Sources, tagged as in `reference/platform-apis.md` §3: name, headline and brand-name limits, the objective
/// enum and the 5,000,000-micro ad squad minimum are [DOC]. The call-to-action values are [3P]: Snap's own
/// mapping table was not available, so only values seen in working third-party integrations are mapped
/// (`MORE`, `SIGN_UP`, `SHOP_NOW`, `APPLY_NOW`, `GET_NOW`, `WATCH`); `subscribe`, `bookNow`, `download` and
/// `contactUs` are left out until confirmed.
public enum SnapchatCapabilities {
    /// Snapchat's capabilities.
    public static let capabilities = PlatformCapabilities(
        platform: .snapchat,
        displayName: "Snapchat",
        hierarchy: EntityHierarchy([
            .init(.campaign, "campaign"), .init(.adGroup, "ad squad"), .init(.media, "media"),
            .init(.creative, "creative"), .init(.ad, "ad"),
        ]),
        textLimits: [
            TextLimit(.campaignName, platformField: "name", maximum: 375, enforcement: .hard),
            TextLimit(.adGroupName, platformField: "name", maximum: 375, enforcement: .hard),
            TextLimit(.adName, platformField: "name", maximum: 375, enforcement: .hard),
            TextLimit(.headline, platformField: "headline", maximum: 34, enforcement: .hard),
            TextLimit(.brandName, platformField: "brand_name", minimum: 1, maximum: 32, enforcement: .hard),
        ],
        headlines: CountLimit(minimum: 1, maximum: 1, excess: .ignored),
        descriptions: CountLimit(minimum: 0, maximum: 0, excess: .ignored),
        media: MediaSupport(images: true, videos: true, required: true, placement: "Snapchat top snap"),
        objectives: [
            .awareness: "BRAND_AWARENESS",
            .reach: "BRAND_AWARENESS",
            .traffic: "WEB_CONVERSION",
            .engagement: "ENGAGEMENT",
            .videoViews: "VIDEO_VIEW",
            .leads: "LEAD_GENERATION",
            .appPromotion: "APP_INSTALL",
            .conversions: "WEB_CONVERSION",
            .sales: "CATALOG_SALES",
        ],
        callToActions: [
            .learnMore: "MORE",
            .signUp: "SIGN_UP",
            .shopNow: "SHOP_NOW",
            .applyNow: "APPLY_NOW",
            .getOffer: "GET_NOW",
            .watchNow: "WATCH",
        ],
        budget: BudgetRules(
            unit: .micros, placement: .adGroup, dailyMinimumMicros: 5_000_000, supportsLifetime: true,
            minimumSource: "Snap docs: ad squad daily_budget_micro ≥ 5,000,000 in every currency [DOC]"),
        lifecycle: lifecycle, reporting: reporting, previews: previews
    )

    /// Stats fields per metric, and Snap's restatement window.
    public static let reporting = ReportingCapabilities(
        metrics: [
            MetricDefinition(.impressions, from: ["impressions"], unit: "count"),
            MetricDefinition(.clicks, from: ["swipes"], unit: "count"),
            MetricDefinition(.spend, from: ["spend"], unit: "micro-currency"),
            MetricDefinition(.conversions, from: ["conversion_purchases", "conversion_sign_ups"], unit: "count"),
            MetricDefinition(.conversionValue, from: ["conversion_purchases_value"], unit: "micro-currency"),
        ],
        attributionWindow: "28d_swipe_1d_view", restatementDays: 28,
        restatementSource:
            "Snap's default attribution is 28-day swipe, 1-day view (Airbyte source-snapchat-marketing "
            + "swipe_up_attribution_window=28_DAY), so conversions land on a day for 28 days",
        maximumDaysPerQuery: 31)

    /// What Snapchat lets this module change after launch: status at every level (no archive), and budgets, bids
    /// and targeting on ad squads. A target ROAS (`MIN_ROAS`) needs a squad optimising for purchases, which Snap
    /// itself checks: launches for sales optimise for `PIXEL_PURCHASE`, others do not.
    public static let lifecycle = LifecycleCapabilities(
        campaign: .init(statusActions: [.activate, .pause, .resume, .remove]),
        adGroup: .init(
            statusActions: [.activate, .pause, .resume, .remove], budgetPeriods: [.daily, .lifetime],
            bidStrategies: [.automatic, .bidCap, .costCap, .targetROAS],
            targetingFields: [.countries, .ageRange, .genders]),
        ad: .init(statusActions: [.activate, .pause, .resume, .remove]),
        // Refused rather than mapped to a DELETE, which removes the entity for good.
        archive: .unsupported(
            "Snapchat has no archived state: entities are ACTIVE or PAUSED, and removal is an HTTP DELETE that "
                + "cannot be undone; pause the entity, or remove it explicitly"),
        // 50 is Ads Manager's oldest age, meaning 50 and over [3P; UNVERIFIED in the reference].
        ageLimits: AgeRange(minimum: 13, maximum: 50),
        notes: [
            "campaign.budget.daily":
                "this module puts Snapchat budgets on ad squads (a campaign's daily_budget_micro is a spend cap)",
            "campaign.budget.lifetime":
                "this module puts Snapchat budgets on ad squads (a campaign's lifetime_spend_cap_micro is a spend cap)",
        ])

    /// None: Snapchat's Marketing API has no creative-preview endpoint (ops-anchors §5).
    public static let previews = PreviewCapabilities.renderedLocally(
        "rendered locally: Snapchat's Marketing API offers no creative-preview endpoint")
}
