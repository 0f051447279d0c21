/// Meta's enums and field names, from the official SDK (`facebook_business` 26.0.3, `adobjects/*.py`) and the
/// codegen spec (`enum_types.json`) the reference cites.
///
/// Reads that ask for a field Meta does not have are answered with Graph's "nonexisting field" error; fields Meta
/// has but the emulator does not track are simply left out, as Graph leaves out fields without a value.
enum MetaVocabulary {
    /// An enum's values, in the order Graph lists them in its error message.
    struct Enumeration: Sendable {
        /// The values in order.
        let ordered: [String]
        private let members: Set<String>

        init(_ values: [String]) {
            ordered = values
            members = Set(values)
        }

        /// Whether a value is one of the enum's.
        func contains(_ value: String) -> Bool { members.contains(value) }
    }

    /// Campaign objectives: the ODAX `OUTCOME_*` values and the legacy ones still in the enum.
    static let objectives = Enumeration([
        "APP_INSTALLS", "BRAND_AWARENESS", "CONVERSIONS", "EVENT_RESPONSES", "LEAD_GENERATION", "LINK_CLICKS",
        "LOCAL_AWARENESS", "MESSAGES", "OFFER_CLAIMS", "OUTCOME_APP_PROMOTION", "OUTCOME_AWARENESS",
        "OUTCOME_ENGAGEMENT", "OUTCOME_LEADS", "OUTCOME_SALES", "OUTCOME_TRAFFIC", "PAGE_LIKES", "POST_ENGAGEMENT",
        "PRODUCT_CATALOG_SALES", "REACH", "STORE_VISITS", "VIDEO_VIEWS",
    ])

    /// Configured statuses of campaigns, ad sets and ads.
    static let statuses = Enumeration(["ACTIVE", "PAUSED", "DELETED", "ARCHIVED"])

    /// Effective statuses, for `effective_status` filters.
    static let effectiveStatuses = Enumeration([
        "ACTIVE", "PAUSED", "DELETED", "PENDING_REVIEW", "DISAPPROVED", "PREAPPROVED", "PENDING_BILLING_INFO",
        "CAMPAIGN_PAUSED", "ARCHIVED", "ADSET_PAUSED", "IN_PROCESS", "WITH_ISSUES",
    ])

    /// Bid strategies of campaigns and ad sets.
    static let bidStrategies = Enumeration([
        "LOWEST_COST_WITHOUT_CAP", "LOWEST_COST_WITH_BID_CAP", "COST_CAP", "LOWEST_COST_WITH_MIN_ROAS",
    ])

    /// Special ad categories.
    static let specialAdCategories = Enumeration([
        "NONE", "EMPLOYMENT", "HOUSING", "CREDIT", "ISSUES_ELECTIONS_POLITICS", "ONLINE_GAMBLING_AND_GAMING",
        "FINANCIAL_PRODUCTS_SERVICES",
    ])

    /// Buying types.
    static let buyingTypes = Enumeration(["AUCTION", "RESERVED", "FIXED_CPM"])

    /// Ad set billing events.
    static let billingEvents = Enumeration([
        "APP_INSTALLS", "CLICKS", "IMPRESSIONS", "LINK_CLICKS", "LISTING_INTERACTION", "NONE", "OFFER_CLAIMS",
        "PAGE_LIKES", "POST_ENGAGEMENT", "PURCHASE", "THRUPLAY",
    ])

    /// Ad set optimization goals.
    static let optimizationGoals = Enumeration([
        "ADVERTISER_SILOED_VALUE", "AD_RECALL_LIFT", "APP_INSTALLS", "APP_INSTALLS_AND_OFFSITE_CONVERSIONS",
        "AUTOMATIC_OBJECTIVE", "CONVERSATIONS", "DERIVED_EVENTS", "ENGAGED_PAGE_VIEWS", "ENGAGED_USERS",
        "EVENT_RESPONSES", "IMPRESSIONS", "IN_APP_VALUE", "LANDING_PAGE_VIEWS", "LEAD_GENERATION", "LINK_CLICKS",
        "MEANINGFUL_CALL_ATTEMPT", "MESSAGING_APPOINTMENT_CONVERSION", "MESSAGING_DEEP_CONVERSATION_AND_FOLLOW",
        "MESSAGING_PURCHASE_CONVERSION", "NONE", "OFFSITE_CONVERSIONS", "PAGE_LIKES", "POST_ENGAGEMENT",
        "PROFILE_AND_PAGE_ENGAGEMENT", "PROFILE_VISIT", "QUALITY_CALL", "QUALITY_LEAD", "REACH", "REMINDERS_SET",
        "SUBSCRIBERS", "THRUPLAY", "VALUE", "VISIT_INSTAGRAM_PROFILE",
    ])

