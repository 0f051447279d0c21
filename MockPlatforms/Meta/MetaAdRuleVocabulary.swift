/// The ad-rules engine's enums and field names (reference `ops-anchors.md` §1.3–§1.5, read from Meta's codegen spec
/// `enum_types.json` and the ad-rules guides).
enum MetaAdRuleVocabulary {
    /// `evaluation_spec.evaluation_type`.
    static let evaluationTypes = MetaVocabulary.Enumeration(["SCHEDULE", "TRIGGER"])

    /// Filter and trigger operators.
    static let operators = MetaVocabulary.Enumeration([
        "GREATER_THAN", "LESS_THAN", "EQUAL", "NOT_EQUAL", "IN_RANGE", "NOT_IN_RANGE", "IN", "NOT_IN", "CONTAIN",
        "NOT_CONTAIN", "ANY", "ALL", "NONE",
    ])

    /// The operators an insights (metric) filter takes.
    static let metricOperators: Set<String> = ["GREATER_THAN", "LESS_THAN", "EQUAL", "IN_RANGE", "NOT_IN_RANGE"]

    /// `trigger.type`.
    static let triggerTypes = MetaVocabulary.Enumeration([
        "METADATA_CREATION", "METADATA_UPDATE", "STATS_CHANGE", "STATS_MILESTONE", "DELIVERY_INSIGHTS_CHANGE",
    ])

    /// Every `execution_type` in the spec's enum.
    static let executionTypes = MetaVocabulary.Enumeration([
        "NOTIFICATION", "PAUSE", "UNPAUSE", "CHANGE_BUDGET", "CHANGE_CAMPAIGN_BUDGET", "CHANGE_BID", "ROTATE",
        "REBALANCE_BUDGET", "PING_ENDPOINT", "DCO", "UPDATE_CREATIVE", "AD_RECOMMENDATION_APPLY",
        "AUDIENCE_CONSOLIDATION", "AUDIENCE_CONSOLIDATION_ASK_FIRST", "ADD_INTEREST_RELAXATION",
        "ADD_QUESTIONNAIRE_INTERESTS", "INCREASE_RADIUS", "UPDATE_LAX_BUDGET", "UPDATE_LAX_DURATION",
    ])

    /// The execution types the emulator carries out; the others are refused rather than accepted and ignored.
    static let emulatedExecutionTypes: Set<String> = [
        "NOTIFICATION", "PAUSE", "UNPAUSE", "CHANGE_BUDGET", "CHANGE_CAMPAIGN_BUDGET", "CHANGE_BID",
    ]

    /// Execution types Meta allows only on SCHEDULE rules (the guide's table).
    static let scheduleOnlyExecutionTypes: Set<String> = [
        "CHANGE_BUDGET", "CHANGE_CAMPAIGN_BUDGET", "CHANGE_BID", "ROTATE", "REBALANCE_BUDGET",
    ]

    /// `status` of a rule.
    static let statuses = MetaVocabulary.Enumeration(["ENABLED", "DISABLED", "DELETED", "HAS_ISSUES"])

    /// `entity_type` values.
    static let entityTypes = MetaVocabulary.Enumeration(["AD", "ADSET", "CAMPAIGN"])

    /// `schedule_spec.schedule_type`.
    static let scheduleTypes = MetaVocabulary.Enumeration(["DAILY", "HOURLY", "SEMI_HOURLY", "CUSTOM"])

    /// `change_spec.unit`.
    static let changeUnits = MetaVocabulary.Enumeration(["ACCOUNT_CURRENCY", "PERCENTAGE"])

    /// The `execution_options` fields the emulator knows.
    static let executionOptionFields = MetaVocabulary.Enumeration([
        "action_frequency", "alert_preferences", "change_spec", "execution_count_limit", "user_ids",
    ])

    /// Every `time_preset`: today-inclusive ones, today-exclusive ones and the lagged ROAS windows.
    static let timePresets = MetaVocabulary.Enumeration(
        todayInclusivePresets + [
            "YESTERDAY", "LAST_2D", "LAST_3D", "LAST_7D", "LAST_14D", "LAST_28D", "LAST_30D", "LAST_ND_14_8",
            "LAST_ND_30_8", "LAST_ND_60_8", "LAST_ND_120_8", "LAST_ND_180_8", "LAST_ND_LIFETIME_8", "LAST_ND_60_29",
            "LAST_ND_120_29", "LAST_ND_180_29", "LAST_ND_LIFETIME_29",
        ])

    /// The presets that include today, the only ones TRIGGER rules take.
    static let todayInclusivePresets = [
        "TODAY", "LAST_2_DAYS", "LAST_3_DAYS", "LAST_7_DAYS", "LAST_14_DAYS", "LAST_28_DAYS", "LAST_30_DAYS",
        "THIS_MONTH", "THIS_WEEK_MON_TODAY", "THIS_WEEK_SUN_TODAY", "LIFETIME",
    ]

    /// Insights fields the emulator computes from the world's delivery model (money in minor units, as Meta's
    /// filters take it: `spent` 1000 is $10.00).
    static let metricFields: Set<String> = [
        "spent", "impressions", "clicks", "unique_clicks", "ctr", "cpc", "cpm", "cpp", "cpa", "cost_per", "results",
        "reach", "frequency", "link_click", "cost_per_link_click", "website_purchase_roas",
        "offsite_conversion.fb_pixel_purchase", "cost_per_purchase_fb", "daily_ratio_spent", "lifetime_ratio_spent",
    ]

    /// Metric fields TRIGGER rules may not use (the guide's list, for the fields the emulator computes).
    static let scheduleOnlyMetricFields: Set<String> = [
        "website_purchase_roas", "reach", "unique_clicks", "frequency", "daily_ratio_spent", "lifetime_ratio_spent",
    ]

    /// The time presets a metric field may carry as a prefix (`today_spent`), overriding the rule's.
    static let presetPrefixes: [(prefix: String, preset: String)] = [
        ("today_", "TODAY"), ("yesterday_", "YESTERDAY"), ("lifetime_", "LIFETIME"),
    ]

    /// Metadata fields usable by both rule types, as the emulator evaluates them.
    static let metadataFields: Set<String> = [
        "id", "name", "objective", "buying_type", "billing_event", "optimization_goal", "daily_budget",
        "lifetime_budget", "spend_cap", "bid_amount", "start_time", "stop_time", "created_time", "updated_time",
    ]

    /// Metadata fields usable only by SCHEDULE rules, as the emulator evaluates them.
    static let scheduleOnlyMetadataFields: Set<String> = ["effective_status", "hours_since_creation"]

    /// Whether a metric filter is a cost condition, the kind error 2703 refuses on a rule that turns ads off.
    static func isCostField(_ metric: String) -> Bool {
        metric.hasPrefix("cost_per") || ["cpa", "cpc", "cpm", "cpp"].contains(metric)
    }

    /// The fields of an AdRule node (SDK `AdRule.Field`, plus `disable_error_code` from the reference).
    static let ruleFields: Set<String> = [
        "account_id", "created_by", "created_time", "disable_error_code", "evaluation_spec", "execution_spec", "id",
        "name", "schedule_spec", "status", "updated_time",
    ]
}
