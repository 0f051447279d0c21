import AdPlatformKit

/// What this module can create on Google Ads, as data: search campaigns with responsive search ads.
public enum GoogleCapabilities {
    /// The capability table for Google Ads search campaigns.
    ///
    /// Name limits of 255 characters are third-party knowledge, not from Google's own documents. Headline,
    /// description and path limits count double-width (CJK) characters as two, as Google does.
    public static let capabilities = PlatformCapabilities(
        platform: .google,
        displayName: "Google Ads",
        hierarchy: EntityHierarchy([
            .init(.budget, "campaign budget"),
            .init(.campaign, "campaign"),
            .init(.adGroup, "ad group"),
            .init(.ad, "ad group ad (responsive search ad)"),
        ]),
        textLimits: [
            TextLimit(
                .campaignName, platformField: "campaign.name", minimum: 1, maximum: 255, enforcement: .hard,
                restrictions: [.noLineBreaks]),
            TextLimit(
                .adGroupName, platformField: "ad_group.name", minimum: 1, maximum: 255, enforcement: .hard,
                restrictions: [.noLineBreaks]),
            TextLimit(
                .headline, platformField: "responsive_search_ad.headlines.text", minimum: 1, maximum: 30,
                enforcement: .hard, counting: .cjkAsTwo),
            TextLimit(
                .description, platformField: "responsive_search_ad.descriptions.text", minimum: 1, maximum: 90,
                enforcement: .hard, counting: .cjkAsTwo),
            TextLimit(
                .displayPath, platformField: "responsive_search_ad.path1/path2", maximum: 15, enforcement: .hard,
                counting: .cjkAsTwo),
        ],
        headlines: CountLimit(minimum: 3, maximum: 15, excess: .rejected, requiresUnique: true),
        descriptions: CountLimit(minimum: 2, maximum: 4, excess: .rejected, requiresUnique: true),
        media: MediaSupport(
            images: false, videos: false, required: false, placement: "Google search results (text only)"),
        objectives: [.traffic: "SEARCH", .conversions: "SEARCH", .leads: "SEARCH", .sales: "SEARCH"],
        callToActions: [:],
        usesCallToAction: false,
        budget: BudgetRules(
            unit: .micros, placement: .campaign, dailyMinimumMicros: nil, supportsLifetime: false,
            minimumSource: "Google sets no fixed minimum; amounts must be multiples of the currency's minimum unit"),
        lifecycle: lifecycle, reporting: reporting, previews: previews
    )

    /// GAQL metrics per metric, and Google's restatement window.
    public static let reporting = ReportingCapabilities(
        metrics: [
            MetricDefinition(.impressions, from: ["metrics.impressions"], unit: "count"),
            MetricDefinition(.clicks, from: ["metrics.clicks"], unit: "count"),
            MetricDefinition(.spend, from: ["metrics.cost_micros"], unit: "micro-currency"),
            MetricDefinition(.conversions, from: ["metrics.conversions"], unit: "fractional count"),
            MetricDefinition(.conversionValue, from: ["metrics.conversions_value"], unit: "decimal, major units"),
        ],
        attributionWindow: "conversion_action_default", restatementDays: 14,
        restatementSource:
            "Airbyte source-google-ads re-reads its conversion window, 14 days by default, on every sync; an "
            + "account whose conversion actions count longer needs a longer window",
        maximumDaysPerQuery: 90)

    /// What Google Ads lets this module change after launch. Status and archive (as `REMOVED`) at every level;
    /// daily budgets on campaigns; bids on campaigns (the bidding strategy) and ad groups (the max CPC and the
    /// target overrides); countries on campaigns (location criteria), ages and genders on ad groups (exclusion
    /// criteria).
    public static let lifecycle = LifecycleCapabilities(
        campaign: .init(
            statusActions: [.activate, .pause, .resume, .archive, .remove], budgetPeriods: [.daily],
            bidStrategies: [.automatic, .bidCap, .costCap, .targetROAS], targetingFields: [.countries]),
        adGroup: .init(
            statusActions: [.activate, .pause, .resume, .archive, .remove],
            bidStrategies: [.automatic, .bidCap, .costCap, .targetROAS], targetingFields: [.ageRange, .genders]),
        ad: .init(statusActions: [.activate, .pause, .resume, .archive, .remove]),
        // Mapped, not refused: REMOVED is a status, not a deletion. The entity, its settings and its metrics stay
        // readable (GAQL returns it with status REMOVED), as Meta's ARCHIVED does, and like ARCHIVED it can never
        // deliver again. Declared here so the mapping is never implicit.
        archive: .removal(
            "REMOVED",
            explanation:
                "Google Ads has no archived state; archiving sets REMOVED, which stops delivery for good and keeps the "
                + "entity and its metrics readable, as Meta's ARCHIVED does. It cannot be re-enabled"),
        ageLimits: AgeRange(minimum: 18, maximum: 65),
        countries: Set(GoogleGeoTargets.countryCriterionIDs.keys),
        notes: [
            "budget.lifetime": "this module sets daily campaign budgets only",
            "adGroup.targeting.countries":
                "Google targets locations per campaign (campaign location criteria); change the campaign's countries",
            "campaign.targeting.ageRange": "Google's age criteria sit on ad groups",
            "campaign.targeting.genders": "Google's gender criteria sit on ad groups",
        ])

    /// None: `ShareablePreviewService` covers only Performance Max asset groups and some YouTube formats, answers
    /// `UNSUPPORTED_AD_TYPE` for responsive search ads, and its pages cannot be framed (ops-anchors §5).
    public static let previews = PreviewCapabilities.renderedLocally(
        "rendered locally: Google's ShareablePreviewService covers only Performance Max and some YouTube formats, "
            + "refuses search ads (UNSUPPORTED_AD_TYPE) and sends X-Frame-Options: deny")
}