    /// Optimization goals that optimise for a pixel event, and so need `promoted_object`.
    static let pixelGoals: Set<String> = ["OFFSITE_CONVERSIONS", "VALUE"]

    /// Bid strategies that need `bid_amount` on the ad set.
    static let cappedBidStrategies: Set<String> = ["LOWEST_COST_WITH_BID_CAP", "COST_CAP"]

    /// Insights levels.
    static let levels = Enumeration(["ad", "adset", "campaign", "account"])

    /// Insights date presets.
    static let datePresets = Enumeration([
        "today", "yesterday", "this_month", "last_month", "this_quarter", "maximum", "data_maximum", "last_3d",
        "last_7d", "last_14d", "last_28d", "last_30d", "last_90d", "last_week_mon_sun", "last_week_sun_sat",
        "last_quarter", "last_year", "this_week_mon_today", "this_week_sun_today", "this_year",
    ])

    /// `filtering` operators Graph accepts.
    static let filterOperators = Enumeration([
        "EQUAL", "NOT_EQUAL", "GREATER_THAN", "GREATER_THAN_OR_EQUAL", "LESS_THAN", "LESS_THAN_OR_EQUAL", "IN_RANGE",
        "NOT_IN_RANGE", "CONTAIN", "NOT_CONTAIN", "IN", "NOT_IN", "STARTS_WITH", "ENDS_WITH", "ANY", "ALL", "AFTER",
        "BEFORE", "ON_OR_AFTER", "ON_OR_BEFORE", "NONE", "TOP",
    ])

    /// Pixel standard events and the `action_type` insights report them under; other events are
    /// `offsite_conversion.fb_pixel_custom`.
    static let pixelActionTypes: [String: String] = [
        "completeregistration": "offsite_conversion.fb_pixel_complete_registration",
        "purchase": "offsite_conversion.fb_pixel_purchase",
        "lead": "offsite_conversion.fb_pixel_lead",
        "addtocart": "offsite_conversion.fb_pixel_add_to_cart",
        "addtowishlist": "offsite_conversion.fb_pixel_add_to_wishlist",
        "addpaymentinfo": "offsite_conversion.fb_pixel_add_payment_info",
        "initiatecheckout": "offsite_conversion.fb_pixel_initiate_checkout",
        "viewcontent": "offsite_conversion.fb_pixel_view_content",
        "search": "offsite_conversion.fb_pixel_search",
    ]

    /// The `action_type` of a pixel event name.
    static func actionType(forEvent event: String) -> String {
        let key = event.lowercased().filter { $0 != "_" && $0 != " " }
        return pixelActionTypes[key] ?? "offsite_conversion.fb_pixel_custom"
    }

    /// The node type Graph names in errors, per emulator kind.
    static func nodeType(_ kind: String) -> String {
        switch kind {
        case MetaKind.campaign: "AdCampaignGroup"
        case MetaKind.adSet: "AdCampaign"
        case MetaKind.ad: "Adgroup"
        case MetaKind.creative: "AdCreative"
        case MetaKind.image: "AdImage"
        case MetaKind.reportRun: "AdReportRun"
        case MetaKind.adRule: "AdRule"
        default: "AdAccount"
        }
    }

    /// The fields a kind has.
    static func fields(_ kind: String) -> Set<String> {
        switch kind {
        case MetaKind.campaign: campaignFields
        case MetaKind.adSet: adSetFields
        case MetaKind.ad: adFields
        case MetaKind.creative: creativeFields
        case MetaKind.image: imageFields
        case MetaKind.reportRun: reportRunFields
        case MetaKind.adRule: MetaAdRuleVocabulary.ruleFields
        default: accountFields
        }
    }

