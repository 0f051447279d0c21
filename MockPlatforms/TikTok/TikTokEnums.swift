/// The enum values the emulator accepts, from reference §2.2 (public objective list, the SDK's `yml_files`
/// specs and the 2023 SDK model docs). Ordered as TikTok lists them so "Must be one of" messages read naturally.
enum TikTokEnums {
    /// `objective_type`: the public objectives.
    static let objectiveTypes = [
        "REACH", "TRAFFIC", "VIDEO_VIEWS", "ENGAGEMENT", "APP_PROMOTION", "LEAD_GENERATION", "WEB_CONVERSIONS",
        "PRODUCT_SALES", "RF_REACH",
    ]
    /// `budget_mode`.
    static let budgetModes = [
        "BUDGET_MODE_DAY", "BUDGET_MODE_TOTAL", "BUDGET_MODE_INFINITE", "BUDGET_MODE_DYNAMIC_DAILY_BUDGET",
    ]
    /// `operation_status` on create and in `/status/update/` (which also takes `DELETE`).
    static let createStatuses = ["ENABLE", "DISABLE"]
    /// `operation_status` in `/status/update/`.
    static let statusUpdates = ["ENABLE", "DISABLE", "DELETE"]
    /// `billing_event`.
    static let billingEvents = ["CPC", "CPM", "CPV", "OCPM", "CPA", "GD"]
    /// `optimization_goal`: the current set plus the deprecated values TikTok still accepts.
    static let optimizationGoals = [
        "CLICK", "CONVERT", "INSTALL", "IN_APP_EVENT", "SHOW", "REACH", "LEAD_GENERATION", "PREFERRED_LEAD",
        "CONVERSATION", "FOLLOWERS", "PAGE_VISIT", "VALUE", "AUTOMATIC_VALUE_OPTIMIZATION", "ENGAGED_VIEW",
        "ENGAGED_VIEW_FIFTEEN", "TRAFFIC_LANDING_PAGE_VIEW", "DESTINATION_VISIT", "MT_LIVE_ROOM",
        "PRODUCT_CLICK_IN_LIVE", "VIDEO_VIEW", "CONVERSION_LEADS", "PROFILE_VIEWS",
    ]
    /// `pacing`.
    static let pacings = ["PACING_MODE_SMOOTH", "PACING_MODE_FAST"]
    /// `schedule_type`.
    static let scheduleTypes = ["SCHEDULE_START_END", "SCHEDULE_FROM_NOW"]
    /// `placement_type`.
    static let placementTypes = ["PLACEMENT_TYPE_AUTOMATIC", "PLACEMENT_TYPE_NORMAL"]
    /// `placements`.
    static let placements = ["PLACEMENT_TIKTOK", "PLACEMENT_PANGLE", "PLACEMENT_GLOBAL_APP_BUNDLE"]
    /// `bid_type`.
    static let bidTypes = ["BID_TYPE_NO_BID", "BID_TYPE_CUSTOM", "BID_TYPE_MAX_CONVERSION"]
    /// `age_groups`: TikTok's age buckets.
    static let ageGroups = ["AGE_13_17", "AGE_18_24", "AGE_25_34", "AGE_35_44", "AGE_45_54", "AGE_55_100"]
    /// `deep_bid_type`: the secondary bidding of value-optimised ad groups (only minimum ROAS is modelled).
    static let deepBidTypes = ["DEFAULT", "VO_MIN_ROAS", "VO_HIGHEST_VALUE"]
    /// `gender`.
    static let genders = ["GENDER_FEMALE", "GENDER_MALE", "GENDER_UNLIMITED"]
    /// `call_to_action`.
    static let callsToAction = [
        "LEARN_MORE", "DOWNLOAD_NOW", "SHOP_NOW", "SIGN_UP", "CONTACT_US", "APPLY_NOW", "BOOK_NOW", "PLAY_GAME",
        "WATCH_NOW", "READ_MORE", "VIEW_NOW", "GET_QUOTE", "ORDER_NOW", "INSTALL_NOW", "GET_SHOWTIMES",
        "LISTEN_NOW", "INTERESTED", "SUBSCRIBE", "GET_TICKETS_NOW", "EXPERIENCE_NOW", "PREORDER_NOW",
        "VISIT_STORE", "VIEW_PROFILE", "VIEW_VIDEO_WITH_THIS_EFFECT", "CHECK_IT_OUT", "JOIN_THIS_HASHTAG",
        "SHOOT_WITH_THIS_EFFECT", "USE_THIS_SOUND", "SEND_MESSAGE", "CALL_NOW", "BUY_NOW", "GET_NOW",
        "WATCH_LIVE",
    ]
    /// `ad_format`.
    static let adFormats = ["SINGLE_IMAGE", "SINGLE_VIDEO", "CAROUSEL_ADS", "CATALOG_CAROUSEL", "LIVE_CONTENT"]
    /// `identity_type`.
    static let identityTypes = ["CUSTOMIZED_USER", "AUTH_CODE", "TT_USER", "BC_AUTH_TT"]
    /// `upload_type` for images.
    static let uploadTypes = ["UPLOAD_BY_FILE", "UPLOAD_BY_URL", "UPLOAD_BY_FILE_ID"]
    /// `primary_status` filter values on `/get/` endpoints.
    static let primaryStatuses = [
        "STATUS_ALL", "STATUS_NOT_DELETE", "STATUS_NOT_DELIVERY", "STATUS_DELIVERY_OK", "STATUS_DISABLE",
        "STATUS_DELETE",
    ]
    /// Report `report_type`.
    static let reportTypes = ["BASIC", "AUDIENCE", "PLAYABLE_MATERIAL", "CATALOG", "BC", "TT_SHOP"]
    /// Report `data_level`.
    static let dataLevels = [
        "AUCTION_ADVERTISER", "AUCTION_CAMPAIGN", "AUCTION_ADGROUP", "AUCTION_AD", "RESERVATION_ADVERTISER",
        "RESERVATION_CAMPAIGN", "RESERVATION_ADGROUP", "RESERVATION_AD",
    ]
    /// Report `service_type`.
    static let serviceTypes = ["AUCTION", "RESERVATION"]
    /// Report `order_type`.
    static let orderTypes = ["ASC", "DESC"]
    /// Report `query_mode`.
    static let queryModes = ["REGULAR", "CHUNK"]
}
