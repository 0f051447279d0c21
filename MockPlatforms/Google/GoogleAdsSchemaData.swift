/// The Google Ads API v23 REST schema the emulator validates request bodies and GAQL field names against.
///
/// Generated once from the descriptors of the official `google-ads` 34.0.0 Python package (v23 protos): every
/// message reachable from the seven mutate requests the emulator serves, `googleAds:mutate`, `googleAds:search` and
/// `:searchStream`, plus `common.Metrics`, `common.Segments` and `resources.Customer` for GAQL. `MutateOperation`
/// members the emulator does not serve are kept as opaque (`x`), so they parse and are then refused by name.
///
/// Format, one declaration per line:
/// - `M <message>` starts a message; each following line is a field: `<proto_name> <kind>[*] [<type>] [@<oneof>]`,
///   where the kind is `s` string, `y` bytes, `b` bool, `i32`/`u32`/`i64`/`u64` integers, `f`/`d` floats, `e` enum,
///   `m` message, `x` any JSON, and `*` marks a repeated field.
/// - `E <enum>` starts an enum; the following lines hold its `NAME=number` values.
/// - `%Foo` abbreviates the enum `enums.FooEnum.Foo`.
enum GoogleAdsSchemaData {
    /// The schema text.
    static let text = #"""
        M common.ActivityCityInfo
        value s
        M common.ActivityCountryInfo
        value s
        M common.ActivityIdInfo
        value s
        M common.ActivityRatingInfo
        value i64
        M common.ActivityStateInfo
        value s
        M common.AdAppDeepLinkAsset
        asset s
        M common.AdAssetPolicySummary
        policy_topic_entries m* common.PolicyTopicEntry
        review_status e %PolicyReviewStatus
        approval_status e %PolicyApprovalStatus
        M common.AdCallToActionAsset
        asset s
        M common.AdDemandGenCarouselCardAsset
        asset s
        M common.AdImageAsset
        asset s
        M common.AdMediaBundleAsset
        asset s
        M common.AdScheduleInfo
        start_minute e %MinuteOfHour
        end_minute e %MinuteOfHour
        start_hour i32
        end_hour i32
        day_of_week e %DayOfWeek
        M common.AdTextAsset
        text s
        pinned_field e %ServedAssetFieldType
        asset_performance_label e %AssetPerformanceLabel
        policy_summary_info m common.AdAssetPolicySummary
        M common.AdVideoAsset
        asset s
        ad_video_asset_info m common.AdVideoAssetInfo
        M common.AdVideoAssetInfo
        ad_video_asset_inventory_preferences m common.AdVideoAssetInventoryPreferences
        ad_video_asset_feature_control m common.AdVideoAssetLinkFeatureControl
        M common.AdVideoAssetInventoryPreferences
        in_feed_preference b
        in_stream_preference b
        shorts_preference b
        M common.AdVideoAssetLinkFeatureControl
        allow_youtube_comments b
        M common.AddressInfo
        postal_code s
        province_code s
        country_code s
        province_name s
        street_address s
        street_address2 s
        city_name s
        M common.AgeRangeInfo
        type e %AgeRangeType
        M common.AppAdInfo
        mandatory_ad_text m common.AdTextAsset
        headlines m* common.AdTextAsset
        descriptions m* common.AdTextAsset
        images m* common.AdImageAsset
        youtube_videos m* common.AdVideoAsset
        html5_media_bundles m* common.AdMediaBundleAsset
        app_deep_link m common.AdAppDeepLinkAsset
        M common.AppDeepLinkAsset
        app_deep_link_uri s
        M common.AppEngagementAdInfo
        headlines m* common.AdTextAsset
        descriptions m* common.AdTextAsset
        images m* common.AdImageAsset
        videos m* common.AdVideoAsset
        M common.AppPaymentModelInfo
        type e %AppPaymentModelType
        M common.AppPreRegistrationAdInfo
        headlines m* common.AdTextAsset
        descriptions m* common.AdTextAsset
        images m* common.AdImageAsset
        youtube_videos m* common.AdVideoAsset
        M common.AssetInteractionTarget
        asset s
        interaction_on_this_asset b
        M common.AudienceInfo
        audience s
        M common.BookOnGoogleAsset
        M common.BrandListInfo
        shared_set s
        M common.BudgetCampaignAssociationStatus
        campaign s
        status e %BudgetCampaignAssociationStatus
        M common.BusinessMessageAsset
        message_provider e %BusinessMessageProvider
        starter_message s
        call_to_action m common.BusinessMessageCallToActionInfo
        whatsapp_info m common.WhatsappBusinessMessageInfo @message_provider_data
        facebook_messenger_info m common.FacebookMessengerBusinessMessageInfo @message_provider_data
        zalo_info m common.ZaloBusinessMessageInfo @message_provider_data
        M common.BusinessMessageCallToActionInfo
        call_to_action_selection e %BusinessMessageCallToActionType
        call_to_action_description s
        M common.BusinessProfileLocation
        labels s*
        store_code s
        listing_id i64
        M common.CallAsset
        country_code s
        phone_number s
        call_conversion_reporting_state e %CallConversionReportingState
        call_conversion_action s
        ad_schedule_targets m* common.AdScheduleInfo
        M common.CallToActionAsset
        call_to_action e %CallToActionType
        M common.CalloutAsset
        callout_text s
        start_date s
        end_date s
        ad_schedule_targets m* common.AdScheduleInfo
        M common.CampaignThirdPartyBrandLiftIntegrationPartner
        brand_lift_integration_partner e %ThirdPartyBrandLiftIntegrationPartner
        brand_lift_integration_partner_data m common.ThirdPartyIntegrationPartnerData
        share_cost b
        M common.CampaignThirdPartyBrandSafetyIntegrationPartner
        brand_safety_integration_partner e %ThirdPartyBrandSafetyIntegrationPartner
        brand_safety_integration_partner_data m common.ThirdPartyIntegrationPartnerData
        M common.CampaignThirdPartyIntegrationPartners
        viewability_integration_partners m* common.CampaignThirdPartyViewabilityIntegrationPartner
        brand_lift_integration_partners m* common.CampaignThirdPartyBrandLiftIntegrationPartner
        brand_safety_integration_partners m* common.CampaignThirdPartyBrandSafetyIntegrationPartner
        reach_integration_partners m* common.CampaignThirdPartyReachIntegrationPartner
        M common.CampaignThirdPartyReachIntegrationPartner
        reach_integration_partner e %ThirdPartyReachIntegrationPartner
        reach_integration_partner_data m common.ThirdPartyIntegrationPartnerData
        share_cost b
        M common.CampaignThirdPartyViewabilityIntegrationPartner
        viewability_integration_partner e %ThirdPartyViewabilityIntegrationPartner
        viewability_integration_partner_data m common.ThirdPartyIntegrationPartnerData
        share_cost b
        M common.CarrierInfo
        carrier_constant s
        M common.CombinedAudienceInfo
        combined_audience s
        M common.Commission
        commission_rate_micros i64
        M common.ContentLabelInfo
        type e %ContentLabelType
        M common.CustomAffinityInfo
        custom_affinity s
        M common.CustomAudienceInfo
        custom_audience s
        M common.CustomIntentInfo
        custom_intent s
        M common.CustomParameter
        key s
        value s
        M common.CustomerThirdPartyBrandLiftIntegrationPartner
        brand_lift_integration_partner e %ThirdPartyBrandLiftIntegrationPartner
        allow_share_cost b
        M common.CustomerThirdPartyBrandSafetyIntegrationPartner
        brand_safety_integration_partner e %ThirdPartyBrandSafetyIntegrationPartner
        M common.CustomerThirdPartyIntegrationPartners
        viewability_integration_partners m* common.CustomerThirdPartyViewabilityIntegrationPartner
        brand_lift_integration_partners m* common.CustomerThirdPartyBrandLiftIntegrationPartner
        brand_safety_integration_partners m* common.CustomerThirdPartyBrandSafetyIntegrationPartner
        reach_integration_partners m* common.CustomerThirdPartyReachIntegrationPartner
        M common.CustomerThirdPartyReachIntegrationPartner
        reach_integration_partner e %ThirdPartyReachIntegrationPartner
        allow_share_cost b
        M common.CustomerThirdPartyViewabilityIntegrationPartner
        viewability_integration_partner e %ThirdPartyViewabilityIntegrationPartner
        allow_share_cost b
        M common.DemandGenCarouselAdInfo
        business_name s
        logo_image m common.AdImageAsset
        headline m common.AdTextAsset
        description m common.AdTextAsset
        call_to_action_text s
        carousel_cards m* common.AdDemandGenCarouselCardAsset
        M common.DemandGenCarouselCardAsset
        marketing_image_asset s
        square_marketing_image_asset s
        portrait_marketing_image_asset s
        headline s
        call_to_action_text s
        M common.DemandGenMultiAssetAdInfo
        marketing_images m* common.AdImageAsset
        square_marketing_images m* common.AdImageAsset
        portrait_marketing_images m* common.AdImageAsset
        tall_portrait_marketing_images m* common.AdImageAsset
        logo_images m* common.AdImageAsset
        headlines m* common.AdTextAsset
        descriptions m* common.AdTextAsset
        business_name s
        call_to_action_text s
        M common.DemandGenProductAdInfo
        headline m common.AdTextAsset
        description m common.AdTextAsset
        logo_image m common.AdImageAsset
        breadcrumb1 s
        breadcrumb2 s
        business_name m common.AdTextAsset
        call_to_action m common.AdCallToActionAsset
        M common.DemandGenVideoResponsiveAdInfo
        headlines m* common.AdTextAsset
        long_headlines m* common.AdTextAsset
        descriptions m* common.AdTextAsset
        videos m* common.AdVideoAsset
        logo_images m* common.AdImageAsset
        companion_banners m* common.AdImageAsset
        breadcrumb1 s
        breadcrumb2 s
        business_name m common.AdTextAsset
        call_to_actions m* common.AdCallToActionAsset
        M common.DeviceInfo
        type e %Device
        M common.DisplayUploadAdInfo
        display_upload_product_type e %DisplayUploadProductType
        media_bundle m common.AdMediaBundleAsset @media_asset
        M common.DynamicCustomAsset
        id s
        id2 s
        item_title s
        item_subtitle s
        item_description s
        item_address s
        item_category s
        price s
        sale_price s
        formatted_price s
        formatted_sale_price s
        image_url s
        contextual_keywords s*
        android_app_link s
        ios_app_link s
        ios_app_store_id i64
        similar_ids s*
        M common.DynamicEducationAsset
        program_id s
        location_id s
        program_name s
        subject s
        program_description s
        school_name s
        address s
        contextual_keywords s*
        android_app_link s
        similar_program_ids s*
        ios_app_link s
        ios_app_store_id i64
        thumbnail_image_url s
        image_url s
        M common.DynamicFlightsAsset
        destination_id s
        origin_id s
        flight_description s
        image_url s
        destination_name s
        origin_name s
        flight_price s
        flight_sale_price s
        formatted_price s
        formatted_sale_price s
        android_app_link s
        ios_app_link s
        ios_app_store_id i64
        similar_destination_ids s*
        custom_mapping s
        M common.DynamicHotelsAndRentalsAsset
        property_id s
        property_name s
        image_url s
        destination_name s
        description s
        price s
        sale_price s
        star_rating i64
        category s
        contextual_keywords s*
        address s
        android_app_link s
        ios_app_link s
        ios_app_store_id i64
        formatted_price s
        formatted_sale_price s
        similar_property_ids s*
        M common.DynamicJobsAsset
        job_id s
        location_id s
        job_title s
        job_subtitle s
        description s
        image_url s
        job_category s
        contextual_keywords s*
        address s
        salary s
        android_app_link s
        similar_job_ids s*
        ios_app_link s
        ios_app_store_id i64
        M common.DynamicLocalAsset
        deal_id s
        deal_name s
        subtitle s
        description s
        price s
        sale_price s
        image_url s
        address s
        category s
        contextual_keywords s*
        formatted_price s
        formatted_sale_price s
        android_app_link s
        similar_deal_ids s*
        ios_app_link s
        ios_app_store_id i64
        M common.DynamicRealEstateAsset
        listing_id s
        listing_name s
        city_name s
        description s
        address s
        price s
        image_url s
        property_type s
        listing_type s
        contextual_keywords s*
        formatted_price s
        android_app_link s
        ios_app_link s
        ios_app_store_id i64
        similar_listing_ids s*
        M common.DynamicTravelAsset
        destination_id s
        origin_id s
        title s
        destination_name s
        destination_address s
        origin_name s
        price s
        sale_price s
        formatted_price s
        formatted_sale_price s
        category s
        contextual_keywords s*
        similar_destination_ids s*
        image_url s
        android_app_link s
        ios_app_link s
        ios_app_store_id i64
        M common.ExpandedDynamicSearchAdInfo
        description s
        description2 s
        M common.ExpandedTextAdInfo
        headline_part1 s
        headline_part2 s
        headline_part3 s
        description s
        description2 s
        path1 s
        path2 s
        M common.ExtendedDemographicInfo
        extended_demographic_id i64
        M common.FacebookMessengerBusinessMessageInfo
        page_name s
        M common.FinalAppUrl
        os_type e %AppUrlOperatingSystemType
        url s
        M common.FixedCpm
        goal e %FixedCpmGoal
        target_frequency_info m common.FixedCpmTargetFrequencyGoalInfo @goal_info
        M common.FixedCpmTargetFrequencyGoalInfo
        target_count i64
        time_unit e %FixedCpmTargetFrequencyTimeUnit
        M common.FrequencyCapEntry
        key m common.FrequencyCapKey
        cap i32
        M common.FrequencyCapKey
        level e %FrequencyCapLevel
        event_type e %FrequencyCapEventType
        time_unit e %FrequencyCapTimeUnit
        time_length i32
        M common.GenderInfo
        type e %GenderType
        M common.GeoPointInfo
        longitude_in_micro_degrees i32
        latitude_in_micro_degrees i32
        M common.HotelAdInfo
        M common.HotelCalloutAsset
        text s
        language_code s
        M common.HotelCityInfo
        city_criterion s
        M common.HotelClassInfo
        value i64
        M common.HotelCountryRegionInfo
        country_region_criterion s
        M common.HotelIdInfo
        value s
        M common.HotelPropertyAsset
        place_id s
        hotel_address s
        hotel_name s
        M common.HotelStateInfo
        state_criterion s
        M common.ImageAdInfo
        pixel_width i64
        pixel_height i64
        image_url s
        preview_pixel_width i64
        preview_pixel_height i64
        preview_image_url s
        mime_type e %MimeType
        name s
        image_asset m common.AdImageAsset @image
        data y @image
        ad_id_to_copy_image_from i64 @image
        M common.ImageAsset
        data y
        file_size i64
        mime_type e %MimeType
        full_size m common.ImageDimension
        M common.ImageDimension
        height_pixels i64
        width_pixels i64
        url s
        M common.InFeedVideoAdInfo
        headline s
        description1 s
        description2 s
        thumbnail e %VideoThumbnail
        M common.IncomeRangeInfo
        type e %IncomeRangeType
        M common.IpBlockInfo
        ip_address s
        M common.Keyword
        ad_group_criterion s
        info m common.KeywordInfo
        M common.KeywordInfo
        text s
        match_type e %KeywordMatchType
        M common.KeywordThemeInfo
        keyword_theme_constant s @keyword_theme
        free_form_keyword_theme s @keyword_theme
        M common.LanguageInfo
        language_constant s
        M common.LeadFormAsset
        business_name s
        call_to_action_type e %LeadFormCallToActionType
        call_to_action_description s
        headline s
        description s
        privacy_policy_url s
        post_submit_headline s
        post_submit_description s
        fields m* common.LeadFormField
        custom_question_fields m* common.LeadFormCustomQuestionField
        delivery_methods m* common.LeadFormDeliveryMethod
        post_submit_call_to_action_type e %LeadFormPostSubmitCallToActionType
        background_image_asset s
        desired_intent e %LeadFormDesiredIntent
        custom_disclosure s
        M common.LeadFormCustomQuestionField
        custom_question_text s
        single_choice_answers m common.LeadFormSingleChoiceAnswers @answers
        has_location_answer b @answers
        M common.LeadFormDeliveryMethod
        webhook m common.WebhookDelivery @delivery_details
        M common.LeadFormField
        input_type e %LeadFormFieldUserInputType
        single_choice_answers m common.LeadFormSingleChoiceAnswers @answers
        has_location_answer b @answers
        M common.LeadFormSingleChoiceAnswers
        answers s*
        M common.LegacyAppInstallAdInfo
        app_id s
        app_store e %LegacyAppInstallAdAppStore
        headline s
        description1 s
        description2 s
        M common.LegacyResponsiveDisplayAdInfo
        short_headline s
        long_headline s
        description s
        business_name s
        allow_flexible_color b
        accent_color s
        main_color s
        call_to_action_text s
        logo_image s
        square_logo_image s
        marketing_image s
        square_marketing_image s
        format_setting e %DisplayAdFormatSetting
        price_prefix s
        promo_text s
        M common.LifeEventInfo
        life_event_id i64
        M common.ListingDimensionInfo
        hotel_id m common.HotelIdInfo @dimension
        hotel_class m common.HotelClassInfo @dimension
        hotel_country_region m common.HotelCountryRegionInfo @dimension
        hotel_state m common.HotelStateInfo @dimension
        hotel_city m common.HotelCityInfo @dimension
        product_category m common.ProductCategoryInfo @dimension
        product_brand m common.ProductBrandInfo @dimension
        product_channel m common.ProductChannelInfo @dimension
        product_channel_exclusivity m common.ProductChannelExclusivityInfo @dimension
        product_condition m common.ProductConditionInfo @dimension
        product_custom_attribute m common.ProductCustomAttributeInfo @dimension
        product_item_id m common.ProductItemIdInfo @dimension
        product_type m common.ProductTypeInfo @dimension
        product_grouping m common.ProductGroupingInfo @dimension
        product_labels m common.ProductLabelsInfo @dimension
        product_legacy_condition m common.ProductLegacyConditionInfo @dimension
        product_type_full m common.ProductTypeFullInfo @dimension
        activity_id m common.ActivityIdInfo @dimension
        activity_rating m common.ActivityRatingInfo @dimension
        activity_country m common.ActivityCountryInfo @dimension
        activity_state m common.ActivityStateInfo @dimension
        activity_city m common.ActivityCityInfo @dimension
        unknown_listing_dimension m common.UnknownListingDimensionInfo @dimension
        M common.ListingDimensionPath
        dimensions m* common.ListingDimensionInfo
        M common.ListingGroupInfo
        type e %ListingGroupType
        case_value m common.ListingDimensionInfo
        parent_ad_group_criterion s
        path m common.ListingDimensionPath
        M common.ListingScopeInfo
        dimensions m* common.ListingDimensionInfo
        M common.LocalAdInfo
        headlines m* common.AdTextAsset
        descriptions m* common.AdTextAsset
        call_to_actions m* common.AdTextAsset
        marketing_images m* common.AdImageAsset
        logo_images m* common.AdImageAsset
        videos m* common.AdVideoAsset
        path1 s
        path2 s
        M common.LocalServiceIdInfo
        service_id s
        M common.LocationAsset
        place_id s
        business_profile_locations m* common.BusinessProfileLocation
        location_ownership_type e %LocationOwnershipType
        M common.LocationGroupInfo
        geo_target_constants s*
        radius i64
        radius_units e %LocationGroupRadiusUnits
        feed_item_sets s*
        enable_customer_level_location_asset_set b
        location_group_asset_sets s*
        M common.LocationInfo
        geo_target_constant s
        M common.ManualCpa
        M common.ManualCpc
        enhanced_cpc_enabled b
        M common.ManualCpm
        M common.ManualCpv
        M common.MaximizeConversionValue
        target_roas d
        cpc_bid_ceiling_micros i64
        cpc_bid_floor_micros i64
        target_roas_tolerance_percent_millis i64
        M common.MaximizeConversions
        cpc_bid_ceiling_micros i64
        cpc_bid_floor_micros i64
        target_cpa_micros i64
        M common.MediaBundleAsset
        data y
        M common.Metrics
        absolute_top_impression_percentage d
        active_view_cpm d
        active_view_ctr d
        active_view_impressions i64
        active_view_measurability d
        active_view_measurable_cost_micros i64
        active_view_measurable_impressions i64
        active_view_viewability d
        all_conversions_from_interactions_rate d
        all_conversions_value d
        all_conversions_value_by_conversion_date d
        all_new_customer_lifetime_value d
        all_conversions d
        all_conversions_by_conversion_date d
        all_conversions_value_per_cost d
        all_conversions_from_click_to_call d
        all_conversions_from_directions d
        all_conversions_from_interactions_value_per_interaction d
        all_conversions_from_menu d
        all_conversions_from_order d
        all_conversions_from_other_engagement d
        all_conversions_from_store_visit d
        all_conversions_from_store_website d
        auction_insight_search_absolute_top_impression_percentage d
        auction_insight_search_impression_share d
        auction_insight_search_outranking_share d
        auction_insight_search_overlap_rate d
        auction_insight_search_position_above_rate d
        auction_insight_search_top_impression_percentage d
        average_cost d
        average_cpc d
        average_cpe d
        average_cpm d
        trueview_average_cpv d
        average_page_views d
        average_time_on_site d
        benchmark_average_max_cpc d
        biddable_app_install_conversions d
        biddable_app_post_install_conversions d
        biddable_cohort_app_post_install_conversions d
        benchmark_ctr d
        bounce_rate d
        clicks i64
        combined_clicks i64
        combined_clicks_per_query d
        combined_queries i64
        content_budget_lost_impression_share d
        content_impression_share d
        conversion_last_received_request_date_time s
        conversion_last_conversion_date s
        content_rank_lost_impression_share d
        conversions_from_interactions_rate d
        conversions_value d
        conversions_value_by_conversion_date d
        new_customer_lifetime_value d
        conversions_value_per_cost d
        conversions_from_interactions_value_per_interaction d
        conversions d
        conversions_by_conversion_date d
        cost_micros i64
        cost_per_all_conversions d
        cost_per_conversion d
        cost_per_current_model_attributed_conversion d
        cross_device_conversions d
        cross_device_conversions_by_conversion_date d
        cross_device_conversions_value d
        cross_device_conversions_value_micros i64
        cross_device_conversions_value_by_conversion_date d
        ctr d
        current_model_attributed_conversions d
        current_model_attributed_conversions_from_interactions_rate d
        current_model_attributed_conversions_from_interactions_value_per_interaction d
        current_model_attributed_conversions_value d
        current_model_attributed_conversions_value_per_cost d
        engagement_rate d
        engagements i64
        hotel_average_lead_value_micros d
        hotel_commission_rate_micros i64
        hotel_expected_commission_cost d
        hotel_price_difference_percentage d
        hotel_eligible_impressions i64
        historical_creative_quality_score e %QualityScoreBucket
        historical_landing_page_quality_score e %QualityScoreBucket
        historical_quality_score i64
        historical_search_predicted_ctr e %QualityScoreBucket
        gmail_forwards i64
        gmail_saves i64
        gmail_secondary_clicks i64
        impressions_from_store_reach i64
        impressions i64
        interaction_rate d
        interactions i64
        interaction_event_types e* %InteractionEventType
        invalid_click_rate d
        invalid_clicks i64
        general_invalid_click_rate d
        general_invalid_clicks i64
        message_chats i64
        message_impressions i64
        message_chat_rate d
        mobile_friendly_clicks_percentage d
        optimization_score_uplift d
        optimization_score_url s
        organic_clicks i64
        organic_clicks_per_query d
        organic_impressions i64
        organic_impressions_per_query d
        organic_queries i64
        percent_new_visitors d
        phone_calls i64
        phone_impressions i64
        phone_through_rate d
        relative_ctr d
        search_absolute_top_impression_share d
        search_budget_lost_absolute_top_impression_share d
        search_budget_lost_impression_share d
        search_budget_lost_top_impression_share d
        search_click_share d
        search_exact_match_impression_share d
        search_impression_share d
        search_rank_lost_absolute_top_impression_share d
        search_rank_lost_impression_share d
        search_rank_lost_top_impression_share d
        search_top_impression_share d
        search_volume m common.SearchVolumeRange
        speed_score i64
        average_target_cpa_micros i64
        average_target_roas d
        top_impression_percentage d
        valid_accelerated_mobile_pages_clicks_percentage d
        value_per_all_conversions d
        value_per_all_conversions_by_conversion_date d
        value_per_conversion d
        value_per_conversions_by_conversion_date d
        value_per_current_model_attributed_conversion d
        video_quartile_p100_rate d
        video_quartile_p25_rate d
        video_quartile_p50_rate d
        video_quartile_p75_rate d
        video_trueview_view_rate d
        video_trueview_views i64
        view_through_conversions i64
        sk_ad_network_installs i64
        sk_ad_network_total_conversions i64
        publisher_purchased_clicks i64
        publisher_organic_clicks i64
        publisher_unknown_clicks i64
        all_conversions_from_location_asset_click_to_call d
        all_conversions_from_location_asset_directions d
        all_conversions_from_location_asset_menu d
        all_conversions_from_location_asset_order d
        all_conversions_from_location_asset_other_engagement d
        all_conversions_from_location_asset_store_visits d
        all_conversions_from_location_asset_website d
        eligible_impressions_from_location_asset_store_reach i64
        view_through_conversions_from_location_asset_click_to_call d
        view_through_conversions_from_location_asset_directions d
        view_through_conversions_from_location_asset_menu d
        view_through_conversions_from_location_asset_order d
        view_through_conversions_from_location_asset_other_engagement d
        view_through_conversions_from_location_asset_store_visits d
        view_through_conversions_from_location_asset_website d
        orders d
        average_order_value_micros i64
        average_cart_size d
        cost_of_goods_sold_micros i64
        gross_profit_micros i64
        gross_profit_margin d
        revenue_micros i64
        units_sold d
        cross_sell_cost_of_goods_sold_micros i64
        cross_sell_gross_profit_micros i64
        cross_sell_revenue_micros i64
        cross_sell_units_sold d
        lead_cost_of_goods_sold_micros i64
        lead_gross_profit_micros i64
        lead_revenue_micros i64
        lead_units_sold d
        unique_users i64
        average_impression_frequency_per_user d
        linked_entities_count i64
        linked_sample_entities s*
        asset_pinned_total_count i64
        asset_pinned_as_headline_position_one_count i64
        asset_pinned_as_headline_position_two_count i64
        asset_pinned_as_headline_position_three_count i64
        asset_pinned_as_description_position_one_count i64
        asset_pinned_as_description_position_two_count i64
        store_visits_last_click_model_attributed_conversions d
        results_conversions_purchase d
        video_trueview_view_rate_in_feed d
        video_trueview_view_rate_in_stream d
        video_trueview_view_rate_shorts d
        coviewed_impressions i64
        primary_impressions i64
        platform_comparable_conversions_from_interactions_rate d
        platform_comparable_conversions d
        platform_comparable_conversions_value d
        platform_comparable_conversions_value_per_cost d
        platform_comparable_conversions_by_conversion_date d
        platform_comparable_conversions_value_by_conversion_date d
        platform_comparable_conversions_from_interactions_value_per_interaction d
        cost_per_platform_comparable_conversion d
        value_per_platform_comparable_conversion d
        value_per_platform_comparable_conversions_by_conversion_date d
        cost_converted_currency_per_platform_comparable_conversion d
        unique_users_two_plus i64
        unique_users_three_plus i64
        unique_users_four_plus i64
        unique_users_five_plus i64
        unique_users_ten_plus i64
        value_adjustment d
        all_value_adjustment d
        clicks_unique_query_clusters i64
        conversions_unique_query_clusters i64
        impressions_unique_query_clusters i64
        video_watch_time_duration_millis i64
        average_video_watch_time_duration_millis i64
        svr i64
        active_view_audibility_measurable_impressions i64
        active_view_audibility_measurable_impressions_rate d
        active_view_audibility_invalid_measurable_impressions_rate d
        active_view_audibility_invalid_givt_measurable_impressions_rate d
        active_view_audible_impressions i64
        active_view_audible_impressions_rate d
        active_view_audible_two_seconds_impressions i64
        active_view_audible_two_seconds_impressions_rate d
        active_view_audible_thirty_seconds_impressions i64
        active_view_audible_thirty_seconds_impressions_rate d
        active_view_audible_quartile_p25_rate d
        active_view_audible_quartile_p50_rate d
        active_view_audible_quartile_p75_rate d
        active_view_audible_quartile_p100_rate d
        biddable_indirect_install_first_in_app_conversion_micros i64
        M common.MobileAppAsset
        app_id s
        app_store e %MobileAppVendor
        link_text s
        start_date s
        end_date s
        M common.MobileAppCategoryInfo
        mobile_app_category_constant s
        M common.MobileApplicationInfo
        app_id s
        name s
        M common.MobileDeviceInfo
        mobile_device_constant s
        M common.Money
        currency_code s
        amount_micros i64
        M common.OperatingSystemVersionInfo
        operating_system_version_constant s
        M common.PageFeedAsset
        page_url s
        labels s*
        M common.ParentalStatusInfo
        type e %ParentalStatusType
        M common.PercentCpc
        cpc_bid_ceiling_micros i64
        enhanced_cpc_enabled b
        M common.PlacementInfo
        url s
        M common.PolicyTopicConstraint
        country_constraint_list m common.PolicyTopicConstraint.CountryConstraintList @value
        reseller_constraint m common.PolicyTopicConstraint.ResellerConstraint @value
        certificate_missing_in_country_list m common.PolicyTopicConstraint.CountryConstraintList @value
        certificate_domain_mismatch_in_country_list m common.PolicyTopicConstraint.CountryConstraintList @value
        M common.PolicyTopicConstraint.CountryConstraint
        country_criterion s
        M common.PolicyTopicConstraint.CountryConstraintList
        total_targeted_countries i32
        countries m* common.PolicyTopicConstraint.CountryConstraint
        M common.PolicyTopicConstraint.ResellerConstraint
        M common.PolicyTopicEntry
        topic s
        type e %PolicyTopicEntryType
        evidences m* common.PolicyTopicEvidence
        constraints m* common.PolicyTopicConstraint
        M common.PolicyTopicEvidence
        website_list m common.PolicyTopicEvidence.WebsiteList @value
        text_list m common.PolicyTopicEvidence.TextList @value
        language_code s @value
        destination_text_list m common.PolicyTopicEvidence.DestinationTextList @value
        destination_mismatch m common.PolicyTopicEvidence.DestinationMismatch @value
        destination_not_working m common.PolicyTopicEvidence.DestinationNotWorking @value
        M common.PolicyTopicEvidence.DestinationMismatch
        url_types e* %PolicyTopicEvidenceDestinationMismatchUrlType
        M common.PolicyTopicEvidence.DestinationNotWorking
        expanded_url s
        device e %PolicyTopicEvidenceDestinationNotWorkingDevice
        last_checked_date_time s
        dns_error_type e %PolicyTopicEvidenceDestinationNotWorkingDnsErrorType @reason
        http_error_code i64 @reason
        M common.PolicyTopicEvidence.DestinationTextList
        destination_texts s*
        M common.PolicyTopicEvidence.TextList
        texts s*
        M common.PolicyTopicEvidence.WebsiteList
        websites s*
        M common.PolicyValidationParameter
        ignorable_policy_topics s*
        exempt_policy_violation_keys m* common.PolicyViolationKey
        M common.PolicyViolationKey
        policy_name s
        violating_text s
        M common.PriceAsset
        type e %PriceExtensionType
        price_qualifier e %PriceExtensionPriceQualifier
        language_code s
        price_offerings m* common.PriceOffering
        M common.PriceOffering
        header s
        description s
        price m common.Money
        unit e %PriceExtensionPriceUnit
        final_url s
        final_mobile_url s
        M common.ProductBrandInfo
        value s
        M common.ProductCategoryInfo
        category_id i64
        level e %ProductCategoryLevel
        M common.ProductChannelExclusivityInfo
        channel_exclusivity e %ProductChannelExclusivity
        M common.ProductChannelInfo
        channel e %ProductChannel
        M common.ProductConditionInfo
        condition e %ProductCondition
        M common.ProductCustomAttributeInfo
        value s
        index e %ProductCustomAttributeIndex
        M common.ProductGroupingInfo
        value s
        M common.ProductItemIdInfo
        value s
        M common.ProductLabelsInfo
        value s
        M common.ProductLegacyConditionInfo
        value s
        M common.ProductTypeFullInfo
        value s
        M common.ProductTypeInfo
        value s
        level e %ProductTypeLevel
        M common.PromotionAsset
        promotion_target s
        discount_modifier e %PromotionExtensionDiscountModifier
        redemption_start_date s
        redemption_end_date s
        occasion e %PromotionExtensionOccasion
        language_code s
        start_date s
        end_date s
        ad_schedule_targets m* common.AdScheduleInfo
        terms_and_conditions_text s
        terms_and_conditions_uri s
        percent_off i64 @discount_type
        money_amount_off m common.Money @discount_type
        promotion_code s @promotion_trigger
        orders_over_amount m common.Money @promotion_trigger
        promotion_barcode_info m common.PromotionBarcodeInfo @promotion_trigger
        promotion_qr_code_info m common.PromotionQrCodeInfo @promotion_trigger
        M common.PromotionBarcodeInfo
        type e %PromotionBarcodeType
        barcode_content s
        M common.PromotionQrCodeInfo
        qr_code_content s
        M common.ProximityInfo
        geo_point m common.GeoPointInfo
        radius d
        radius_units e %ProximityRadiusUnits
        address m common.AddressInfo
        M common.RealTimeBiddingSetting
        opt_in b
        M common.ResponsiveDisplayAdControlSpec
        enable_asset_enhancements b
        enable_autogen_video b
        M common.ResponsiveDisplayAdInfo
        marketing_images m* common.AdImageAsset
        square_marketing_images m* common.AdImageAsset
        logo_images m* common.AdImageAsset
        square_logo_images m* common.AdImageAsset
        headlines m* common.AdTextAsset
        long_headline m common.AdTextAsset
        descriptions m* common.AdTextAsset
        youtube_videos m* common.AdVideoAsset
        business_name s
        main_color s
        accent_color s
        allow_flexible_color b
        call_to_action_text s
        price_prefix s
        promo_text s
        format_setting e %DisplayAdFormatSetting
        control_spec m common.ResponsiveDisplayAdControlSpec
        M common.ResponsiveSearchAdInfo
        headlines m* common.AdTextAsset
        descriptions m* common.AdTextAsset
        path1 s
        path2 s
        M common.SearchVolumeRange
        min i64
        max i64
        M common.Segments
        activity_account_id i64
        activity_city s
        activity_country s
        activity_rating i64
        activity_state s
        external_activity_id s
        ad_destination_type e %AdDestinationType
        ad_format_type e %AdFormatType
        ad_network_type e %AdNetworkType
        ad_group s
        ad_sub_network_type e %AdSubNetworkType
        asset_group s
        auction_insight_domain s
        budget_campaign_association_status m common.BudgetCampaignAssociationStatus
        campaign s
        click_type e %ClickType
        conversion_action s
        conversion_action_category e %ConversionActionCategory
        conversion_action_name s
        conversion_adjustment b
        conversion_attribution_event_type e %ConversionAttributionEventType
        conversion_lag_bucket e %ConversionLagBucket
        conversion_or_adjustment_lag_bucket e %ConversionOrAdjustmentLagBucket
        date s
        day_of_week e %DayOfWeek
        device e %Device
        external_conversion_source e %ExternalConversionSource
        geo_target_airport s
        geo_target_canton s
        geo_target_city s
        geo_target_country s
        geo_target_county s
        geo_target_district s
        geo_target_metro s
        geo_target_most_specific_location s
        geo_target_postal_code s
        geo_target_province s
        geo_target_region s
        geo_target_state s
        hotel_booking_window_days i64
        hotel_center_id i64
        hotel_check_in_date s
        hotel_check_in_day_of_week e %DayOfWeek
        hotel_city s
        hotel_class i32
        hotel_country s
        hotel_date_selection_type e %HotelDateSelectionType
        hotel_length_of_stay i32
        hotel_rate_rule_id s
        hotel_rate_type e %HotelRateType
        hotel_price_bucket e %HotelPriceBucket
        hotel_state s
        hour i32
        interaction_on_this_extension b
        keyword m common.Keyword
        landing_page_source e %LandingPageSource
        month s
        month_of_year e %MonthOfYear
        partner_hotel_id s
        product_aggregator_id i64
        product_category_level1 s
        product_category_level2 s
        product_category_level3 s
        product_category_level4 s
        product_category_level5 s
        product_brand s
        product_channel e %ProductChannel
        product_channel_exclusivity e %ProductChannelExclusivity
        product_condition e %ProductCondition
        product_country s
        product_custom_attribute0 s
        product_custom_attribute1 s
        product_custom_attribute2 s
        product_custom_attribute3 s
        product_custom_attribute4 s
        product_feed_label s
        product_item_id s
        product_language s
        product_merchant_id i64
        product_store_id s
        product_title s
        product_type_l1 s
        product_type_l2 s
        product_type_l3 s
        product_type_l4 s
        product_type_l5 s
        quarter s
        travel_destination_city s
        travel_destination_country s
        travel_destination_region s
        vertical_ads_event_participant_display_names s
        vertical_ads_hotel_class i64
        vertical_ads_listing s
        vertical_ads_listing_brand s
        vertical_ads_listing_city s
        vertical_ads_listing_country s
        vertical_ads_listing_region s
        vertical_ads_partner_account i64
        vertical_ads_vertical e %VerticalAdsItemVerticalType
        recommendation_type e %RecommendationType
        search_engine_results_page_type e %SearchEngineResultsPageType
        search_subcategory s
        search_term s
        search_term_match_type e %SearchTermMatchType
        match_type e %MatchType
        slot e %Slot
        conversion_value_rule_primary_dimension e %ConversionValueRulePrimaryDimension
        webpage s
        week s
        year i32
        sk_ad_network_fine_conversion_value i64
        sk_ad_network_redistributed_fine_conversion_value i64
        sk_ad_network_user_type e %SkAdNetworkUserType
        sk_ad_network_ad_event_type e %SkAdNetworkAdEventType
        sk_ad_network_source_app m common.SkAdNetworkSourceApp
        sk_ad_network_attribution_credit e %SkAdNetworkAttributionCredit
        sk_ad_network_coarse_conversion_value e %SkAdNetworkCoarseConversionValue
        sk_ad_network_source_domain s
        sk_ad_network_source_type e %SkAdNetworkSourceType
        sk_ad_network_postback_sequence_index i64
        sk_ad_network_version s
        asset_interaction_target m common.AssetInteractionTarget
        new_versus_returning_customers e %ConvertingUserPriorEngagementTypeAndLtvBucket
        adjusted_age_range e %AgeRangeType
        adjusted_gender e %GenderType
        search_term_match_source e %SearchTermMatchSource
        search_term_targeting_status e %SearchTermTargetingStatus
        ad_using_product_data b
        ad_using_video b
        M common.ShoppingComparisonListingAdInfo
        headline s
        M common.ShoppingProductAdInfo
        M common.ShoppingSmartAdInfo
        M common.SitelinkAsset
        link_text s
        description1 s
        description2 s
        start_date s
        end_date s
        ad_schedule_targets m* common.AdScheduleInfo
        M common.SkAdNetworkSourceApp
        sk_ad_network_source_app_id s
        M common.SmartCampaignAdInfo
        headlines m* common.AdTextAsset
        descriptions m* common.AdTextAsset
        M common.StructuredSnippetAsset
        header s
        values s*
        M common.SyntheticContentAttestation
        status e %SyntheticContentAttestationStatus
        source e %SyntheticContentSource
        M common.SyntheticContentInfo
        advertiser_attestation m common.SyntheticContentAttestation
        system_attestation m common.SyntheticContentAttestation
        M common.TargetCpa
        target_cpa_micros i64
        cpc_bid_ceiling_micros i64
        cpc_bid_floor_micros i64
        M common.TargetCpc
        target_cpc_micros i64
        M common.TargetCpm
        target_frequency_goal m common.TargetCpmTargetFrequencyGoal @goal
        M common.TargetCpmTargetFrequencyGoal
        target_count i64
        time_unit e %TargetFrequencyTimeUnit
        M common.TargetCpv
        M common.TargetImpressionShare
        location e %TargetImpressionShareLocation
        location_fraction_micros i64
        cpc_bid_ceiling_micros i64
        M common.TargetRestriction
        targeting_dimension e %TargetingDimension
        bid_only b
        M common.TargetRestrictionOperation
        operator e common.TargetRestrictionOperation.Operator
        value m common.TargetRestriction
        M common.TargetRoas
        target_roas d
        cpc_bid_ceiling_micros i64
        cpc_bid_floor_micros i64
        target_roas_tolerance_percent_millis i64
        M common.TargetSpend
        target_spend_micros i64
        cpc_bid_ceiling_micros i64
        M common.TargetingSetting
        target_restrictions m* common.TargetRestriction
        target_restriction_operations m* common.TargetRestrictionOperation
        M common.TextAdInfo
        headline s
        description1 s
        description2 s
        M common.TextAsset
        text s
        M common.ThirdPartyIntegrationPartnerData
        client_id s
        third_party_placement_id s
        M common.TopicInfo
        topic_constant s
        path s*
        M common.TravelAdInfo
        M common.UnknownListingDimensionInfo
        M common.UrlCollection
        url_collection_id s
        final_urls s*
        final_mobile_urls s*
        tracking_url_template s
        M common.UserInterestInfo
        user_interest_category s
        M common.UserListInfo
        user_list s
        M common.VerticalAdsItemGroupRuleListInfo
        shared_set s
        M common.VideoAdInfo
        video m common.AdVideoAsset
        in_stream m common.VideoTrueViewInStreamAdInfo @format
        bumper m common.VideoBumperInStreamAdInfo @format
        out_stream m common.VideoOutstreamAdInfo @format
        non_skippable m common.VideoNonSkippableInStreamAdInfo @format
        in_feed m common.InFeedVideoAdInfo @format
        audio m common.YouTubeAudioAdInfo @format
        M common.VideoBumperInStreamAdInfo
        companion_banner m common.AdImageAsset
        action_button_label s
        action_headline s
        M common.VideoLineupInfo
        video_lineup_id i64
        M common.VideoNonSkippableInStreamAdInfo
        companion_banner m common.AdImageAsset
        action_button_label s
        action_headline s
        M common.VideoOutstreamAdInfo
        headline s
        description s
        M common.VideoResponsiveAdInfo
        headlines m* common.AdTextAsset
        long_headlines m* common.AdTextAsset
        descriptions m* common.AdTextAsset
        call_to_actions m* common.AdTextAsset
        videos m* common.AdVideoAsset
        business_name m common.AdTextAsset
        logo_images m* common.AdImageAsset
        companion_banners m* common.AdImageAsset
        breadcrumb1 s
        breadcrumb2 s
        M common.VideoTrueViewInStreamAdInfo
        action_button_label s
        action_headline s
        companion_banner m common.AdImageAsset
        M common.WebhookDelivery
        advertiser_webhook_url s
        google_secret s
        payload_schema_version i64
        M common.WebpageConditionInfo
        operand e %WebpageConditionOperand
        operator e %WebpageConditionOperator
        argument s
        M common.WebpageInfo
        criterion_name s
        conditions m* common.WebpageConditionInfo
        coverage_percentage d
        sample m common.WebpageSampleInfo
        M common.WebpageListInfo
        shared_set s
        M common.WebpageSampleInfo
        sample_urls s*
        M common.WhatsappBusinessMessageInfo
        country_code s
        phone_number s
        M common.YouTubeAudioAdInfo
        M common.YouTubeChannelInfo
        channel_id s
        M common.YouTubeVideoInfo
        video_id s
        M common.YouTubeVideoListAsset
        youtube_videos m* common.AdVideoAsset
        M common.YoutubeVideoAsset
        youtube_video_id s
        youtube_video_title s
        M common.ZaloBusinessMessageInfo
        oa_id i64 @zalo_id
        custom_name s @zalo_id
        M resources.Ad
        resource_name s
        id i64
        final_urls s*
        final_app_urls m* common.FinalAppUrl
        final_mobile_urls s*
        tracking_url_template s
        final_url_suffix s
        url_custom_parameters m* common.CustomParameter
        display_url s
        type e %AdType
        added_by_google_ads b
        device_preference e %Device
        url_collections m* common.UrlCollection
        name s
        system_managed_resource_source e %SystemManagedResourceSource
        synthetic_content_info m common.SyntheticContentInfo
        text_ad m common.TextAdInfo @ad_data
        expanded_text_ad m common.ExpandedTextAdInfo @ad_data
        expanded_dynamic_search_ad m common.ExpandedDynamicSearchAdInfo @ad_data
        hotel_ad m common.HotelAdInfo @ad_data
        shopping_smart_ad m common.ShoppingSmartAdInfo @ad_data
        shopping_product_ad m common.ShoppingProductAdInfo @ad_data
        image_ad m common.ImageAdInfo @ad_data
        video_ad m common.VideoAdInfo @ad_data
        video_responsive_ad m common.VideoResponsiveAdInfo @ad_data
        responsive_search_ad m common.ResponsiveSearchAdInfo @ad_data
        legacy_responsive_display_ad m common.LegacyResponsiveDisplayAdInfo @ad_data
        app_ad m common.AppAdInfo @ad_data
        legacy_app_install_ad m common.LegacyAppInstallAdInfo @ad_data
        responsive_display_ad m common.ResponsiveDisplayAdInfo @ad_data
        local_ad m common.LocalAdInfo @ad_data
        display_upload_ad m common.DisplayUploadAdInfo @ad_data
        app_engagement_ad m common.AppEngagementAdInfo @ad_data
        shopping_comparison_listing_ad m common.ShoppingComparisonListingAdInfo @ad_data
        smart_campaign_ad m common.SmartCampaignAdInfo @ad_data
        app_pre_registration_ad m common.AppPreRegistrationAdInfo @ad_data
        demand_gen_multi_asset_ad m common.DemandGenMultiAssetAdInfo @ad_data
        demand_gen_carousel_ad m common.DemandGenCarouselAdInfo @ad_data
        demand_gen_video_responsive_ad m common.DemandGenVideoResponsiveAdInfo @ad_data
        demand_gen_product_ad m common.DemandGenProductAdInfo @ad_data
        travel_ad m common.TravelAdInfo @ad_data
        M resources.AdGroup
        resource_name s
        id i64
        name s
        status e %AdGroupStatus
        type e %AdGroupType
        ad_rotation_mode e %AdGroupAdRotationMode
        base_ad_group s
        tracking_url_template s
        url_custom_parameters m* common.CustomParameter
        campaign s
        cpc_bid_micros i64
        effective_cpc_bid_micros i64
        cpm_bid_micros i64
        target_cpa_micros i64
        cpv_bid_micros i64
        target_cpm_micros i64
        target_roas d
        percent_cpc_bid_micros i64
        fixed_cpm_micros i64
        target_cpv_micros i64
        target_cpc_micros i64
        optimized_targeting_enabled b
        exclude_demographic_expansion b
        display_custom_bid_dimension e %TargetingDimension
        final_url_suffix s
        targeting_setting m common.TargetingSetting
        audience_setting m resources.AdGroup.AudienceSetting
        effective_target_cpa_micros i64
        effective_target_cpa_source e %BiddingSource
        effective_target_roas d
        effective_target_roas_source e %BiddingSource
        effective_target_cpc i64
        effective_target_cpc_source e %BiddingSource
        labels s*
        excluded_parent_asset_field_types e* %AssetFieldType
        excluded_parent_asset_set_types e* %AssetSetType
        primary_status e %AdGroupPrimaryStatus
        primary_status_reasons e* %AdGroupPrimaryStatusReason
        demand_gen_ad_group_settings m resources.AdGroup.DemandGenAdGroupSettings
        video_ad_group_settings m resources.AdGroup.VideoAdGroupSettings
        ai_max_ad_group_setting m resources.AdGroup.AiMaxAdGroupSetting
        vertical_ads_format_setting m resources.AdGroup.VerticalAdsFormatSetting
        M resources.AdGroup.AiMaxAdGroupSetting
        disable_search_term_matching b
        M resources.AdGroup.AudienceSetting
        use_audience_grouped b
        M resources.AdGroup.DemandGenAdGroupSettings
        channel_controls m resources.AdGroup.DemandGenAdGroupSettings.DemandGenChannelControls
        M resources.AdGroup.DemandGenAdGroupSettings.DemandGenChannelControls
        channel_config e %DemandGenChannelConfig
        channel_strategy e %DemandGenChannelStrategy @channel_configuration
        selected_channels m resources.AdGroup.DemandGenAdGroupSettings.DemandGenChannelControls.DemandGenSelectedChannels @channel_configuration
        M resources.AdGroup.DemandGenAdGroupSettings.DemandGenChannelControls.DemandGenSelectedChannels
        youtube_in_stream b
        youtube_in_feed b
        youtube_shorts b
        discover b
        gmail b
        display b
        M resources.AdGroup.VerticalAdsFormatSetting
        disable_text_ads b
        enable_booking_links b
        enable_vertical_promotion_ads b
        M resources.AdGroup.VideoAdGroupSettings
        video_ad_sequence m resources.AdGroup.VideoAdGroupSettings.VideoAdSequenceStepSetting
        M resources.AdGroup.VideoAdGroupSettings.VideoAdSequenceStepSetting
        step_id i64
        M resources.AdGroupAd
        resource_name s
        status e %AdGroupAdStatus
        ad_group s
        ad m resources.Ad
        start_date_time s
        end_date_time s
        policy_summary m resources.AdGroupAdPolicySummary
        ad_strength e %AdStrength
        action_items s*
        labels s*
        primary_status e %AdGroupAdPrimaryStatus
        primary_status_reasons e* %AdGroupAdPrimaryStatusReason
        ad_group_ad_asset_automation_settings m* resources.AdGroupAdAssetAutomationSetting
        M resources.AdGroupAdAssetAutomationSetting
        asset_automation_type e %AssetAutomationType
        asset_automation_status e %AssetAutomationStatus
        M resources.AdGroupAdPolicySummary
        policy_topic_entries m* common.PolicyTopicEntry
        review_status e %PolicyReviewStatus
        approval_status e %PolicyApprovalStatus
        M resources.AdGroupCriterion
        resource_name s
        criterion_id i64
        display_name s
        status e %AdGroupCriterionStatus
        quality_info m resources.AdGroupCriterion.QualityInfo
        ad_group s
        type e %CriterionType
        negative b
        system_serving_status e %CriterionSystemServingStatus
        approval_status e %AdGroupCriterionApprovalStatus
        disapproval_reasons s*
        labels s*
        bid_modifier d
        cpc_bid_micros i64
        cpm_bid_micros i64
        cpv_bid_micros i64
        percent_cpc_bid_micros i64
        effective_cpc_bid_micros i64
        effective_cpm_bid_micros i64
        effective_cpv_bid_micros i64
        effective_percent_cpc_bid_micros i64
        effective_cpc_bid_source e %BiddingSource
        effective_cpm_bid_source e %BiddingSource
        effective_cpv_bid_source e %BiddingSource
        effective_percent_cpc_bid_source e %BiddingSource
        position_estimates m resources.AdGroupCriterion.PositionEstimates
        final_urls s*
        final_mobile_urls s*
        final_url_suffix s
        tracking_url_template s
        url_custom_parameters m* common.CustomParameter
        primary_status e %AdGroupCriterionPrimaryStatus
        primary_status_reasons e* %AdGroupCriterionPrimaryStatusReason
        keyword m common.KeywordInfo @criterion
        placement m common.PlacementInfo @criterion
        mobile_app_category m common.MobileAppCategoryInfo @criterion
        mobile_application m common.MobileApplicationInfo @criterion
        listing_group m common.ListingGroupInfo @criterion
        age_range m common.AgeRangeInfo @criterion
        gender m common.GenderInfo @criterion
        income_range m common.IncomeRangeInfo @criterion
        parental_status m common.ParentalStatusInfo @criterion
        user_list m common.UserListInfo @criterion
        youtube_video m common.YouTubeVideoInfo @criterion
        youtube_channel m common.YouTubeChannelInfo @criterion
        topic m common.TopicInfo @criterion
        user_interest m common.UserInterestInfo @criterion
        webpage m common.WebpageInfo @criterion
        app_payment_model m common.AppPaymentModelInfo @criterion
        custom_affinity m common.CustomAffinityInfo @criterion
        custom_intent m common.CustomIntentInfo @criterion
        custom_audience m common.CustomAudienceInfo @criterion
        combined_audience m common.CombinedAudienceInfo @criterion
        audience m common.AudienceInfo @criterion
        location m common.LocationInfo @criterion
        language m common.LanguageInfo @criterion
        life_event m common.LifeEventInfo @criterion
        video_lineup m common.VideoLineupInfo @criterion
        extended_demographic m common.ExtendedDemographicInfo @criterion
        brand_list m common.BrandListInfo @criterion
        vertical_ads_item_group_rule_list m common.VerticalAdsItemGroupRuleListInfo @criterion
        M resources.AdGroupCriterion.PositionEstimates
        first_page_cpc_micros i64
        first_position_cpc_micros i64
        top_of_page_cpc_micros i64
        estimated_add_clicks_at_first_position_cpc i64
        estimated_add_cost_at_first_position_cpc i64
        M resources.AdGroupCriterion.QualityInfo
        quality_score i32
        creative_quality_score e %QualityScoreBucket
        post_click_quality_score e %QualityScoreBucket
        search_predicted_ctr e %QualityScoreBucket
        M resources.Asset
        resource_name s
        id i64
        name s
        type e %AssetType
        final_urls s*
        final_mobile_urls s*
        tracking_url_template s
        url_custom_parameters m* common.CustomParameter
        final_url_suffix s
        source e %AssetSource
        policy_summary m resources.AssetPolicySummary
        field_type_policy_summaries m* resources.AssetFieldTypePolicySummary
        orientation e %AssetOrientation
        synthetic_content_info m common.SyntheticContentInfo
        youtube_video_asset m common.YoutubeVideoAsset @asset_data
        media_bundle_asset m common.MediaBundleAsset @asset_data
        image_asset m common.ImageAsset @asset_data
        text_asset m common.TextAsset @asset_data
        lead_form_asset m common.LeadFormAsset @asset_data
        book_on_google_asset m common.BookOnGoogleAsset @asset_data
        promotion_asset m common.PromotionAsset @asset_data
        callout_asset m common.CalloutAsset @asset_data
        structured_snippet_asset m common.StructuredSnippetAsset @asset_data
        sitelink_asset m common.SitelinkAsset @asset_data
        page_feed_asset m common.PageFeedAsset @asset_data
        dynamic_education_asset m common.DynamicEducationAsset @asset_data
        mobile_app_asset m common.MobileAppAsset @asset_data
        hotel_callout_asset m common.HotelCalloutAsset @asset_data
        call_asset m common.CallAsset @asset_data
        price_asset m common.PriceAsset @asset_data
        call_to_action_asset m common.CallToActionAsset @asset_data
        dynamic_real_estate_asset m common.DynamicRealEstateAsset @asset_data
        dynamic_custom_asset m common.DynamicCustomAsset @asset_data
        dynamic_hotels_and_rentals_asset m common.DynamicHotelsAndRentalsAsset @asset_data
        dynamic_flights_asset m common.DynamicFlightsAsset @asset_data
        demand_gen_carousel_card_asset m common.DemandGenCarouselCardAsset @asset_data
        dynamic_travel_asset m common.DynamicTravelAsset @asset_data
        dynamic_local_asset m common.DynamicLocalAsset @asset_data
        dynamic_jobs_asset m common.DynamicJobsAsset @asset_data
        location_asset m common.LocationAsset @asset_data
        hotel_property_asset m common.HotelPropertyAsset @asset_data
        business_message_asset m common.BusinessMessageAsset @asset_data
        app_deep_link_asset m common.AppDeepLinkAsset @asset_data
        youtube_video_list_asset m common.YouTubeVideoListAsset @asset_data
        M resources.AssetFieldTypePolicySummary
        asset_field_type e %AssetFieldType
        asset_source e %AssetSource
        policy_summary_info m resources.AssetPolicySummary
        M resources.AssetPolicySummary
        policy_topic_entries m* common.PolicyTopicEntry
        review_status e %PolicyReviewStatus
        approval_status e %PolicyApprovalStatus
        M resources.CallReportingSetting
        call_reporting_enabled b
        call_conversion_reporting_enabled b
        call_conversion_action s
        M resources.Campaign
        resource_name s
        id i64
        name s
        primary_status e %CampaignPrimaryStatus
        primary_status_reasons e* %CampaignPrimaryStatusReason
        status e %CampaignStatus
        serving_status e %CampaignServingStatus
        bidding_strategy_system_status e %BiddingStrategySystemStatus
        ad_serving_optimization_status e %AdServingOptimizationStatus
        advertising_channel_type e %AdvertisingChannelType
        advertising_channel_sub_type e %AdvertisingChannelSubType
        tracking_url_template s
        url_custom_parameters m* common.CustomParameter
        local_services_campaign_settings m resources.Campaign.LocalServicesCampaignSettings
        travel_campaign_settings m resources.Campaign.TravelCampaignSettings
        demand_gen_campaign_settings m resources.Campaign.DemandGenCampaignSettings
        video_campaign_settings m resources.Campaign.VideoCampaignSettings
        pmax_campaign_settings m resources.Campaign.PmaxCampaignSettings
        real_time_bidding_setting m common.RealTimeBiddingSetting
        network_settings m resources.Campaign.NetworkSettings
        hotel_setting m resources.Campaign.HotelSettingInfo
        dynamic_search_ads_setting m resources.Campaign.DynamicSearchAdsSetting
        shopping_setting m resources.Campaign.ShoppingSetting
        targeting_setting m common.TargetingSetting
        audience_setting m resources.Campaign.AudienceSetting
        geo_target_type_setting m resources.Campaign.GeoTargetTypeSetting
        local_campaign_setting m resources.Campaign.LocalCampaignSetting
        app_campaign_setting m resources.Campaign.AppCampaignSetting
        labels s*
        experiment_type e %CampaignExperimentType
        base_campaign s
        campaign_budget s
        bidding_strategy_type e %BiddingStrategyType
        accessible_bidding_strategy s
        campaign_group s
        start_date_time s
        end_date_time s
        final_url_suffix s
        frequency_caps m* common.FrequencyCapEntry
        video_brand_safety_suitability e %BrandSafetySuitability
        vanity_pharma m resources.Campaign.VanityPharma
        selective_optimization m resources.Campaign.SelectiveOptimization
        optimization_goal_setting m resources.Campaign.OptimizationGoalSetting
        tracking_setting m resources.Campaign.TrackingSetting
        payment_mode e %PaymentMode
        optimization_score d
        excluded_parent_asset_field_types e* %AssetFieldType
        excluded_parent_asset_set_types e* %AssetSetType
        performance_max_upgrade m resources.Campaign.PerformanceMaxUpgrade
        hotel_property_asset_set s
        listing_type e %ListingType
        asset_automation_settings m* resources.Campaign.AssetAutomationSetting
        keyword_match_type e %CampaignKeywordMatchType
        brand_guidelines_enabled b
        brand_guidelines m resources.Campaign.BrandGuidelines
        text_guidelines m resources.Campaign.TextGuidelines
        third_party_integration_partners m common.CampaignThirdPartyIntegrationPartners
        ai_max_setting m resources.Campaign.AiMaxSetting
        contains_eu_political_advertising e %EuPoliticalAdvertisingStatus
        feed_types e* %AssetSetType
        missing_eu_political_advertising_declaration b
        bidding_strategy s @campaign_bidding_strategy
        commission m common.Commission @campaign_bidding_strategy
        manual_cpa m common.ManualCpa @campaign_bidding_strategy
        manual_cpc m common.ManualCpc @campaign_bidding_strategy
        manual_cpm m common.ManualCpm @campaign_bidding_strategy
        manual_cpv m common.ManualCpv @campaign_bidding_strategy
        maximize_conversions m common.MaximizeConversions @campaign_bidding_strategy
        maximize_conversion_value m common.MaximizeConversionValue @campaign_bidding_strategy
        target_cpa m common.TargetCpa @campaign_bidding_strategy
        target_impression_share m common.TargetImpressionShare @campaign_bidding_strategy
        target_roas m common.TargetRoas @campaign_bidding_strategy
        target_spend m common.TargetSpend @campaign_bidding_strategy
        percent_cpc m common.PercentCpc @campaign_bidding_strategy
        target_cpm m common.TargetCpm @campaign_bidding_strategy
        fixed_cpm m common.FixedCpm @campaign_bidding_strategy
        target_cpv m common.TargetCpv @campaign_bidding_strategy
        target_cpc m common.TargetCpc @campaign_bidding_strategy
        M resources.Campaign.AiMaxSetting
        enable_ai_max b
        bundling_required e resources.Campaign.AiMaxSetting.AiMaxBundlingRequired
        M resources.Campaign.AppCampaignSetting
        bidding_strategy_goal_type e %AppCampaignBiddingStrategyGoalType
        app_id s
        app_store e %AppCampaignAppStore
        M resources.Campaign.AssetAutomationSetting
        asset_automation_type e %AssetAutomationType
        asset_automation_status e %AssetAutomationStatus
        M resources.Campaign.AudienceSetting
        use_audience_grouped b
        M resources.Campaign.BrandGuidelines
        main_color s
        accent_color s
        predefined_font_family s
        M resources.Campaign.CategoryBid
        category_id s
        manual_cpa_bid_micros i64
        target_cpa_bid_micros i64
        M resources.Campaign.DemandGenCampaignSettings
        upgraded_targeting b
        M resources.Campaign.DynamicSearchAdsSetting
        domain_name s
        language_code s
        use_supplied_urls_only b
        M resources.Campaign.GeoTargetTypeSetting
        positive_geo_target_type e %PositiveGeoTargetType
        negative_geo_target_type e %NegativeGeoTargetType
        M resources.Campaign.HotelSettingInfo
        hotel_center_id i64
        disable_hotel_setting b
        M resources.Campaign.LocalCampaignSetting
        location_source_type e %LocationSourceType
        M resources.Campaign.LocalServicesCampaignSettings
        category_bids m* resources.Campaign.CategoryBid
        M resources.Campaign.MessagingRestriction
        restriction_text s
        restriction_type e %MessagingRestrictionType
        M resources.Campaign.NetworkSettings
        target_google_search b
        target_search_network b
        target_content_network b
        target_partner_search_network b
        target_youtube b
        target_google_tv_network b
        M resources.Campaign.OptimizationGoalSetting
        optimization_goal_types e* %OptimizationGoalType
        M resources.Campaign.PerformanceMaxUpgrade
        performance_max_campaign s
        pre_upgrade_campaign s
        status e %PerformanceMaxUpgradeStatus
        M resources.Campaign.PmaxCampaignSettings
        brand_targeting_overrides m resources.Campaign.PmaxCampaignSettings.BrandTargetingOverrides
        M resources.Campaign.PmaxCampaignSettings.BrandTargetingOverrides
        ignore_exclusions_for_shopping_ads b
        M resources.Campaign.SelectiveOptimization
        conversion_actions s*
        M resources.Campaign.ShoppingSetting
        merchant_id i64
        feed_label s
        campaign_priority i32
        enable_local b
        use_vehicle_inventory b
        advertising_partner_ids i64*
        disable_product_feed b
        M resources.Campaign.TextGuidelines
        term_exclusions s*
        messaging_restrictions m* resources.Campaign.MessagingRestriction
        M resources.Campaign.TrackingSetting
        tracking_url s
        M resources.Campaign.TravelCampaignSettings
        travel_account_id i64
        M resources.Campaign.VanityPharma
        vanity_pharma_display_url_mode e %VanityPharmaDisplayUrlMode
        vanity_pharma_text e %VanityPharmaText
        M resources.Campaign.VideoCampaignSettings
        video_ad_sequence m resources.Campaign.VideoCampaignSettings.VideoAdSequence
        reservation_ad_category_self_disclosure m resources.Campaign.VideoCampaignSettings.ReservationAdCategorySelfDisclosure
        booking_details m resources.Campaign.VideoCampaignSettings.BookingDetails
        video_ad_inventory_control m resources.Campaign.VideoCampaignSettings.VideoAdInventoryControl @fluidity_control
        video_ad_format_control m resources.Campaign.VideoCampaignSettings.VideoAdFormatControl @fluidity_control
        M resources.Campaign.VideoCampaignSettings.BookingDetails
        status e %BookingStatus
        hold_expiration_date_time s
        cancellation_date_time s
        M resources.Campaign.VideoCampaignSettings.NonSkippableInStreamRestrictions
        min_duration e %NonSkippableMinDuration
        max_duration e %NonSkippableMaxDuration
        M resources.Campaign.VideoCampaignSettings.ReservationAdCategorySelfDisclosure
        gambling b
        alcohol b
        politics b
        M resources.Campaign.VideoCampaignSettings.VideoAdFormatControl
        format_restriction e %VideoAdFormatRestriction
        non_skippable_in_stream_restrictions m resources.Campaign.VideoCampaignSettings.NonSkippableInStreamRestrictions
        M resources.Campaign.VideoCampaignSettings.VideoAdInventoryControl
        allow_in_stream b
        allow_in_feed b
        allow_shorts b
        allow_non_skippable_in_stream b
        M resources.Campaign.VideoCampaignSettings.VideoAdSequence
        steps m* resources.Campaign.VideoCampaignSettings.VideoAdSequenceStep
        minimum_duration e %VideoAdSequenceMinimumDuration
        M resources.Campaign.VideoCampaignSettings.VideoAdSequenceStep
        video_ad_sequence_step_id i64
        asset_id i64
        ad_group_type e %AdGroupType
        previous_step_id i64
        previous_step_interaction_type e %VideoAdSequenceInteractionType
        M resources.CampaignBudget
        resource_name s
        id i64
        name s
        amount_micros i64
        total_amount_micros i64
        status e %BudgetStatus
        delivery_method e %BudgetDeliveryMethod
        explicitly_shared b
        reference_count i64
        has_recommended_budget b
        recommended_budget_amount_micros i64
        period e %BudgetPeriod
        recommended_budget_estimated_change_weekly_clicks i64
        recommended_budget_estimated_change_weekly_cost_micros i64
        recommended_budget_estimated_change_weekly_interactions i64
        recommended_budget_estimated_change_weekly_views i64
        type e %BudgetType
        aligned_bidding_strategy_id i64
        M resources.CampaignCriterion
        resource_name s
        campaign s
        criterion_id i64
        display_name s
        bid_modifier f
        negative b
        type e %CriterionType
        status e %CampaignCriterionStatus
        keyword m common.KeywordInfo @criterion
        placement m common.PlacementInfo @criterion
        mobile_app_category m common.MobileAppCategoryInfo @criterion
        mobile_application m common.MobileApplicationInfo @criterion
        location m common.LocationInfo @criterion
        device m common.DeviceInfo @criterion
        ad_schedule m common.AdScheduleInfo @criterion
        age_range m common.AgeRangeInfo @criterion
        gender m common.GenderInfo @criterion
        income_range m common.IncomeRangeInfo @criterion
        parental_status m common.ParentalStatusInfo @criterion
        user_list m common.UserListInfo @criterion
        youtube_video m common.YouTubeVideoInfo @criterion
        youtube_channel m common.YouTubeChannelInfo @criterion
        proximity m common.ProximityInfo @criterion
        topic m common.TopicInfo @criterion
        listing_scope m common.ListingScopeInfo @criterion
        language m common.LanguageInfo @criterion
        ip_block m common.IpBlockInfo @criterion
        content_label m common.ContentLabelInfo @criterion
        carrier m common.CarrierInfo @criterion
        user_interest m common.UserInterestInfo @criterion
        webpage m common.WebpageInfo @criterion
        operating_system_version m common.OperatingSystemVersionInfo @criterion
        mobile_device m common.MobileDeviceInfo @criterion
        location_group m common.LocationGroupInfo @criterion
        custom_affinity m common.CustomAffinityInfo @criterion
        custom_audience m common.CustomAudienceInfo @criterion
        combined_audience m common.CombinedAudienceInfo @criterion
        keyword_theme m common.KeywordThemeInfo @criterion
        local_service_id m common.LocalServiceIdInfo @criterion
        brand_list m common.BrandListInfo @criterion
        life_event m common.LifeEventInfo @criterion
        webpage_list m common.WebpageListInfo @criterion
        video_lineup m common.VideoLineupInfo @criterion
        extended_demographic m common.ExtendedDemographicInfo @criterion
        M resources.ConversionTrackingSetting
        conversion_tracking_id i64
        cross_account_conversion_tracking_id i64
        accepted_customer_data_terms b
        conversion_tracking_status e %ConversionTrackingStatus
        enhanced_conversions_for_leads_enabled b
        google_ads_conversion_customer s
        M resources.Customer
        resource_name s
        id i64
        descriptive_name s
        currency_code s
        time_zone s
        tracking_url_template s
        final_url_suffix s
        auto_tagging_enabled b
        has_partners_badge b
        manager b
        test_account b
        call_reporting_setting m resources.CallReportingSetting
        conversion_tracking_setting m resources.ConversionTrackingSetting
        remarketing_setting m resources.RemarketingSetting
        pay_per_conversion_eligibility_failure_reasons e* %CustomerPayPerConversionEligibilityFailureReason
        optimization_score d
        optimization_score_weight d
        status e %CustomerStatus
        location_asset_auto_migration_done b
        image_asset_auto_migration_done b
        location_asset_auto_migration_done_date_time s
        image_asset_auto_migration_done_date_time s
        customer_agreement_setting m resources.CustomerAgreementSetting
        local_services_settings m resources.LocalServicesSettings
        video_brand_safety_suitability e %BrandSafetySuitability
        video_customer m resources.VideoCustomer
        contains_eu_political_advertising e %EuPoliticalAdvertisingStatus
        M resources.CustomerAgreementSetting
        accepted_lead_form_terms b
        M resources.GranularInsuranceStatus
        geo_criterion_id i64
        category_id s
        verification_status e %LocalServicesVerificationStatus
        M resources.GranularLicenseStatus
        geo_criterion_id i64
        category_id s
        verification_status e %LocalServicesVerificationStatus
        M resources.LocalServicesSettings
        granular_license_statuses m* resources.GranularLicenseStatus
        granular_insurance_statuses m* resources.GranularInsuranceStatus
        M resources.RemarketingSetting
        google_global_site_tag s
        M resources.VideoCustomer
        third_party_integration_partners m common.CustomerThirdPartyIntegrationPartners
        M services.AdGroupAdOperation
        update_mask s
        policy_validation_parameter m common.PolicyValidationParameter
        create m resources.AdGroupAd @operation
        update m resources.AdGroupAd @operation
        remove s @operation
        M services.AdGroupCriterionOperation
        update_mask s
        exempt_policy_violation_keys m* common.PolicyViolationKey
        create m resources.AdGroupCriterion @operation
        update m resources.AdGroupCriterion @operation
        remove s @operation
        M services.AdGroupOperation
        update_mask s
        create m resources.AdGroup @operation
        update m resources.AdGroup @operation
        remove s @operation
        M services.AssetOperation
        update_mask s
        create m resources.Asset @operation
        update m resources.Asset @operation
        M services.CampaignBudgetOperation
        update_mask s
        create m resources.CampaignBudget @operation
        update m resources.CampaignBudget @operation
        remove s @operation
        M services.CampaignCriterionOperation
        update_mask s
        create m resources.CampaignCriterion @operation
        update m resources.CampaignCriterion @operation
        remove s @operation
        M services.CampaignOperation
        update_mask s
        create m resources.Campaign @operation
        update m resources.Campaign @operation
        remove s @operation
        M services.MutateAdGroupAdsRequest
        customer_id s
        operations m* services.AdGroupAdOperation
        partial_failure b
        validate_only b
        response_content_type e %ResponseContentType
        M services.MutateAdGroupCriteriaRequest
        customer_id s
        operations m* services.AdGroupCriterionOperation
        partial_failure b
        validate_only b
        response_content_type e %ResponseContentType
        M services.MutateAdGroupsRequest
        customer_id s
        operations m* services.AdGroupOperation
        partial_failure b
        validate_only b
        response_content_type e %ResponseContentType
        M services.MutateAssetsRequest
        customer_id s
        operations m* services.AssetOperation
        partial_failure b
        response_content_type e %ResponseContentType
        validate_only b
        M services.MutateCampaignBudgetsRequest
        customer_id s
        operations m* services.CampaignBudgetOperation
        partial_failure b
        validate_only b
        response_content_type e %ResponseContentType
        M services.MutateCampaignCriteriaRequest
        customer_id s
        operations m* services.CampaignCriterionOperation
        partial_failure b
        validate_only b
        response_content_type e %ResponseContentType
        M services.MutateCampaignsRequest
        customer_id s
        operations m* services.CampaignOperation
        partial_failure b
        validate_only b
        response_content_type e %ResponseContentType
        M services.MutateGoogleAdsRequest
        customer_id s
        mutate_operations m* services.MutateOperation
        partial_failure b
        validate_only b
        response_content_type e %ResponseContentType
        M services.MutateOperation
        ad_group_ad_label_operation x @operation
        ad_group_ad_operation m services.AdGroupAdOperation @operation
        ad_group_asset_operation x @operation
        ad_group_bid_modifier_operation x @operation
        ad_group_criterion_customizer_operation x @operation
        ad_group_criterion_label_operation x @operation
        ad_group_criterion_operation m services.AdGroupCriterionOperation @operation
        ad_group_customizer_operation x @operation
        ad_group_label_operation x @operation
        ad_group_operation m services.AdGroupOperation @operation
        ad_operation x @operation
        ad_parameter_operation x @operation
        asset_operation m services.AssetOperation @operation
        asset_group_asset_operation x @operation
        asset_group_listing_group_filter_operation x @operation
        asset_group_signal_operation x @operation
        asset_group_operation x @operation
        asset_set_asset_operation x @operation
        asset_set_operation x @operation
        audience_operation x @operation
        bidding_data_exclusion_operation x @operation
        bidding_seasonality_adjustment_operation x @operation
        bidding_strategy_operation x @operation
        book_campaigns_operation x @operation
        campaign_asset_operation x @operation
        campaign_asset_set_operation x @operation
        campaign_bid_modifier_operation x @operation
        campaign_budget_operation m services.CampaignBudgetOperation @operation
        campaign_conversion_goal_operation x @operation
        campaign_criterion_operation m services.CampaignCriterionOperation @operation
        campaign_customizer_operation x @operation
        campaign_draft_operation x @operation
        campaign_group_operation x @operation
        campaign_label_operation x @operation
        campaign_operation m services.CampaignOperation @operation
        campaign_shared_set_operation x @operation
        conversion_action_operation x @operation
        conversion_custom_variable_operation x @operation
        conversion_goal_campaign_config_operation x @operation
        conversion_value_rule_operation x @operation
        conversion_value_rule_set_operation x @operation
        custom_conversion_goal_operation x @operation
        customer_asset_operation x @operation
        customer_conversion_goal_operation x @operation
        customer_customizer_operation x @operation
        customer_label_operation x @operation
        customer_negative_criterion_operation x @operation
        customer_operation x @operation
        customizer_attribute_operation x @operation
        experiment_operation x @operation
        experiment_arm_operation x @operation
        keyword_plan_ad_group_operation x @operation
        keyword_plan_ad_group_keyword_operation x @operation
        keyword_plan_campaign_keyword_operation x @operation
        keyword_plan_campaign_operation x @operation
        keyword_plan_operation x @operation
        label_operation x @operation
        quote_campaigns_operation x @operation
        recommendation_subscription_operation x @operation
        remarketing_action_operation x @operation
        shared_criterion_operation x @operation
        shared_set_operation x @operation
        smart_campaign_setting_operation x @operation
        user_list_operation x @operation
        M services.SearchGoogleAdsRequest
        customer_id s
        query s
        page_token s
        page_size i32
        validate_only b
        search_settings m services.SearchSettings
        M services.SearchGoogleAdsStreamRequest
        customer_id s
        query s
        summary_row_setting e %SummaryRowSetting
        M services.SearchSettings
        omit_results b
        return_summary_row b
        return_total_results_count b
        E common.TargetRestrictionOperation.Operator
        UNSPECIFIED=0 UNKNOWN=1 ADD=2 REMOVE=3
        E %AdDestinationType
        UNSPECIFIED=0 UNKNOWN=1 NOT_APPLICABLE=2 WEBSITE=3 APP_DEEP_LINK=4 APP_STORE=5 PHONE_CALL=6
        MAP_DIRECTIONS=7 LOCATION_LISTING=8 MESSAGE=9 LEAD_FORM=10 YOUTUBE=11 UNMODELED_FOR_CONVERSIONS=12
        E %AdFormatType
        UNSPECIFIED=0 UNKNOWN=1 OTHER=2 UNSEGMENTED=3 INSTREAM_SKIPPABLE=4 INSTREAM_NON_SKIPPABLE=5 INFEED=6
        BUMPER=7 OUTSTREAM=8 MASTHEAD=9 AUDIO=10 SHORTS=11 PAUSE=12 VERTICAL_ADS_PROMOTION=13
        VERTICAL_ADS_BOOKING_LINK=14 TEXT=15
        E %AdGroupAdPrimaryStatus
        UNSPECIFIED=0 UNKNOWN=1 ELIGIBLE=2 PAUSED=3 REMOVED=4 PENDING=5 LIMITED=6 NOT_ELIGIBLE=7
        E %AdGroupAdPrimaryStatusReason
        UNSPECIFIED=0 UNKNOWN=1 CAMPAIGN_REMOVED=2 CAMPAIGN_PAUSED=3 CAMPAIGN_PENDING=4 CAMPAIGN_ENDED=5
        AD_GROUP_PAUSED=6 AD_GROUP_REMOVED=7 AD_GROUP_AD_PAUSED=8 AD_GROUP_AD_REMOVED=9
        AD_GROUP_AD_DISAPPROVED=10 AD_GROUP_AD_UNDER_REVIEW=11 AD_GROUP_AD_POOR_QUALITY=12
        AD_GROUP_AD_NO_ADS=13 AD_GROUP_AD_APPROVED_LABELED=14 AD_GROUP_AD_AREA_OF_INTEREST_ONLY=15
        AD_GROUP_AD_UNDER_APPEAL=16
        E %AdGroupAdRotationMode
        UNSPECIFIED=0 UNKNOWN=1 OPTIMIZE=2 ROTATE_FOREVER=3
        E %AdGroupAdStatus
        UNSPECIFIED=0 UNKNOWN=1 ENABLED=2 PAUSED=3 REMOVED=4
        E %AdGroupCriterionApprovalStatus
        UNSPECIFIED=0 UNKNOWN=1 APPROVED=2 DISAPPROVED=3 PENDING_REVIEW=4 UNDER_REVIEW=5
        E %AdGroupCriterionPrimaryStatus
        UNSPECIFIED=0 UNKNOWN=1 ELIGIBLE=2 PAUSED=3 REMOVED=4 PENDING=5 NOT_ELIGIBLE=6
        E %AdGroupCriterionPrimaryStatusReason
        UNSPECIFIED=0 UNKNOWN=1 CAMPAIGN_PENDING=2 CAMPAIGN_CRITERION_NEGATIVE=3 CAMPAIGN_PAUSED=4
        CAMPAIGN_REMOVED=5 CAMPAIGN_ENDED=6 AD_GROUP_PAUSED=7 AD_GROUP_REMOVED=8
        AD_GROUP_CRITERION_DISAPPROVED=9 AD_GROUP_CRITERION_RARELY_SERVED=10
        AD_GROUP_CRITERION_LOW_QUALITY=11 AD_GROUP_CRITERION_UNDER_REVIEW=12
        AD_GROUP_CRITERION_PENDING_REVIEW=13 AD_GROUP_CRITERION_BELOW_FIRST_PAGE_BID=14
        AD_GROUP_CRITERION_NEGATIVE=15 AD_GROUP_CRITERION_RESTRICTED=16 AD_GROUP_CRITERION_PAUSED=17
        AD_GROUP_CRITERION_PAUSED_DUE_TO_LOW_ACTIVITY=18 AD_GROUP_CRITERION_REMOVED=19
        E %AdGroupCriterionStatus
        UNSPECIFIED=0 UNKNOWN=1 ENABLED=2 PAUSED=3 REMOVED=4
        E %AdGroupPrimaryStatus
        UNSPECIFIED=0 UNKNOWN=1 ELIGIBLE=2 PAUSED=3 REMOVED=4 PENDING=5 NOT_ELIGIBLE=6 LIMITED=7
        E %AdGroupPrimaryStatusReason
        UNSPECIFIED=0 UNKNOWN=1 CAMPAIGN_REMOVED=2 CAMPAIGN_PAUSED=3 CAMPAIGN_PENDING=4 CAMPAIGN_ENDED=5
        AD_GROUP_PAUSED=6 AD_GROUP_REMOVED=7 AD_GROUP_INCOMPLETE=8 KEYWORDS_PAUSED=9 NO_KEYWORDS=10
        AD_GROUP_ADS_PAUSED=11 NO_AD_GROUP_ADS=12 HAS_ADS_DISAPPROVED=13 HAS_ADS_LIMITED_BY_POLICY=14
        MOST_ADS_UNDER_REVIEW=15 CAMPAIGN_DRAFT=16 AD_GROUP_PAUSED_DUE_TO_LOW_ACTIVITY=19
        E %AdGroupStatus
        UNSPECIFIED=0 UNKNOWN=1 ENABLED=2 PAUSED=3 REMOVED=4
        E %AdGroupType
        UNSPECIFIED=0 UNKNOWN=1 SEARCH_STANDARD=2 DISPLAY_STANDARD=3 SHOPPING_PRODUCT_ADS=4 HOTEL_ADS=6
        SHOPPING_SMART_ADS=7 VIDEO_BUMPER=8 VIDEO_TRUE_VIEW_IN_STREAM=9 VIDEO_TRUE_VIEW_IN_DISPLAY=10
        VIDEO_NON_SKIPPABLE_IN_STREAM=11 SEARCH_DYNAMIC_ADS=13 SHOPPING_COMPARISON_LISTING_ADS=14
        PROMOTED_HOTEL_ADS=15 VIDEO_RESPONSIVE=16 VIDEO_EFFICIENT_REACH=17 SMART_CAMPAIGN_ADS=18
        TRAVEL_ADS=19 YOUTUBE_AUDIO=20
        E %AdNetworkType
        UNSPECIFIED=0 UNKNOWN=1 SEARCH=2 SEARCH_PARTNERS=3 CONTENT=4 MIXED=7 YOUTUBE=8 GOOGLE_TV=9
        GOOGLE_OWNED_CHANNELS=10 GMAIL=11 DISCOVER=12 MAPS=13
        E %AdServingOptimizationStatus
        UNSPECIFIED=0 UNKNOWN=1 OPTIMIZE=2 CONVERSION_OPTIMIZE=3 ROTATE=4 ROTATE_INDEFINITELY=5
        UNAVAILABLE=6
        E %AdStrength
        UNSPECIFIED=0 UNKNOWN=1 PENDING=2 NO_ADS=3 POOR=4 AVERAGE=5 GOOD=6 EXCELLENT=7
        E %AdSubNetworkType
        UNSPECIFIED=0 UNKNOWN=1 UNSEGMENTED=2 YOUTUBE_INSTREAM=3 YOUTUBE_INFEED=4 YOUTUBE_SHORTS=5
        E %AdType
        UNSPECIFIED=0 UNKNOWN=1 TEXT_AD=2 EXPANDED_TEXT_AD=3 EXPANDED_DYNAMIC_SEARCH_AD=7 HOTEL_AD=8
        SHOPPING_SMART_AD=9 SHOPPING_PRODUCT_AD=10 VIDEO_AD=12 IMAGE_AD=14 RESPONSIVE_SEARCH_AD=15
        LEGACY_RESPONSIVE_DISPLAY_AD=16 APP_AD=17 LEGACY_APP_INSTALL_AD=18 RESPONSIVE_DISPLAY_AD=19
        LOCAL_AD=20 HTML5_UPLOAD_AD=21 DYNAMIC_HTML5_AD=22 APP_ENGAGEMENT_AD=23
        SHOPPING_COMPARISON_LISTING_AD=24 VIDEO_BUMPER_AD=25 VIDEO_NON_SKIPPABLE_IN_STREAM_AD=26
        VIDEO_TRUEVIEW_IN_STREAM_AD=29 VIDEO_RESPONSIVE_AD=30 SMART_CAMPAIGN_AD=31 CALL_AD=32
        APP_PRE_REGISTRATION_AD=33 IN_FEED_VIDEO_AD=34 TRAVEL_AD=37 DEMAND_GEN_PRODUCT_AD=39
        DEMAND_GEN_MULTI_ASSET_AD=40 DEMAND_GEN_CAROUSEL_AD=41 DEMAND_GEN_VIDEO_RESPONSIVE_AD=42
        YOUTUBE_AUDIO_AD=44
        E %AdvertisingChannelSubType
        UNSPECIFIED=0 UNKNOWN=1 SEARCH_MOBILE_APP=2 DISPLAY_MOBILE_APP=3 SEARCH_EXPRESS=4 DISPLAY_EXPRESS=5
        SHOPPING_SMART_ADS=6 DISPLAY_GMAIL_AD=7 DISPLAY_SMART_CAMPAIGN=8 VIDEO_ACTION=10
        VIDEO_NON_SKIPPABLE=11 APP_CAMPAIGN=12 APP_CAMPAIGN_FOR_ENGAGEMENT=13 LOCAL_CAMPAIGN=14
        SHOPPING_COMPARISON_LISTING_ADS=15 SMART_CAMPAIGN=16 VIDEO_SEQUENCE=17
        APP_CAMPAIGN_FOR_PRE_REGISTRATION=18 VIDEO_REACH_TARGET_FREQUENCY=19 TRAVEL_ACTIVITIES=20
        YOUTUBE_AUDIO=22
        E %AdvertisingChannelType
        UNSPECIFIED=0 UNKNOWN=1 SEARCH=2 DISPLAY=3 SHOPPING=4 HOTEL=5 VIDEO=6 MULTI_CHANNEL=7 LOCAL=8
        SMART=9 PERFORMANCE_MAX=10 LOCAL_SERVICES=11 TRAVEL=13 DEMAND_GEN=14
        E %AgeRangeType
        UNSPECIFIED=0 UNKNOWN=1 AGE_RANGE_18_24=503001 AGE_RANGE_25_34=503002 AGE_RANGE_35_44=503003
        AGE_RANGE_45_54=503004 AGE_RANGE_55_64=503005 AGE_RANGE_65_UP=503006 AGE_RANGE_UNDETERMINED=503999
        E %AppCampaignAppStore
        UNSPECIFIED=0 UNKNOWN=1 APPLE_APP_STORE=2 GOOGLE_APP_STORE=3
        E %AppCampaignBiddingStrategyGoalType
        UNSPECIFIED=0 UNKNOWN=1 OPTIMIZE_INSTALLS_TARGET_INSTALL_COST=2
        OPTIMIZE_IN_APP_CONVERSIONS_TARGET_INSTALL_COST=3
        OPTIMIZE_IN_APP_CONVERSIONS_TARGET_CONVERSION_COST=4 OPTIMIZE_RETURN_ON_ADVERTISING_SPEND=5
        OPTIMIZE_PRE_REGISTRATION_CONVERSION_VOLUME=6 OPTIMIZE_INSTALLS_WITHOUT_TARGET_INSTALL_COST=7
        OPTIMIZE_IN_APP_CONVERSIONS_WITHOUT_TARGET_CPA=8 OPTIMIZE_TOTAL_VALUE_WITHOUT_TARGET_ROAS=9
        E %AppPaymentModelType
        UNSPECIFIED=0 UNKNOWN=1 PAID=30
        E %AppUrlOperatingSystemType
        UNSPECIFIED=0 UNKNOWN=1 IOS=2 ANDROID=3
        E %AssetAutomationStatus
        UNSPECIFIED=0 UNKNOWN=1 OPTED_IN=2 OPTED_OUT=3
        E %AssetAutomationType
        UNSPECIFIED=0 UNKNOWN=1 TEXT_ASSET_AUTOMATION=2 GENERATE_VERTICAL_YOUTUBE_VIDEOS=3
        GENERATE_SHORTER_YOUTUBE_VIDEOS=4 GENERATE_LANDING_PAGE_PREVIEW=5 GENERATE_ENHANCED_YOUTUBE_VIDEOS=6
        GENERATE_IMAGE_ENHANCEMENT=7 GENERATE_IMAGE_EXTRACTION=9 GENERATE_DESIGN_VERSIONS_FOR_IMAGES=10
        FINAL_URL_EXPANSION_TEXT_ASSET_AUTOMATION=11 GENERATE_VIDEOS_FROM_OTHER_ASSETS=12
        E %AssetFieldType
        UNSPECIFIED=0 UNKNOWN=1 HEADLINE=2 DESCRIPTION=3 MANDATORY_AD_TEXT=4 MARKETING_IMAGE=5
        MEDIA_BUNDLE=6 YOUTUBE_VIDEO=7 BOOK_ON_GOOGLE=8 LEAD_FORM=9 PROMOTION=10 CALLOUT=11
        STRUCTURED_SNIPPET=12 SITELINK=13 MOBILE_APP=14 HOTEL_CALLOUT=15 CALL=16 LONG_HEADLINE=17
        BUSINESS_NAME=18 SQUARE_MARKETING_IMAGE=19 PORTRAIT_MARKETING_IMAGE=20 LOGO=21 LANDSCAPE_LOGO=22
        VIDEO=23 PRICE=24 CALL_TO_ACTION_SELECTION=25 AD_IMAGE=26 BUSINESS_LOGO=27 HOTEL_PROPERTY=28
        DEMAND_GEN_CAROUSEL_CARD=30 BUSINESS_MESSAGE=31 TALL_PORTRAIT_MARKETING_IMAGE=32
        RELATED_YOUTUBE_VIDEOS=33 LANDING_PAGE_PREVIEW=38 LONG_DESCRIPTION=39 CALL_TO_ACTION=40
        E %AssetOrientation
        UNSPECIFIED=0 UNKNOWN=1 LANDSCAPE=2 PORTRAIT=3 SQUARE=4
        E %AssetPerformanceLabel
        UNSPECIFIED=0 UNKNOWN=1 PENDING=2 LEARNING=3 LOW=4 GOOD=5 BEST=6 NOT_APPLICABLE=7
        E %AssetSetType
        UNSPECIFIED=0 UNKNOWN=1 PAGE_FEED=2 DYNAMIC_EDUCATION=3 MERCHANT_CENTER_FEED=4 DYNAMIC_REAL_ESTATE=5
        DYNAMIC_CUSTOM=6 DYNAMIC_HOTELS_AND_RENTALS=7 DYNAMIC_FLIGHTS=8 DYNAMIC_TRAVEL=9 DYNAMIC_LOCAL=10
        DYNAMIC_JOBS=11 LOCATION_SYNC=12 BUSINESS_PROFILE_DYNAMIC_LOCATION_GROUP=13
        CHAIN_DYNAMIC_LOCATION_GROUP=14 STATIC_LOCATION_GROUP=15 HOTEL_PROPERTY=16 TRAVEL_FEED=17
        E %AssetSource
        UNSPECIFIED=0 UNKNOWN=1 ADVERTISER=2 AUTOMATICALLY_CREATED=3
        E %AssetType
        UNSPECIFIED=0 UNKNOWN=1 YOUTUBE_VIDEO=2 MEDIA_BUNDLE=3 IMAGE=4 TEXT=5 LEAD_FORM=6 BOOK_ON_GOOGLE=7
        PROMOTION=8 CALLOUT=9 STRUCTURED_SNIPPET=10 SITELINK=11 PAGE_FEED=12 DYNAMIC_EDUCATION=13
        MOBILE_APP=14 HOTEL_CALLOUT=15 CALL=16 PRICE=17 CALL_TO_ACTION=18 DYNAMIC_REAL_ESTATE=19
        DYNAMIC_CUSTOM=20 DYNAMIC_HOTELS_AND_RENTALS=21 DYNAMIC_FLIGHTS=22 DYNAMIC_TRAVEL=24
        DYNAMIC_LOCAL=25 DYNAMIC_JOBS=26 LOCATION=27 HOTEL_PROPERTY=28 DEMAND_GEN_CAROUSEL_CARD=29
        BUSINESS_MESSAGE=30 APP_DEEP_LINK=31 YOUTUBE_VIDEO_LIST=32
        E %BiddingSource
        UNSPECIFIED=0 UNKNOWN=1 CAMPAIGN_BIDDING_STRATEGY=5 AD_GROUP=6 AD_GROUP_CRITERION=7
        E %BiddingStrategySystemStatus
        UNSPECIFIED=0 UNKNOWN=1 ENABLED=2 LEARNING_NEW=3 LEARNING_SETTING_CHANGE=4 LEARNING_BUDGET_CHANGE=5
        LEARNING_COMPOSITION_CHANGE=6 LEARNING_CONVERSION_TYPE_CHANGE=7 LEARNING_CONVERSION_SETTING_CHANGE=8
        LIMITED_BY_CPC_BID_CEILING=9 LIMITED_BY_CPC_BID_FLOOR=10 LIMITED_BY_DATA=11 LIMITED_BY_BUDGET=12
        LIMITED_BY_LOW_PRIORITY_SPEND=13 LIMITED_BY_LOW_QUALITY=14 LIMITED_BY_INVENTORY=15
        MISCONFIGURED_ZERO_ELIGIBILITY=16 MISCONFIGURED_CONVERSION_TYPES=17
        MISCONFIGURED_CONVERSION_SETTINGS=18 MISCONFIGURED_SHARED_BUDGET=19 MISCONFIGURED_STRATEGY_TYPE=20
        PAUSED=21 UNAVAILABLE=22 MULTIPLE_LEARNING=23 MULTIPLE_LIMITED=24 MULTIPLE_MISCONFIGURED=25
        MULTIPLE=26
        E %BiddingStrategyType
        UNSPECIFIED=0 UNKNOWN=1 ENHANCED_CPC=2 MANUAL_CPC=3 MANUAL_CPM=4 PAGE_ONE_PROMOTED=5 TARGET_CPA=6
        TARGET_OUTRANK_SHARE=7 TARGET_ROAS=8 TARGET_SPEND=9 MAXIMIZE_CONVERSIONS=10
        MAXIMIZE_CONVERSION_VALUE=11 PERCENT_CPC=12 MANUAL_CPV=13 TARGET_CPM=14 TARGET_IMPRESSION_SHARE=15
        COMMISSION=16 INVALID=17 MANUAL_CPA=18 FIXED_CPM=19 TARGET_CPV=20 TARGET_CPC=21
        FIXED_SHARE_OF_VOICE=22
        E %BookingStatus
        UNSPECIFIED=0 UNKNOWN=1 BOOKED=2 HELD=3 CAMPAIGN_ENDED=4 HOLD_EXPIRED=5 BOOKING_CANCELLED=6
        E %BrandSafetySuitability
        UNSPECIFIED=0 UNKNOWN=1 EXPANDED_INVENTORY=2 STANDARD_INVENTORY=3 LIMITED_INVENTORY=4
        E %BudgetCampaignAssociationStatus
        UNSPECIFIED=0 UNKNOWN=1 ENABLED=2 REMOVED=3
        E %BudgetDeliveryMethod
        UNSPECIFIED=0 UNKNOWN=1 STANDARD=2 ACCELERATED=3
        E %BudgetPeriod
        UNSPECIFIED=0 UNKNOWN=1 DAILY=2 CUSTOM_PERIOD=5
        E %BudgetStatus
        UNSPECIFIED=0 UNKNOWN=1 ENABLED=2 REMOVED=3
        E %BudgetType
        UNSPECIFIED=0 UNKNOWN=1 STANDARD=2 FIXED_CPA=4 SMART_CAMPAIGN=5 LOCAL_SERVICES=6
        E %BusinessMessageCallToActionType
        UNSPECIFIED=0 UNKNOWN=1 APPLY_NOW=2 BOOK_NOW=3 CONTACT_US=4 GET_INFO=5 GET_OFFER=6 GET_QUOTE=7
        GET_STARTED=8 LEARN_MORE=9
        E %BusinessMessageProvider
        UNSPECIFIED=0 UNKNOWN=1 WHATSAPP=2 FACEBOOK_MESSENGER=3 ZALO=4
        E %CallConversionReportingState
        UNSPECIFIED=0 UNKNOWN=1 DISABLED=2 USE_ACCOUNT_LEVEL_CALL_CONVERSION_ACTION=3
        USE_RESOURCE_LEVEL_CALL_CONVERSION_ACTION=4
        E %CallToActionType
        UNSPECIFIED=0 UNKNOWN=1 LEARN_MORE=2 GET_QUOTE=3 APPLY_NOW=4 SIGN_UP=5 CONTACT_US=6 SUBSCRIBE=7
        DOWNLOAD=8 BOOK_NOW=9 SHOP_NOW=10 BUY_NOW=11 DONATE_NOW=12 ORDER_NOW=13 PLAY_NOW=14 SEE_MORE=15
        START_NOW=16 VISIT_SITE=17 WATCH_NOW=18
        E %CampaignCriterionStatus
        UNSPECIFIED=0 UNKNOWN=1 ENABLED=2 PAUSED=3 REMOVED=4
        E %CampaignExperimentType
        UNSPECIFIED=0 UNKNOWN=1 BASE=2 DRAFT=3 EXPERIMENT=4
        E %CampaignKeywordMatchType
        UNSPECIFIED=0 UNKNOWN=1 BROAD=2
        E %CampaignPrimaryStatus
        UNSPECIFIED=0 UNKNOWN=1 ELIGIBLE=2 PAUSED=3 REMOVED=4 ENDED=5 PENDING=6 MISCONFIGURED=7 LIMITED=8
        LEARNING=9 NOT_ELIGIBLE=10
        E %CampaignPrimaryStatusReason
        UNSPECIFIED=0 UNKNOWN=1 CAMPAIGN_REMOVED=2 CAMPAIGN_PAUSED=3 CAMPAIGN_PENDING=4 CAMPAIGN_ENDED=5
        CAMPAIGN_DRAFT=6 BIDDING_STRATEGY_MISCONFIGURED=7 BIDDING_STRATEGY_LIMITED=8
        BIDDING_STRATEGY_LEARNING=9 BIDDING_STRATEGY_CONSTRAINED=10 BUDGET_CONSTRAINED=11
        BUDGET_MISCONFIGURED=12 SEARCH_VOLUME_LIMITED=13 AD_GROUPS_PAUSED=14 NO_AD_GROUPS=15
        KEYWORDS_PAUSED=16 NO_KEYWORDS=17 AD_GROUP_ADS_PAUSED=18 NO_AD_GROUP_ADS=19
        HAS_ADS_LIMITED_BY_POLICY=20 HAS_ADS_DISAPPROVED=21 MOST_ADS_UNDER_REVIEW=22
        MISSING_LEAD_FORM_EXTENSION=23 MISSING_CALL_EXTENSION=24 LEAD_FORM_EXTENSION_UNDER_REVIEW=25
        LEAD_FORM_EXTENSION_DISAPPROVED=26 CALL_EXTENSION_UNDER_REVIEW=27 CALL_EXTENSION_DISAPPROVED=28
        NO_MOBILE_APPLICATION_AD_GROUP_CRITERIA=29 CAMPAIGN_GROUP_PAUSED=30
        CAMPAIGN_GROUP_ALL_GROUP_BUDGETS_ENDED=31 APP_NOT_RELEASED=32 APP_PARTIALLY_RELEASED=33
        HAS_ASSET_GROUPS_DISAPPROVED=34 HAS_ASSET_GROUPS_LIMITED_BY_POLICY=35
        MOST_ASSET_GROUPS_UNDER_REVIEW=36 NO_ASSET_GROUPS=37 ASSET_GROUPS_PAUSED=38
        MISSING_LOCATION_TARGETING=39 CAMPAIGN_NOT_BOOKED=40 BOOKING_HOLD_EXPIRING=41
        BOOKING_HOLD_EXPIRED=42 BOOKING_CANCELLED=43
        E %CampaignServingStatus
        UNSPECIFIED=0 UNKNOWN=1 SERVING=2 NONE=3 ENDED=4 PENDING=5 SUSPENDED=6
        E %CampaignStatus
        UNSPECIFIED=0 UNKNOWN=1 ENABLED=2 PAUSED=3 REMOVED=4
        E %ClickType
        UNSPECIFIED=0 UNKNOWN=1 APP_DEEPLINK=2 BREADCRUMBS=3 BROADBAND_PLAN=4 CALL_TRACKING=5 CALLS=6
        CLICK_ON_ENGAGEMENT_AD=7 GET_DIRECTIONS=8 LOCATION_EXPANSION=9 LOCATION_FORMAT_CALL=10
        LOCATION_FORMAT_DIRECTIONS=11 LOCATION_FORMAT_IMAGE=12 LOCATION_FORMAT_LANDING_PAGE=13
        LOCATION_FORMAT_MAP=14 LOCATION_FORMAT_STORE_INFO=15 LOCATION_FORMAT_TEXT=16 MOBILE_CALL_TRACKING=17
        OFFER_PRINTS=18 OTHER=19 PRODUCT_EXTENSION_CLICKS=20 PRODUCT_LISTING_AD_CLICKS=21 SITELINKS=22
        STORE_LOCATOR=23 URL_CLICKS=25 VIDEO_APP_STORE_CLICKS=26 VIDEO_CALL_TO_ACTION_CLICKS=27
        VIDEO_CARD_ACTION_HEADLINE_CLICKS=28 VIDEO_END_CAP_CLICKS=29 VIDEO_WEBSITE_CLICKS=30
        VISUAL_SITELINKS=31 WIRELESS_PLAN=32 PRODUCT_LISTING_AD_LOCAL=33
        PRODUCT_LISTING_AD_MULTICHANNEL_LOCAL=34 PRODUCT_LISTING_AD_MULTICHANNEL_ONLINE=35
        PRODUCT_LISTING_ADS_COUPON=36 PRODUCT_LISTING_AD_TRANSACTABLE=37 PRODUCT_AD_APP_DEEPLINK=38
        SHOWCASE_AD_CATEGORY_LINK=39 SHOWCASE_AD_LOCAL_STOREFRONT_LINK=40 SHOWCASE_AD_ONLINE_PRODUCT_LINK=42
        SHOWCASE_AD_LOCAL_PRODUCT_LINK=43 PROMOTION_EXTENSION=44 SWIPEABLE_GALLERY_AD_HEADLINE=45
        SWIPEABLE_GALLERY_AD_SWIPES=46 SWIPEABLE_GALLERY_AD_SEE_MORE=47 SWIPEABLE_GALLERY_AD_SITELINK_ONE=48
        SWIPEABLE_GALLERY_AD_SITELINK_TWO=49 SWIPEABLE_GALLERY_AD_SITELINK_THREE=50
        SWIPEABLE_GALLERY_AD_SITELINK_FOUR=51 SWIPEABLE_GALLERY_AD_SITELINK_FIVE=52 HOTEL_PRICE=53
        PRICE_EXTENSION=54 HOTEL_BOOK_ON_GOOGLE_ROOM_SELECTION=55 SHOPPING_COMPARISON_LISTING=56
        CROSS_NETWORK=57 AD_IMAGE=58 TRAVEL_ASSETS=59 VEHICLE_ASSETS=60 PRODUCT_ASSETS=61
        VIDEO_CHANNEL_CLICK=62 VIDEO_RELATED_VIDEOS_CLICK=63 CLICK_TO_MESSAGE_THIRD_PARTY_CLICK=64
        CLICK_TO_MESSAGE_LANDING_PAGE_CLICK=65
        E %ContentLabelType
        UNSPECIFIED=0 UNKNOWN=1 SEXUALLY_SUGGESTIVE=2 BELOW_THE_FOLD=3 PARKED_DOMAIN=4 JUVENILE=6
        PROFANITY=7 TRAGEDY=8 VIDEO=9 VIDEO_RATING_DV_G=10 VIDEO_RATING_DV_PG=11 VIDEO_RATING_DV_T=12
        VIDEO_RATING_DV_MA=13 VIDEO_NOT_YET_RATED=14 EMBEDDED_VIDEO=15 LIVE_STREAMING_VIDEO=16
        SOCIAL_ISSUES=17 BRAND_SUITABILITY_CONTENT_FOR_FAMILIES=18 BRAND_SUITABILITY_GAMES_FIGHTING=19
        BRAND_SUITABILITY_GAMES_MATURE=20 BRAND_SUITABILITY_HEALTH_SENSITIVE=21
        BRAND_SUITABILITY_HEALTH_SOURCE_UNDETERMINED=22 BRAND_SUITABILITY_NEWS_RECENT=23
        BRAND_SUITABILITY_NEWS_SENSITIVE=24 BRAND_SUITABILITY_NEWS_SOURCE_NOT_FEATURED=25
        BRAND_SUITABILITY_POLITICS=26 BRAND_SUITABILITY_RELIGION=27
        E %ConversionActionCategory
        UNSPECIFIED=0 UNKNOWN=1 DEFAULT=2 PAGE_VIEW=3 PURCHASE=4 SIGNUP=5 DOWNLOAD=7 ADD_TO_CART=8
        BEGIN_CHECKOUT=9 SUBSCRIBE_PAID=10 PHONE_CALL_LEAD=11 IMPORTED_LEAD=12 SUBMIT_LEAD_FORM=13
        BOOK_APPOINTMENT=14 REQUEST_QUOTE=15 GET_DIRECTIONS=16 OUTBOUND_CLICK=17 CONTACT=18 ENGAGEMENT=19
        STORE_VISIT=20 STORE_SALE=21 QUALIFIED_LEAD=22 CONVERTED_LEAD=23 YOUTUBE_FOLLOW_ON_VIEWS=24
        E %ConversionAttributionEventType
        UNSPECIFIED=0 UNKNOWN=1 IMPRESSION=2 INTERACTION=3 ENGAGED_VIEW=4
        E %ConversionLagBucket
        UNSPECIFIED=0 UNKNOWN=1 LESS_THAN_ONE_DAY=2 ONE_TO_TWO_DAYS=3 TWO_TO_THREE_DAYS=4
        THREE_TO_FOUR_DAYS=5 FOUR_TO_FIVE_DAYS=6 FIVE_TO_SIX_DAYS=7 SIX_TO_SEVEN_DAYS=8
        SEVEN_TO_EIGHT_DAYS=9 EIGHT_TO_NINE_DAYS=10 NINE_TO_TEN_DAYS=11 TEN_TO_ELEVEN_DAYS=12
        ELEVEN_TO_TWELVE_DAYS=13 TWELVE_TO_THIRTEEN_DAYS=14 THIRTEEN_TO_FOURTEEN_DAYS=15
        FOURTEEN_TO_TWENTY_ONE_DAYS=16 TWENTY_ONE_TO_THIRTY_DAYS=17 THIRTY_TO_FORTY_FIVE_DAYS=18
        FORTY_FIVE_TO_SIXTY_DAYS=19 SIXTY_TO_NINETY_DAYS=20
        E %ConversionOrAdjustmentLagBucket
        UNSPECIFIED=0 UNKNOWN=1 CONVERSION_LESS_THAN_ONE_DAY=2 CONVERSION_ONE_TO_TWO_DAYS=3
        CONVERSION_TWO_TO_THREE_DAYS=4 CONVERSION_THREE_TO_FOUR_DAYS=5 CONVERSION_FOUR_TO_FIVE_DAYS=6
        CONVERSION_FIVE_TO_SIX_DAYS=7 CONVERSION_SIX_TO_SEVEN_DAYS=8 CONVERSION_SEVEN_TO_EIGHT_DAYS=9
        CONVERSION_EIGHT_TO_NINE_DAYS=10 CONVERSION_NINE_TO_TEN_DAYS=11 CONVERSION_TEN_TO_ELEVEN_DAYS=12
        CONVERSION_ELEVEN_TO_TWELVE_DAYS=13 CONVERSION_TWELVE_TO_THIRTEEN_DAYS=14
        CONVERSION_THIRTEEN_TO_FOURTEEN_DAYS=15 CONVERSION_FOURTEEN_TO_TWENTY_ONE_DAYS=16
        CONVERSION_TWENTY_ONE_TO_THIRTY_DAYS=17 CONVERSION_THIRTY_TO_FORTY_FIVE_DAYS=18
        CONVERSION_FORTY_FIVE_TO_SIXTY_DAYS=19 CONVERSION_SIXTY_TO_NINETY_DAYS=20
        ADJUSTMENT_LESS_THAN_ONE_DAY=21 ADJUSTMENT_ONE_TO_TWO_DAYS=22 ADJUSTMENT_TWO_TO_THREE_DAYS=23
        ADJUSTMENT_THREE_TO_FOUR_DAYS=24 ADJUSTMENT_FOUR_TO_FIVE_DAYS=25 ADJUSTMENT_FIVE_TO_SIX_DAYS=26
        ADJUSTMENT_SIX_TO_SEVEN_DAYS=27 ADJUSTMENT_SEVEN_TO_EIGHT_DAYS=28 ADJUSTMENT_EIGHT_TO_NINE_DAYS=29
        ADJUSTMENT_NINE_TO_TEN_DAYS=30 ADJUSTMENT_TEN_TO_ELEVEN_DAYS=31 ADJUSTMENT_ELEVEN_TO_TWELVE_DAYS=32
        ADJUSTMENT_TWELVE_TO_THIRTEEN_DAYS=33 ADJUSTMENT_THIRTEEN_TO_FOURTEEN_DAYS=34
        ADJUSTMENT_FOURTEEN_TO_TWENTY_ONE_DAYS=35 ADJUSTMENT_TWENTY_ONE_TO_THIRTY_DAYS=36
        ADJUSTMENT_THIRTY_TO_FORTY_FIVE_DAYS=37 ADJUSTMENT_FORTY_FIVE_TO_SIXTY_DAYS=38
        ADJUSTMENT_SIXTY_TO_NINETY_DAYS=39 ADJUSTMENT_NINETY_TO_ONE_HUNDRED_AND_FORTY_FIVE_DAYS=40
        CONVERSION_UNKNOWN=41 ADJUSTMENT_UNKNOWN=42
        E %ConversionTrackingStatus
        UNSPECIFIED=0 UNKNOWN=1 NOT_CONVERSION_TRACKED=2 CONVERSION_TRACKING_MANAGED_BY_SELF=3
        CONVERSION_TRACKING_MANAGED_BY_THIS_MANAGER=4 CONVERSION_TRACKING_MANAGED_BY_ANOTHER_MANAGER=5
        E %ConversionValueRulePrimaryDimension
        UNSPECIFIED=0 UNKNOWN=1 NO_RULE_APPLIED=2 ORIGINAL=3 NEW_VS_RETURNING_USER=4 GEO_LOCATION=5 DEVICE=6
        AUDIENCE=7 MULTIPLE=8 ITINERARY=9
        E %ConvertingUserPriorEngagementTypeAndLtvBucket
        UNSPECIFIED=0 UNKNOWN=1 NEW=2 RETURNING=3 NEW_AND_HIGH_LTV=4
        E %CriterionSystemServingStatus
        UNSPECIFIED=0 UNKNOWN=1 ELIGIBLE=2 RARELY_SERVED=3
        E %CriterionType
        UNSPECIFIED=0 UNKNOWN=1 KEYWORD=2 PLACEMENT=3 MOBILE_APP_CATEGORY=4 MOBILE_APPLICATION=5 DEVICE=6
        LOCATION=7 LISTING_GROUP=8 AD_SCHEDULE=9 AGE_RANGE=10 GENDER=11 INCOME_RANGE=12 PARENTAL_STATUS=13
        YOUTUBE_VIDEO=14 YOUTUBE_CHANNEL=15 USER_LIST=16 PROXIMITY=17 TOPIC=18 LISTING_SCOPE=19 LANGUAGE=20
        IP_BLOCK=21 CONTENT_LABEL=22 CARRIER=23 USER_INTEREST=24 WEBPAGE=25 OPERATING_SYSTEM_VERSION=26
        APP_PAYMENT_MODEL=27 MOBILE_DEVICE=28 CUSTOM_AFFINITY=29 CUSTOM_INTENT=30 LOCATION_GROUP=31
        CUSTOM_AUDIENCE=32 COMBINED_AUDIENCE=33 KEYWORD_THEME=34 AUDIENCE=35 NEGATIVE_KEYWORD_LIST=36
        LOCAL_SERVICE_ID=37 SEARCH_THEME=38 BRAND=39 BRAND_LIST=40 LIFE_EVENT=41 WEBPAGE_LIST=42
        VIDEO_LINEUP=43 PLACEMENT_LIST=44 VERTICAL_ADS_ITEM_GROUP_RULE_LIST=45
        VERTICAL_ADS_ITEM_GROUP_RULE=46
        E %CustomerPayPerConversionEligibilityFailureReason
        UNSPECIFIED=0 UNKNOWN=1 NOT_ENOUGH_CONVERSIONS=2 CONVERSION_LAG_TOO_HIGH=3
        HAS_CAMPAIGN_WITH_SHARED_BUDGET=4 HAS_UPLOAD_CLICKS_CONVERSION=5 AVERAGE_DAILY_SPEND_TOO_HIGH=6
        ANALYSIS_NOT_COMPLETE=7 OTHER=8
        E %CustomerStatus
        UNSPECIFIED=0 UNKNOWN=1 ENABLED=2 CANCELED=3 SUSPENDED=4 CLOSED=5
        E %DayOfWeek
        UNSPECIFIED=0 UNKNOWN=1 MONDAY=2 TUESDAY=3 WEDNESDAY=4 THURSDAY=5 FRIDAY=6 SATURDAY=7 SUNDAY=8
        E %DemandGenChannelConfig
        UNSPECIFIED=0 UNKNOWN=1 CHANNEL_STRATEGY=2 SELECTED_CHANNELS=3
        E %DemandGenChannelStrategy
        UNSPECIFIED=0 UNKNOWN=1 ALL_CHANNELS=2 ALL_OWNED_AND_OPERATED_CHANNELS=3
        E %Device
        UNSPECIFIED=0 UNKNOWN=1 MOBILE=2 TABLET=3 DESKTOP=4 OTHER=5 CONNECTED_TV=6
        E %DisplayAdFormatSetting
        UNSPECIFIED=0 UNKNOWN=1 ALL_FORMATS=2 NON_NATIVE=3 NATIVE=4
        E %DisplayUploadProductType
        UNSPECIFIED=0 UNKNOWN=1 HTML5_UPLOAD_AD=2 DYNAMIC_HTML5_EDUCATION_AD=3 DYNAMIC_HTML5_FLIGHT_AD=4
        DYNAMIC_HTML5_HOTEL_RENTAL_AD=5 DYNAMIC_HTML5_JOB_AD=6 DYNAMIC_HTML5_LOCAL_AD=7
        DYNAMIC_HTML5_REAL_ESTATE_AD=8 DYNAMIC_HTML5_CUSTOM_AD=9 DYNAMIC_HTML5_TRAVEL_AD=10
        DYNAMIC_HTML5_HOTEL_AD=11
        E %EuPoliticalAdvertisingStatus
        UNSPECIFIED=0 UNKNOWN=1 CONTAINS_EU_POLITICAL_ADVERTISING=2
        DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING=3
        E %ExternalConversionSource
        UNSPECIFIED=0 UNKNOWN=1 WEBPAGE=2 ANALYTICS=3 UPLOAD=4 AD_CALL_METRICS=5 WEBSITE_CALL_METRICS=6
        STORE_VISITS=7 ANDROID_IN_APP=8 IOS_IN_APP=9 IOS_FIRST_OPEN=10 APP_UNSPECIFIED=11
        ANDROID_FIRST_OPEN=12 UPLOAD_CALLS=13 FIREBASE=14 CLICK_TO_CALL=15 SALESFORCE=16 STORE_SALES_CRM=17
        STORE_SALES_PAYMENT_NETWORK=18 GOOGLE_PLAY=19 THIRD_PARTY_APP_ANALYTICS=20 GOOGLE_ATTRIBUTION=21
        STORE_SALES_DIRECT_UPLOAD=23 STORE_SALES=24 SEARCH_ADS_360=25 GOOGLE_HOSTED=27 FLOODLIGHT=29
        ANALYTICS_SEARCH_ADS_360=31 FIREBASE_SEARCH_ADS_360=33 DISPLAY_AND_VIDEO_360_FLOODLIGHT=34
        E %FixedCpmGoal
        UNSPECIFIED=0 UNKNOWN=1 REACH=2 TARGET_FREQUENCY=3
        E %FixedCpmTargetFrequencyTimeUnit
        UNSPECIFIED=0 UNKNOWN=1 MONTHLY=2
        E %FrequencyCapEventType
        UNSPECIFIED=0 UNKNOWN=1 IMPRESSION=2 VIDEO_VIEW=3
        E %FrequencyCapLevel
        UNSPECIFIED=0 UNKNOWN=1 AD_GROUP_AD=2 AD_GROUP=3 CAMPAIGN=4
        E %FrequencyCapTimeUnit
        UNSPECIFIED=0 UNKNOWN=1 DAY=2 WEEK=3 MONTH=4
        E %GenderType
        UNSPECIFIED=0 UNKNOWN=1 MALE=10 FEMALE=11 UNDETERMINED=20
        E %HotelDateSelectionType
        UNSPECIFIED=0 UNKNOWN=1 DEFAULT_SELECTION=50 USER_SELECTED=51
        E %HotelPriceBucket
        UNSPECIFIED=0 UNKNOWN=1 LOWEST_UNIQUE=2 LOWEST_TIED=3 NOT_LOWEST=4 ONLY_PARTNER_SHOWN=5
        E %HotelRateType
        UNSPECIFIED=0 UNKNOWN=1 UNAVAILABLE=2 PUBLIC_RATE=3 QUALIFIED_RATE=4 PRIVATE_RATE=5
        E %IncomeRangeType
        UNSPECIFIED=0 UNKNOWN=1 INCOME_RANGE_UNDETERMINED=510000 INCOME_RANGE_0_50=510001
        INCOME_RANGE_50_60=510002 INCOME_RANGE_60_70=510003 INCOME_RANGE_70_80=510004
        INCOME_RANGE_80_90=510005 INCOME_RANGE_90_UP=510006
        E %InteractionEventType
        UNSPECIFIED=0 UNKNOWN=1 CLICK=2 ENGAGEMENT=3 VIDEO_VIEW=4 NONE=5
        E %KeywordMatchType
        UNSPECIFIED=0 UNKNOWN=1 EXACT=2 PHRASE=3 BROAD=4
        E %LandingPageSource
        UNSPECIFIED=0 UNKNOWN=1 ADVERTISER=2 AUTOMATIC=3
        E %LeadFormCallToActionType
        UNSPECIFIED=0 UNKNOWN=1 LEARN_MORE=2 GET_QUOTE=3 APPLY_NOW=4 SIGN_UP=5 CONTACT_US=6 SUBSCRIBE=7
        DOWNLOAD=8 BOOK_NOW=9 GET_OFFER=10 REGISTER=11 GET_INFO=12 REQUEST_DEMO=13 JOIN_NOW=14
        GET_STARTED=15
        E %LeadFormDesiredIntent
        UNSPECIFIED=0 UNKNOWN=1 LOW_INTENT=2 HIGH_INTENT=3
        E %LeadFormFieldUserInputType
        UNSPECIFIED=0 UNKNOWN=1 FULL_NAME=2 EMAIL=3 PHONE_NUMBER=4 POSTAL_CODE=5 STREET_ADDRESS=8 CITY=9
        REGION=10 COUNTRY=11 WORK_EMAIL=12 COMPANY_NAME=13 WORK_PHONE=14 JOB_TITLE=15
        GOVERNMENT_ISSUED_ID_CPF_BR=16 GOVERNMENT_ISSUED_ID_DNI_AR=17 GOVERNMENT_ISSUED_ID_DNI_PE=18
        GOVERNMENT_ISSUED_ID_RUT_CL=19 GOVERNMENT_ISSUED_ID_CC_CO=20 GOVERNMENT_ISSUED_ID_CI_EC=21
        GOVERNMENT_ISSUED_ID_RFC_MX=22 FIRST_NAME=23 LAST_NAME=24 VEHICLE_MODEL=1001 VEHICLE_TYPE=1002
        PREFERRED_DEALERSHIP=1003 VEHICLE_PURCHASE_TIMELINE=1004 VEHICLE_OWNERSHIP=1005 COMPANY_SIZE=1006
        ANNUAL_SALES=1007 YEARS_IN_BUSINESS=1008 VEHICLE_PAYMENT_TYPE=1009 VEHICLE_CONDITION=1010
        JOB_DEPARTMENT=1011 JOB_ROLE=1012 EDUCATION_PROGRAM=1013 EDUCATION_COURSE=1014 PRODUCT=1016
        SERVICE=1017 OFFER=1018 CATEGORY=1019 PREFERRED_CONTACT_METHOD=1020 PREFERRED_LOCATION=1021
        PREFERRED_CONTACT_TIME=1022 PURCHASE_TIMELINE=1023 PROPERTY_TYPE=1024 REALTOR_HELP_GOAL=1025
        PROPERTY_COMMUNITY=1026 PRICE_RANGE=1027 NUMBER_OF_BEDROOMS=1028 FURNISHED_PROPERTY=1029
        PETS_ALLOWED_PROPERTY=1030 NEXT_PLANNED_PURCHASE=1031 EVENT_SIGNUP_INTEREST=1033
        PREFERRED_SHOPPING_PLACES=1034 FAVORITE_BRAND=1035 TRANSPORTATION_COMMERCIAL_LICENSE_TYPE=1036
        EVENT_BOOKING_INTEREST=1038 DESTINATION_COUNTRY=1039 DESTINATION_CITY=1040 DEPARTURE_COUNTRY=1041
        DEPARTURE_CITY=1042 DEPARTURE_DATE=1043 RETURN_DATE=1044 NUMBER_OF_TRAVELERS=1045 TRAVEL_BUDGET=1046
        TRAVEL_ACCOMMODATION=1047 YEARS_OF_EXPERIENCE=1048 JOB_INDUSTRY=1049 LEVEL_OF_EDUCATION=1050
        OVER_18_AGE=1078 OVER_19_AGE=1079 OVER_20_AGE=1080 OVER_21_AGE=1081 OVER_22_AGE=1082
        OVER_23_AGE=1083 OVER_24_AGE=1084 OVER_25_AGE=1085 OVER_26_AGE=1086 OVER_27_AGE=1087
        OVER_28_AGE=1088 OVER_29_AGE=1089 OVER_30_AGE=1090 OVER_31_AGE=1091 OVER_32_AGE=1092
        OVER_33_AGE=1093 OVER_34_AGE=1094 OVER_35_AGE=1095 OVER_36_AGE=1096 OVER_37_AGE=1097
        OVER_38_AGE=1098 OVER_39_AGE=1099 OVER_40_AGE=1100 OVER_41_AGE=1101 OVER_42_AGE=1102
        OVER_43_AGE=1103 OVER_44_AGE=1104 OVER_45_AGE=1105 OVER_46_AGE=1106 OVER_47_AGE=1107
        OVER_48_AGE=1108 OVER_49_AGE=1109 OVER_50_AGE=1110 OVER_51_AGE=1111 OVER_52_AGE=1112
        OVER_53_AGE=1113 OVER_54_AGE=1114 OVER_55_AGE=1115 OVER_56_AGE=1116 OVER_57_AGE=1117
        OVER_58_AGE=1118 OVER_59_AGE=1119 OVER_60_AGE=1120 OVER_61_AGE=1121 OVER_62_AGE=1122
        OVER_63_AGE=1123 OVER_64_AGE=1124 OVER_65_AGE=1125
        E %LeadFormPostSubmitCallToActionType
        UNSPECIFIED=0 UNKNOWN=1 VISIT_SITE=2 DOWNLOAD=3 LEARN_MORE=4 SHOP_NOW=5
        E %LegacyAppInstallAdAppStore
        UNSPECIFIED=0 UNKNOWN=1 APPLE_APP_STORE=2 GOOGLE_PLAY=3 WINDOWS_STORE=4 WINDOWS_PHONE_STORE=5
        CN_APP_STORE=6
        E %ListingGroupType
        UNSPECIFIED=0 UNKNOWN=1 SUBDIVISION=2 UNIT=3
        E %ListingType
        UNSPECIFIED=0 UNKNOWN=1 VEHICLES=2
        E %LocalServicesVerificationStatus
        UNSPECIFIED=0 UNKNOWN=1 NEEDS_REVIEW=2 FAILED=3 PASSED=4 NOT_APPLICABLE=5 NO_SUBMISSION=6
        PARTIAL_SUBMISSION=7 PENDING_ESCALATION=8
        E %LocationGroupRadiusUnits
        UNSPECIFIED=0 UNKNOWN=1 METERS=2 MILES=3 MILLI_MILES=4
        E %LocationOwnershipType
        UNSPECIFIED=0 UNKNOWN=1 BUSINESS_OWNER=2 AFFILIATE=3
        E %LocationSourceType
        UNSPECIFIED=0 UNKNOWN=1 GOOGLE_MY_BUSINESS=2 AFFILIATE=3
        E %MatchType
        UNSPECIFIED=0 UNKNOWN=1 BROAD=2 EXACT=3 PHRASE=4 AI_MAX=5
        E %MessagingRestrictionType
        UNSPECIFIED=0 UNKNOWN=1 RESTRICTION_BASED_EXCLUSION=2
        E %MimeType
        UNSPECIFIED=0 UNKNOWN=1 IMAGE_JPEG=2 IMAGE_GIF=3 IMAGE_PNG=4 FLASH=5 TEXT_HTML=6 PDF=7 MSWORD=8
        MSEXCEL=9 RTF=10 AUDIO_WAV=11 AUDIO_MP3=12 HTML5_AD_ZIP=13
        E %MinuteOfHour
        UNSPECIFIED=0 UNKNOWN=1 ZERO=2 FIFTEEN=3 THIRTY=4 FORTY_FIVE=5
        E %MobileAppVendor
        UNSPECIFIED=0 UNKNOWN=1 APPLE_APP_STORE=2 GOOGLE_APP_STORE=3
        E %MonthOfYear
        UNSPECIFIED=0 UNKNOWN=1 JANUARY=2 FEBRUARY=3 MARCH=4 APRIL=5 MAY=6 JUNE=7 JULY=8 AUGUST=9
        SEPTEMBER=10 OCTOBER=11 NOVEMBER=12 DECEMBER=13
        E %NegativeGeoTargetType
        UNSPECIFIED=0 UNKNOWN=1 PRESENCE_OR_INTEREST=4 PRESENCE=5
        E %NonSkippableMaxDuration
        UNSPECIFIED=0 UNKNOWN=1 MAX_DURATION_FIFTEEN_SECONDS=2 MAX_DURATION_THIRTY_SECONDS=3
        MAX_DURATION_SIXTY_SECONDS=4
        E %NonSkippableMinDuration
        UNSPECIFIED=0 UNKNOWN=1 MIN_DURATION_FIVE_SECONDS=2 MIN_DURATION_SEVEN_SECONDS=3
        MIN_DURATION_SIXTEEN_SECONDS=4 MIN_DURATION_THIRTY_ONE_SECONDS=5
        E %OptimizationGoalType
        UNSPECIFIED=0 UNKNOWN=1 CALL_CLICKS=2 DRIVING_DIRECTIONS=3 APP_PRE_REGISTRATION=4
        E %ParentalStatusType
        UNSPECIFIED=0 UNKNOWN=1 PARENT=300 NOT_A_PARENT=301 UNDETERMINED=302
        E %PaymentMode
        UNSPECIFIED=0 UNKNOWN=1 CLICKS=4 CONVERSION_VALUE=5 CONVERSIONS=6 GUEST_STAY=7
        E %PerformanceMaxUpgradeStatus
        UNSPECIFIED=0 UNKNOWN=1 UPGRADE_IN_PROGRESS=3 UPGRADE_COMPLETE=4 UPGRADE_FAILED=5 UPGRADE_ELIGIBLE=6
        E %PolicyApprovalStatus
        UNSPECIFIED=0 UNKNOWN=1 DISAPPROVED=2 APPROVED_LIMITED=3 APPROVED=4 AREA_OF_INTEREST_ONLY=5
        E %PolicyReviewStatus
        UNSPECIFIED=0 UNKNOWN=1 REVIEW_IN_PROGRESS=2 REVIEWED=3 UNDER_APPEAL=4 ELIGIBLE_MAY_SERVE=5
        E %PolicyTopicEntryType
        UNSPECIFIED=0 UNKNOWN=1 PROHIBITED=2 LIMITED=4 DESCRIPTIVE=5 BROADENING=6 AREA_OF_INTEREST_ONLY=7
        FULLY_LIMITED=8
        E %PolicyTopicEvidenceDestinationMismatchUrlType
        UNSPECIFIED=0 UNKNOWN=1 DISPLAY_URL=2 FINAL_URL=3 FINAL_MOBILE_URL=4 TRACKING_URL=5
        MOBILE_TRACKING_URL=6
        E %PolicyTopicEvidenceDestinationNotWorkingDevice
        UNSPECIFIED=0 UNKNOWN=1 DESKTOP=2 ANDROID=3 IOS=4
        E %PolicyTopicEvidenceDestinationNotWorkingDnsErrorType
        UNSPECIFIED=0 UNKNOWN=1 HOSTNAME_NOT_FOUND=2 GOOGLE_CRAWLER_DNS_ISSUE=3
        E %PositiveGeoTargetType
        UNSPECIFIED=0 UNKNOWN=1 PRESENCE_OR_INTEREST=5 SEARCH_INTEREST=6 PRESENCE=7
        E %PriceExtensionPriceQualifier
        UNSPECIFIED=0 UNKNOWN=1 FROM=2 UP_TO=3 AVERAGE=4
        E %PriceExtensionPriceUnit
        UNSPECIFIED=0 UNKNOWN=1 PER_HOUR=2 PER_DAY=3 PER_WEEK=4 PER_MONTH=5 PER_YEAR=6 PER_NIGHT=7
        E %PriceExtensionType
        UNSPECIFIED=0 UNKNOWN=1 BRANDS=2 EVENTS=3 LOCATIONS=4 NEIGHBORHOODS=5 PRODUCT_CATEGORIES=6
        PRODUCT_TIERS=7 SERVICES=8 SERVICE_CATEGORIES=9 SERVICE_TIERS=10
        E %ProductCategoryLevel
        UNSPECIFIED=0 UNKNOWN=1 LEVEL1=2 LEVEL2=3 LEVEL3=4 LEVEL4=5 LEVEL5=6
        E %ProductChannel
        UNSPECIFIED=0 UNKNOWN=1 ONLINE=2 LOCAL=3
        E %ProductChannelExclusivity
        UNSPECIFIED=0 UNKNOWN=1 SINGLE_CHANNEL=2 MULTI_CHANNEL=3
        E %ProductCondition
        UNSPECIFIED=0 UNKNOWN=1 NEW=3 REFURBISHED=4 USED=5
        E %ProductCustomAttributeIndex
        UNSPECIFIED=0 UNKNOWN=1 INDEX0=7 INDEX1=8 INDEX2=9 INDEX3=10 INDEX4=11
        E %ProductTypeLevel
        UNSPECIFIED=0 UNKNOWN=1 LEVEL1=7 LEVEL2=8 LEVEL3=9 LEVEL4=10 LEVEL5=11
        E %PromotionBarcodeType
        UNSPECIFIED=0 UNKNOWN=1 AZTEC=2 CODABAR=3 CODE39=4 CODE128=5 DATA_MATRIX=6 EAN8=7 EAN13=8 ITF=9
        PDF417=10 UPC_A=11
        E %PromotionExtensionDiscountModifier
        UNSPECIFIED=0 UNKNOWN=1 UP_TO=2
        E %PromotionExtensionOccasion
        UNSPECIFIED=0 UNKNOWN=1 NEW_YEARS=2 CHINESE_NEW_YEAR=3 VALENTINES_DAY=4 EASTER=5 MOTHERS_DAY=6
        FATHERS_DAY=7 LABOR_DAY=8 BACK_TO_SCHOOL=9 HALLOWEEN=10 BLACK_FRIDAY=11 CYBER_MONDAY=12 CHRISTMAS=13
        BOXING_DAY=14 INDEPENDENCE_DAY=15 NATIONAL_DAY=16 END_OF_SEASON=17 WINTER_SALE=18 SUMMER_SALE=19
        FALL_SALE=20 SPRING_SALE=21 RAMADAN=22 EID_AL_FITR=23 EID_AL_ADHA=24 SINGLES_DAY=25 WOMENS_DAY=26
        HOLI=27 PARENTS_DAY=28 ST_NICHOLAS_DAY=29 CARNIVAL=30 EPIPHANY=31 ROSH_HASHANAH=32 PASSOVER=33
        HANUKKAH=34 DIWALI=35 NAVRATRI=36 SONGKRAN=37 YEAR_END_GIFT=38
        E %ProximityRadiusUnits
        UNSPECIFIED=0 UNKNOWN=1 MILES=2 KILOMETERS=3
        E %QualityScoreBucket
        UNSPECIFIED=0 UNKNOWN=1 BELOW_AVERAGE=2 AVERAGE=3 ABOVE_AVERAGE=4
        E %RecommendationType
        UNSPECIFIED=0 UNKNOWN=1 CAMPAIGN_BUDGET=2 KEYWORD=3 TEXT_AD=4 TARGET_CPA_OPT_IN=5
        MAXIMIZE_CONVERSIONS_OPT_IN=6 ENHANCED_CPC_OPT_IN=7 SEARCH_PARTNERS_OPT_IN=8
        MAXIMIZE_CLICKS_OPT_IN=9 OPTIMIZE_AD_ROTATION=10 KEYWORD_MATCH_TYPE=14 MOVE_UNUSED_BUDGET=15
        FORECASTING_CAMPAIGN_BUDGET=16 TARGET_ROAS_OPT_IN=17 RESPONSIVE_SEARCH_AD=18
        MARGINAL_ROI_CAMPAIGN_BUDGET=19 USE_BROAD_MATCH_KEYWORD=20 RESPONSIVE_SEARCH_AD_ASSET=21
        UPGRADE_SMART_SHOPPING_CAMPAIGN_TO_PERFORMANCE_MAX=22 RESPONSIVE_SEARCH_AD_IMPROVE_AD_STRENGTH=23
        DISPLAY_EXPANSION_OPT_IN=24 UPGRADE_LOCAL_CAMPAIGN_TO_PERFORMANCE_MAX=25
        RAISE_TARGET_CPA_BID_TOO_LOW=26 FORECASTING_SET_TARGET_ROAS=27 CALLOUT_ASSET=28 SITELINK_ASSET=29
        CALL_ASSET=30 SHOPPING_ADD_AGE_GROUP=31 SHOPPING_ADD_COLOR=32 SHOPPING_ADD_GENDER=33
        SHOPPING_ADD_GTIN=34 SHOPPING_ADD_MORE_IDENTIFIERS=35 SHOPPING_ADD_SIZE=36
        SHOPPING_ADD_PRODUCTS_TO_CAMPAIGN=37 SHOPPING_FIX_DISAPPROVED_PRODUCTS=38
        SHOPPING_TARGET_ALL_OFFERS=39 SHOPPING_FIX_SUSPENDED_MERCHANT_CENTER_ACCOUNT=40
        SHOPPING_FIX_MERCHANT_CENTER_ACCOUNT_SUSPENSION_WARNING=41
        SHOPPING_MIGRATE_REGULAR_SHOPPING_CAMPAIGN_OFFERS_TO_PERFORMANCE_MAX=42
        DYNAMIC_IMAGE_EXTENSION_OPT_IN=43 RAISE_TARGET_CPA=44 LOWER_TARGET_ROAS=45 PERFORMANCE_MAX_OPT_IN=46
        IMPROVE_PERFORMANCE_MAX_AD_STRENGTH=47 MIGRATE_DYNAMIC_SEARCH_ADS_CAMPAIGN_TO_PERFORMANCE_MAX=48
        FORECASTING_SET_TARGET_CPA=49 SET_TARGET_CPA=50 SET_TARGET_ROAS=51
        MAXIMIZE_CONVERSION_VALUE_OPT_IN=52 IMPROVE_GOOGLE_TAG_COVERAGE=53
        PERFORMANCE_MAX_FINAL_URL_OPT_IN=54 REFRESH_CUSTOMER_MATCH_LIST=55 CUSTOM_AUDIENCE_OPT_IN=56
        LEAD_FORM_ASSET=57 IMPROVE_DEMAND_GEN_AD_STRENGTH=58
        E %ResponseContentType
        UNSPECIFIED=0 RESOURCE_NAME_ONLY=1 MUTABLE_RESOURCE=2
        E %SearchEngineResultsPageType
        UNSPECIFIED=0 UNKNOWN=1 ADS_ONLY=2 ORGANIC_ONLY=3 ADS_AND_ORGANIC=4
        E %SearchTermMatchSource
        UNSPECIFIED=0 UNKNOWN=1 ADVERTISER_PROVIDED_KEYWORD=2 AI_MAX_KEYWORDLESS=3 AI_MAX_BROAD_MATCH=4
        DYNAMIC_SEARCH_ADS=5 PERFORMANCE_MAX=6 VERTICAL_ADS_DATA_FEED=7
        E %SearchTermMatchType
        UNSPECIFIED=0 UNKNOWN=1 BROAD=2 EXACT=3 PHRASE=4 NEAR_EXACT=5 NEAR_PHRASE=6 AI_MAX=7
        PERFORMANCE_MAX=8
        E %SearchTermTargetingStatus
        UNSPECIFIED=0 UNKNOWN=1 ADDED=2 EXCLUDED=3 ADDED_EXCLUDED=4 NONE=5
        E %ServedAssetFieldType
        UNSPECIFIED=0 UNKNOWN=1 HEADLINE_1=2 HEADLINE_2=3 HEADLINE_3=4 DESCRIPTION_1=5 DESCRIPTION_2=6
        HEADLINE=7 HEADLINE_IN_PORTRAIT=8 LONG_HEADLINE=9 DESCRIPTION=10 DESCRIPTION_IN_PORTRAIT=11
        BUSINESS_NAME_IN_PORTRAIT=12 BUSINESS_NAME=13 MARKETING_IMAGE=14 MARKETING_IMAGE_IN_PORTRAIT=15
        SQUARE_MARKETING_IMAGE=16 PORTRAIT_MARKETING_IMAGE=17 LOGO=18 LANDSCAPE_LOGO=19 CALL_TO_ACTION=20
        YOU_TUBE_VIDEO=21 SITELINK=22 CALL=23 MOBILE_APP=24 CALLOUT=25 STRUCTURED_SNIPPET=26 PRICE=27
        PROMOTION=28 AD_IMAGE=29 LEAD_FORM=30 BUSINESS_LOGO=31 DESCRIPTION_PREFIX=32
        HEADLINE_AS_SITELINK_POSITION_ONE=39 HEADLINE_AS_SITELINK_POSITION_TWO=40
        DESCRIPTION_LINE_HEADLINE_AS_SITELINK_POSITION_ONE=41
        DESCRIPTION_LINE_HEADLINE_AS_SITELINK_POSITION_TWO=42
        E %SkAdNetworkAdEventType
        UNSPECIFIED=0 UNKNOWN=1 UNAVAILABLE=2 INTERACTION=3 VIEW=4
        E %SkAdNetworkAttributionCredit
        UNSPECIFIED=0 UNKNOWN=1 UNAVAILABLE=2 WON=3 CONTRIBUTED=4
        E %SkAdNetworkCoarseConversionValue
        UNSPECIFIED=0 UNKNOWN=1 UNAVAILABLE=2 LOW=3 MEDIUM=4 HIGH=5 NONE=6
        E %SkAdNetworkSourceType
        UNSPECIFIED=0 UNKNOWN=1 UNAVAILABLE=2 WEBSITE=3 MOBILE_APPLICATION=4
        E %SkAdNetworkUserType
        UNSPECIFIED=0 UNKNOWN=1 UNAVAILABLE=2 NEW_INSTALLER=3 REINSTALLER=4
        E %Slot
        UNSPECIFIED=0 UNKNOWN=1 SEARCH_SIDE=2 SEARCH_TOP=3 SEARCH_OTHER=4 CONTENT=5 SEARCH_PARTNER_TOP=6
        SEARCH_PARTNER_OTHER=7 MIXED=8
        E %SummaryRowSetting
        UNSPECIFIED=0 UNKNOWN=1 NO_SUMMARY_ROW=2 SUMMARY_ROW_WITH_RESULTS=3 SUMMARY_ROW_ONLY=4
        E %SyntheticContentAttestationStatus
        UNSPECIFIED=0 UNKNOWN=1 NOT_SYNTHETIC=2 IS_SYNTHETIC=3
        E %SyntheticContentSource
        UNSPECIFIED=0 UNKNOWN=1 ADVERTISER_ATTESTED=2 GOOGLE_GENERATED_ADVERTISER_REVIEWED=3
        GOOGLE_GENERATED_FULLY_AUTOMATED=4
        E %SystemManagedResourceSource
        UNSPECIFIED=0 UNKNOWN=1 AD_VARIATIONS=2
        E %TargetFrequencyTimeUnit
        UNSPECIFIED=0 UNKNOWN=1 WEEKLY=2 MONTHLY=3
        E %TargetImpressionShareLocation
        UNSPECIFIED=0 UNKNOWN=1 ANYWHERE_ON_PAGE=2 TOP_OF_PAGE=3 ABSOLUTE_TOP_OF_PAGE=4
        E %TargetingDimension
        UNSPECIFIED=0 UNKNOWN=1 KEYWORD=2 AUDIENCE=3 TOPIC=4 GENDER=5 AGE_RANGE=6 PLACEMENT=7
        PARENTAL_STATUS=8 INCOME_RANGE=9
        E %ThirdPartyBrandLiftIntegrationPartner
        UNSPECIFIED=0 UNKNOWN=1 KANTAR_MILLWARD_BROWN=2 DYNATA=3 INTAGE=4 MACROMILL=5
        E %ThirdPartyBrandSafetyIntegrationPartner
        UNSPECIFIED=0 UNKNOWN=1 DOUBLE_VERIFY=2 INTEGRAL_AD_SCIENCE=3 ZEFR=4
        E %ThirdPartyReachIntegrationPartner
        UNSPECIFIED=0 UNKNOWN=1 NIELSEN=2 COMSCORE=3 KANTAR_MILLWARD_BROWN=4 VIDEO_RESEARCH=5 GEMIUS=6
        MEDIA_SCOPE=7 AUDIENCE_PROJECT=8 VIDEO_AMP=9 ISPOT_TV=10
        E %ThirdPartyViewabilityIntegrationPartner
        UNSPECIFIED=0 UNKNOWN=1 DOUBLE_VERIFY=2 INTEGRAL_AD_SCIENCE=3
        E %VanityPharmaDisplayUrlMode
        UNSPECIFIED=0 UNKNOWN=1 MANUFACTURER_WEBSITE_URL=2 WEBSITE_DESCRIPTION=3
        E %VanityPharmaText
        UNSPECIFIED=0 UNKNOWN=1 PRESCRIPTION_TREATMENT_WEBSITE_EN=2 PRESCRIPTION_TREATMENT_WEBSITE_ES=3
        PRESCRIPTION_DEVICE_WEBSITE_EN=4 PRESCRIPTION_DEVICE_WEBSITE_ES=5 MEDICAL_DEVICE_WEBSITE_EN=6
        MEDICAL_DEVICE_WEBSITE_ES=7 PREVENTATIVE_TREATMENT_WEBSITE_EN=8 PREVENTATIVE_TREATMENT_WEBSITE_ES=9
        PRESCRIPTION_CONTRACEPTION_WEBSITE_EN=10 PRESCRIPTION_CONTRACEPTION_WEBSITE_ES=11
        PRESCRIPTION_VACCINE_WEBSITE_EN=12 PRESCRIPTION_VACCINE_WEBSITE_ES=13
        E %VerticalAdsItemVerticalType
        UNSPECIFIED=0 UNKNOWN=1 HOTELS=2 VACATION_RENTALS=3 RENTAL_CARS=4 EVENTS=5 THINGS_TO_DO=6 FLIGHTS=7
        E %VideoAdFormatRestriction
        UNSPECIFIED=0 UNKNOWN=1 NON_SKIPPABLE_IN_STREAM=2
        E %VideoAdSequenceInteractionType
        UNSPECIFIED=0 UNKNOWN=1 PAID_VIEW=2 SKIP=3 IMPRESSION=4 ENGAGED_IMPRESSION=5
        E %VideoAdSequenceMinimumDuration
        UNSPECIFIED=0 UNKNOWN=1 WEEK=2 MONTH=3
        E %VideoThumbnail
        UNSPECIFIED=0 UNKNOWN=1 DEFAULT_THUMBNAIL=2 THUMBNAIL_1=3 THUMBNAIL_2=4 THUMBNAIL_3=5
        E %WebpageConditionOperand
        UNSPECIFIED=0 UNKNOWN=1 URL=2 CATEGORY=3 PAGE_TITLE=4 PAGE_CONTENT=5 CUSTOM_LABEL=6
        E %WebpageConditionOperator
        UNSPECIFIED=0 UNKNOWN=1 EQUALS=2 CONTAINS=3
        E resources.Campaign.AiMaxSetting.AiMaxBundlingRequired
        UNSPECIFIED=0 UNKNOWN=1 NOT_REQUIRED=2 REQUIRED=3
        """#
}

// How the text above was generated (run with the repository's .venv, which has google-ads 34.0.0):
//
// """Generates MockPlatforms/Google/GoogleAdsSchemaData.swift's text from the official google-ads v23 descriptors."""
// import sys
// from google.ads.googleads.v23.services.types import (google_ads_service, campaign_service, campaign_budget_service,
//     ad_group_service, ad_group_ad_service, asset_service, campaign_criterion_service, ad_group_criterion_service)
// from google.ads.googleads.v23.common.types import metrics, segments
// from google.ads.googleads.v23.resources.types import customer
// from google.protobuf import descriptor as D
//
// PREFIX = "google.ads.googleads.v23."
// roots = [google_ads_service.MutateGoogleAdsRequest, google_ads_service.SearchGoogleAdsRequest,
//     google_ads_service.SearchGoogleAdsStreamRequest, campaign_service.MutateCampaignsRequest,
//     campaign_budget_service.MutateCampaignBudgetsRequest, ad_group_service.MutateAdGroupsRequest,
//     ad_group_ad_service.MutateAdGroupAdsRequest, asset_service.MutateAssetsRequest,
//     campaign_criterion_service.MutateCampaignCriteriaRequest, ad_group_criterion_service.MutateAdGroupCriteriaRequest,
//     metrics.Metrics, segments.Segments, customer.Customer]
// supported_ops = {'campaign_budget_operation', 'campaign_operation', 'ad_group_operation', 'ad_group_ad_operation',
//     'campaign_criterion_operation', 'ad_group_criterion_operation', 'asset_operation'}
// messages = {}
// enums = {}
// wkt = set()
// def short(name):
//     return name[len(PREFIX):] if name.startswith(PREFIX) else name
// def enum_ref(name):
//     # "enums.FooEnum.Foo" is written "%Foo" to keep lines short; the Swift side expands it again.
//     parts = name.split(".")
//     if len(parts) == 3 and parts[0] == "enums" and parts[1] == parts[2] + "Enum":
//         return "%" + parts[2]
//     return name
// def walk(desc):
//     if desc.full_name in messages: return
//     messages[desc.full_name] = desc
//     for f in desc.fields:
//         if desc.name == 'MutateOperation' and f.name not in supported_ops: continue
//         if f.message_type is not None:
//             if f.message_type.full_name.startswith('google.protobuf.') or f.message_type.GetOptions().map_entry:
//                 wkt.add(f.message_type.full_name); continue
//             walk(f.message_type)
//         if f.enum_type is not None:
//             enums[f.enum_type.full_name] = f.enum_type
// for r in roots: walk(r.pb().DESCRIPTOR)
// T = D.FieldDescriptor
// kinds = {T.TYPE_STRING: 's', T.TYPE_BYTES: 'y', T.TYPE_BOOL: 'b', T.TYPE_INT32: 'i32', T.TYPE_SINT32: 'i32',
//     T.TYPE_SFIXED32: 'i32', T.TYPE_UINT32: 'u32', T.TYPE_FIXED32: 'u32', T.TYPE_INT64: 'i64', T.TYPE_SINT64: 'i64',
//     T.TYPE_SFIXED64: 'i64', T.TYPE_UINT64: 'u64', T.TYPE_FIXED64: 'u64', T.TYPE_FLOAT: 'f', T.TYPE_DOUBLE: 'd'}
// out = []
// for name in sorted(messages):
//     m = messages[name]
//     out.append("M " + short(name))
//     for f in m.fields:
//         rep = '*' if f.is_repeated else ''
//         if f.message_type is not None:
//             full = f.message_type.full_name
//             if full == 'google.protobuf.FieldMask' or full == 'google.protobuf.Duration' or full == 'google.protobuf.Timestamp':
//                 k, ref = 's', ''
//             elif full.startswith('google.protobuf.') or f.message_type.GetOptions().map_entry:
//                 k, ref, rep = 'x', '', ''
//             elif m.name == 'MutateOperation' and f.name not in supported_ops:
//                 k, ref = 'x', ''
//             else:
//                 k, ref = 'm', short(full)
//         elif f.enum_type is not None:
//             k, ref = 'e', enum_ref(short(f.enum_type.full_name))
//         else:
//             k, ref = kinds[f.type], ''
//         oneof = f.containing_oneof
//         group = '@' + oneof.name if oneof is not None and not (len(oneof.fields) == 1 and oneof.name == '_' + f.name) else ''
//         # proto-plus renames fields named like Python keywords (`type` → `type_`); the wire name is the JSON name.
//         name = f.name[:-1] if f.name.endswith("_") and f.json_name == f.name[:-1] else f.name
//         out.append(" ".join(x for x in [name, k + rep, ref, group] if x))
// for name in sorted(enums):
//     e = enums[name]
//     out.append("E " + enum_ref(short(name)))
//     line = ""
//     for v in e.values:
//         token = f"{v.name}={v.number}"
//         if line and len(line) + 1 + len(token) > 100:
//             out.append(line); line = token
//         else:
//             line = (line + " " + token) if line else token
//     if line: out.append(line)
// text = "\n".join(out)
// sys.stderr.write(f"{len(messages)} messages, {len(enums)} enums, {len(text)} chars, wkt={sorted(wkt)}\n")
// print(text)