    /// Fields a campaign (`AdCampaignGroup`) has (SDK `Campaign.Field`).
    static let campaignFields: Set<String> = [
        "account_id", "adbatch", "adlabels", "advantage_state_info", "bid_constraints", "bid_strategy",
        "boosted_object_id", "brand_lift_studies", "budget_rebalance_flag", "budget_remaining",
        "budget_schedule_specs", "buying_type", "campaign_group_active_time", "can_create_brand_lift_study",
        "can_use_spend_cap", "configured_status", "created_time", "daily_budget", "effective_status",
        "execution_options", "frequency_control_specs", "has_secondary_skadnetwork_reporting", "id",
        "is_adset_budget_sharing_enabled", "is_budget_schedule_enabled", "is_direct_send_campaign",
        "is_message_campaign", "is_meta_moment_maker_enabled", "is_pca_unified", "is_reels_trending_ads_enabled",
        "is_skadnetwork_attribution", "issues_info", "iterative_split_test_configs", "last_budget_toggling_time",
        "lifetime_budget", "name", "objective", "pacing_type", "primary_attribution", "promoted_object",
        "recommendations", "smart_promotion_type", "source_campaign", "source_campaign_id",
        "source_recommendation_type", "special_ad_categories", "special_ad_category", "special_ad_category_country",
        "spend_cap", "start_time", "status", "stop_time", "topline_id", "updated_time",
    ]

    /// Fields an ad set (`AdCampaign`) has (SDK `AdSet.Field`).
    static let adSetFields: Set<String> = [
        "account_id", "ad_set_goal", "adlabels", "adset_schedule", "anchor_event_attribution_window_days",
        "asset_feed_id", "attribution_count_type", "attribution_spec", "automatic_manual_state", "bid_adjustments",
        "bid_amount", "bid_constraints", "bid_info", "bid_strategy", "billing_event", "brand_safety_config",
        "budget_remaining", "campaign", "campaign_active_time", "campaign_attribution", "campaign_id",
        "configured_status", "created_time", "creative_diversity_label", "creative_diversity_score",
        "creative_sequence", "creative_sequence_repetition_pattern", "daily_budget", "daily_min_spend_target",
        "daily_spend_cap", "destination_type", "dsa_beneficiary", "dsa_payor", "effective_status", "end_time",
        "existing_customer_budget_percentage", "frequency_control_specs", "full_funnel_exploration_mode", "id",
        "instagram_user_id", "is_ba_skip_delayed_eligible", "is_budget_schedule_enabled", "is_dc_follow_optimized",
        "is_dynamic_creative", "is_incremental_attribution_enabled", "is_organic_ad_joint_optimized",
        "is_sequenced_conversion_creation", "issues_info", "learning_stage_info", "lifetime_budget", "lifetime_imps",
        "lifetime_min_spend_target", "lifetime_spend_cap", "live_video_ad_campaign_config", "low_creative_reach",
        "max_budget_spend_percentage", "meta_moment_maker_spec", "min_budget_spend_percentage",
        "multi_event_conversion_attribution_window_seconds", "multi_optimization_goal_weight", "name",
        "optimization_goal", "optimization_sub_event", "pacing_type", "placement_soft_opt_out", "promoted_object",
        "recommendations", "recurring_budget_semantics", "regional_regulated_categories",
        "regional_regulation_identities", "relative_value", "review_feedback", "rf_prediction_id", "source_adset",
        "source_adset_id", "special_ad_categories", "start_time", "status", "targeting",
        "targeting_optimization_types", "time_based_ad_rotation_id_blocks", "time_based_ad_rotation_intervals",
        "trending_topics_spec", "updated_time", "use_new_app_click", "value_rule_set_id", "value_rules_applied",
    ]

    /// Fields an ad (`Adgroup`) has (SDK `Ad.Field`).
    static let adFields: Set<String> = [
        "account_id", "ad_active_time", "ad_review_feedback", "ad_schedule_end_time", "ad_schedule_start_time",
        "adlabels", "adset", "adset_id", "adset_spec", "audience_id", "bid_amount", "bid_info", "bid_type",
        "campaign", "campaign_id", "configured_status", "conversion_domain", "conversion_specs", "created_time",
        "creative", "creative_asset_groups_spec", "creative_audience_pairing_persona", "creative_automation_spec",
        "dataset_split_specs", "date_format", "demolink_hash", "display_sequence", "draft_adgroup_id",
        "effective_status", "engagement_audience", "execution_options", "failed_delivery_checks", "filename", "id",
        "include_demolink_hashes", "issues_info", "last_updated_by_app_id", "name", "placement",
        "preview_shareable_link", "priority", "recommendations", "source_ad", "source_ad_id", "special_ad_categories",
        "status", "targeting", "tracking_and_conversion_with_defaults", "tracking_specs", "updated_time",
    ]

    /// Fields an ad creative has (SDK `AdCreative.Field`).
    static let creativeFields: Set<String> = [
        "account_id", "actor_id", "ad_disclaimer_spec", "adlabels", "applink_treatment", "asset_feed_spec",
        "authorization_category", "auto_update", "body", "branded_content", "branded_content_sponsor_page_id",
        "bundle_folder_id", "call_to_action", "call_to_action_type", "categorization_criteria",
        "category_media_source", "collaborative_ads_lsb_image_bank_id", "contextual_multi_ads",
        "creative_sourcing_spec", "degrees_of_freedom_spec", "destination_set_id", "destination_spec",
        "dynamic_ad_voice", "effective_authorization_category", "effective_instagram_media_id",
        "effective_object_story_id", "enable_direct_install", "enable_launch_instant_app", "execution_options",
        "existing_post_title", "facebook_branded_content", "format_transformation_spec", "generative_asset_spec",
        "id", "image_crops", "image_file", "image_hash", "image_url", "instagram_branded_content",
        "instagram_permalink_url", "instagram_user_id", "interactive_components_spec", "is_dco_internal",
        "link_deep_link_url", "link_destination_display_url", "link_og_id", "link_url",
        "marketing_message_structured_spec", "media_optimization_spec", "media_sourcing_spec",
        "messenger_sponsored_message", "name", "object_id", "object_store_url", "object_story_id",
        "object_story_spec", "object_type", "object_url", "omnichannel_link_spec", "page_welcome_message",
        "photo_album_source_object_story_id", "place_page_set_id", "platform_customizations", "playable_asset_id",
        "portrait_customizations", "product_data", "product_set_id", "product_suggestion_settings",
        "recommender_settings", "regional_regulation_disclaimer_spec", "source_facebook_post_id",
        "source_instagram_media_id", "status", "template_url", "template_url_spec", "thumbnail_id", "thumbnail_url",
        "title", "url_tags", "use_page_actor_override", "video_id", "wamo_whatsapp_identity_spec",
    ]

    /// Fields an ad image has (SDK `AdImage.Field`).
    static let imageFields: Set<String> = [
        "account_id", "bytes", "copy_from", "created_time", "creatives", "filename", "hash", "height", "id",
        "is_associated_creatives_in_adgroups", "name", "original_height", "original_width", "owner_business",
        "permalink_url", "status", "updated_time", "url", "url_128", "width",
    ]

    /// Fields an async report run has (SDK `AdReportRun.Field`).
    static let reportRunFields: Set<String> = [
        "account_id", "action_attribution_windows", "action_breakdowns", "action_report_time",
        "async_percent_completion", "async_report_url", "async_status", "breakdowns", "cpas_only", "date_preset",
        "date_start", "date_stop", "default_summary", "emails", "error_code", "error_message", "error_subcode",
        "error_user_msg", "error_user_title", "export_columns", "export_format", "export_name", "fields", "filtering",
        "friendly_name", "graph_cache", "id", "is_async_export", "is_bookmarked", "is_running", "level", "limit",
        "product_id_limit", "schedule_id", "sort", "summary", "summary_action_breakdowns", "time_completed",
        "time_increment", "time_range", "time_ranges", "time_ref", "use_account_attribution_setting",
        "use_unified_attribution_setting",
    ]

    /// Fields an ad account has (SDK `AdAccount.Field`).
    static let accountFields: Set<String> = [
        "account_id", "account_status", "ad_account_promotable_objects", "age", "agency_client_declaration",
        "all_capabilities", "amount_spent", "attribution_spec", "balance", "brand_safety_content_filter_levels",
        "business", "business_city", "business_country_code", "business_name", "business_state", "business_street",
        "business_street2", "business_zip", "can_create_brand_lift_study", "capabilities", "created_time", "currency",
        "custom_audience_info", "default_dsa_beneficiary", "default_dsa_payor", "disable_reason", "end_advertiser",
        "end_advertiser_name", "existing_customers", "expired_funding_source_details",
        "extended_credit_invoice_group", "failed_delivery_checks", "fb_entity", "funding_source",
        "funding_source_details", "has_migrated_permissions", "has_page_authorized_adaccount", "id", "io_number",
        "is_attribution_spec_system_default", "is_ba_skip_delayed_eligible", "is_direct_deals_enabled",
        "is_in_3ds_authorization_enabled_market", "is_notifications_enabled", "is_personal", "is_prepay_account",
        "is_tax_id_required", "liable_address", "line_numbers", "marketing_messages_settings", "media_agency",
        "min_campaign_group_spend_cap", "min_daily_budget", "name", "offsite_clo_signal_status",
        "offsite_pixels_tos_accepted", "opportunity_score", "opportunity_score_weight", "owner", "owner_business",
        "partner", "rf_spec", "send_bill_to_address", "show_checkout_experience", "sold_to_address", "spend_cap",
        "tax_id", "tax_id_status", "tax_id_type", "timezone_id", "timezone_name", "timezone_offset_hours_utc",
        "tos_accepted", "user_access_expire_time", "user_tasks", "user_tos_accepted", "viewable_business",
    ]

    /// Fields an insights row may ask for (SDK `AdsInsights.Field`).
    static let insightsFields: Set<String> = [
        "account_currency", "account_id", "account_name", "action_values", "actions", "ad_click_actions", "ad_id",
        "ad_impression_actions", "ad_name", "adset_end", "adset_id", "adset_name", "adset_start",
        "advanced_actions_28d_view", "advanced_reach_1d_lookback", "advanced_reach_28d_lookback",
        "advanced_reach_7d_lookback", "age_targeting", "aggregated_play_time_per_reach",
        "anchor_event_attribution_setting", "anchor_events_performance_indicator", "attribution_setting",
        "auction_bid", "auction_competitiveness", "auction_max_competitor_bid", "average_purchases_conversion_value",
        "buying_type", "campaign_id", "campaign_name", "canvas_avg_view_percent", "canvas_avg_view_time",
        "catalog_segment_actions", "catalog_segment_value", "catalog_segment_value_mobile_purchase_roas",
        "catalog_segment_value_omni_purchase_roas", "catalog_segment_value_website_purchase_roas", "clicks",
        "configurable_attribution_action", "configurable_attribution_actionvalue",
        "configurable_audience_overlap_reach", "configurable_audience_overlap_with_conv_action",
        "configurable_audience_overlap_with_conv_converters", "configurable_audience_overlap_with_conv_exposure_cost",
        "configurable_audience_overlap_with_conv_exposure_impressions",
        "configurable_audience_overlap_with_conv_exposure_reach",
        "configurable_creative_format_performance_adset_count", "configurable_creative_format_performance_clicks",
        "configurable_creative_format_performance_conversions", "configurable_creative_format_performance_converters",
        "configurable_creative_format_performance_impressions", "configurable_creative_format_performance_spend",
        "configurable_placement_ptc_conversions", "configurable_placement_ptc_converters",
        "configurable_placement_ptc_reach", "configurable_reachbyfrequency_action",
        "configurable_reachbyfrequency_converters_count", "configurable_reachbyfrequency_impressions_cost",
        "configurable_reachbyfrequency_impressions_count", "configurable_reachbyfrequency_reach",
        "conversion_lead_rate", "conversion_leads", "conversion_rate_ranking", "conversion_values", "conversions",
        "converted_product_app_custom_event_fb_mobile_purchase",
        "converted_product_app_custom_event_fb_mobile_purchase_value", "converted_product_offline_purchase",
        "converted_product_offline_purchase_value", "converted_product_omni_purchase",
        "converted_product_omni_purchase_values", "converted_product_quantity", "converted_product_value",
        "converted_product_website_pixel_purchase", "converted_product_website_pixel_purchase_value",
        "converted_promoted_product_app_custom_event_fb_mobile_purchase",
        "converted_promoted_product_app_custom_event_fb_mobile_purchase_value",
        "converted_promoted_product_offline_purchase", "converted_promoted_product_offline_purchase_value",
        "converted_promoted_product_omni_purchase", "converted_promoted_product_omni_purchase_values",
        "converted_promoted_product_quantity", "converted_promoted_product_value",
        "converted_promoted_product_website_pixel_purchase",
        "converted_promoted_product_website_pixel_purchase_value", "cost_per_15_sec_video_view",
        "cost_per_2_sec_continuous_video_view", "cost_per_6_sec_video_view", "cost_per_action_type",
        "cost_per_ad_click", "cost_per_conversion", "cost_per_conversion_lead", "cost_per_dda_countby_convs",
        "cost_per_estimated_ad_recallers", "cost_per_inline_link_click", "cost_per_inline_post_engagement",
        "cost_per_message_delivered", "cost_per_mmp_credited_install", "cost_per_objective_result",
        "cost_per_one_thousand_ad_impression", "cost_per_outbound_click", "cost_per_result", "cost_per_thruplay",
        "cost_per_unique_action_type", "cost_per_unique_click", "cost_per_unique_conversion",
        "cost_per_unique_inline_link_click", "cost_per_unique_outbound_click", "cpc", "cpm", "cpp", "created_time",
        "creative_diversity_data", "creative_diversity_label", "creative_diversity_score", "creative_fatigue_summary",
        "creative_fatigued_ads", "creative_media_type", "ctr", "date_start", "date_stop", "dda_countby_convs",
        "dda_results", "engagement_rate_ranking", "estimated_ad_recall_rate", "estimated_ad_recall_rate_lower_bound",
        "estimated_ad_recall_rate_upper_bound", "estimated_ad_recallers", "estimated_ad_recallers_lower_bound",
        "estimated_ad_recallers_upper_bound", "frequency", "full_view_impressions", "full_view_reach",
        "gender_targeting", "impressions", "inline_link_click_ctr", "inline_link_clicks", "inline_post_engagement",
        "instagram_profile_follow", "instagram_profile_visits", "instagram_upcoming_event_reminders_set",
        "instant_experience_clicks_to_open", "instant_experience_clicks_to_start",
        "instant_experience_outbound_clicks", "interactive_component_tap", "labels",
        "landing_page_view_actions_per_link_click", "landing_page_view_per_link_click",
        "landing_page_view_per_purchase_rate", "link_clicks_per_results", "location",
        "marketing_messages_click_rate_benchmark", "marketing_messages_cost_per_delivered",
        "marketing_messages_cost_per_link_btn_click", "marketing_messages_delivered",
        "marketing_messages_delivery_rate", "marketing_messages_link_btn_click",
        "marketing_messages_link_btn_click_rate", "marketing_messages_media_view_rate",
        "marketing_messages_phone_call_btn_click_rate", "marketing_messages_quick_reply_btn_click",
        "marketing_messages_quick_reply_btn_click_rate", "marketing_messages_read", "marketing_messages_read_rate",
        "marketing_messages_read_rate_benchmark", "marketing_messages_sent", "marketing_messages_spend",
        "marketing_messages_spend_currency", "messages_delivered", "messages_delivered_ctr", "mmp_credited_install",
        "mobile_app_purchase_roas", "msa_seller_budget", "multi_event_conversion_attribution_setting", "objective",
        "objective_result_rate", "objective_results", "onsite_conversion_messaging_detected_purchase_deduped",
        "opportunity_score_l4", "optimization_goal", "outbound_clicks", "outbound_clicks_ctr", "place_page_name",
        "playable_average_game_length", "playable_game_start_rate", "product_group_retailer_id",
        "product_retailer_id", "product_views", "purchase_per_landing_page_view", "purchase_roas",
        "purchases_per_link_click", "qualifying_question_qualify_answer_rate", "quality_ranking", "reach",
        "read_rate", "result_rate", "result_values_performance_indicator", "results", "shop_clicks",
        "shops_assisted_purchases", "social_spend", "spend", "total_card_view", "total_postbacks",
        "total_postbacks_detailed", "total_postbacks_detailed_v4", "unique_actions", "unique_clicks",
        "unique_conversions", "unique_ctr", "unique_inline_link_click_ctr", "unique_inline_link_clicks",
        "unique_link_clicks_ctr", "unique_outbound_clicks", "unique_outbound_clicks_ctr",
        "unique_video_continuous_2_sec_watched_actions", "unique_video_view_15_sec", "updated_time",
        "video_15_sec_watched_actions", "video_30_sec_watched_actions", "video_6_sec_watched_actions",
        "video_avg_time_watched_actions", "video_continuous_2_sec_watched_actions", "video_p100_watched_actions",
        "video_p25_watched_actions", "video_p50_watched_actions", "video_p75_watched_actions",
        "video_p95_watched_actions", "video_play_actions", "video_play_curve_actions",
        "video_play_retention_0_to_15s_actions", "video_play_retention_20_to_60s_actions",
        "video_play_retention_graph_actions", "video_thruplay_watched_actions", "video_time_watched_actions",
        "video_view_per_impression", "website_ctr", "website_purchase_roas", "wish_bid",
    ]
}
