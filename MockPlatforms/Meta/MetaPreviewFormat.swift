/// Meta's `ad_format` values for `previews` and `generatepreviews`, and how the emulator lays each one out.
///
/// The 76 values are those of `AdPreview.AdFormat` in the official SDK (ops-anchors §5). Every value is accepted;
/// the emulator draws four layouts: the desktop feed, the mobile feed, the Instagram feed and the full-screen 9:16
/// story (stories and reels). Formats of other families (Audience Network, in-stream, Messenger, WhatsApp…) are
/// drawn as the mobile feed, and the page says so.
enum MetaPreviewFormat {
    /// How a format is drawn.
    enum Layout: String {
        case desktopFeed, mobileFeed, instagramFeed, story
    }

    /// Every `ad_format` value, in the SDK's order.
    static let values = MetaVocabulary.Enumeration([
        "AUDIENCE_NETWORK_INSTREAM_VIDEO", "AUDIENCE_NETWORK_INSTREAM_VIDEO_MOBILE", "AUDIENCE_NETWORK_OUTSTREAM_VIDEO",
        "AUDIENCE_NETWORK_REWARDED_VIDEO", "BIZ_DISCO_FEED_MOBILE", "DESKTOP_FEED_STANDARD",
        "FACEBOOK_IFU_REELS_MOBILE",
        "FACEBOOK_PROFILE_FEED_DESKTOP", "FACEBOOK_PROFILE_FEED_MOBILE", "FACEBOOK_PROFILE_REELS_MOBILE",
        "FACEBOOK_REELS_BANNER", "FACEBOOK_REELS_BANNER_DESKTOP", "FACEBOOK_REELS_BANNER_FEED_ANDROID",
        "FACEBOOK_REELS_BANNER_FEED_ANDROID_LARGE", "FACEBOOK_REELS_BANNER_FULLSCREEN_IOS",
        "FACEBOOK_REELS_BANNER_FULLSCREEN_MOBILE", "FACEBOOK_REELS_MOBILE", "FACEBOOK_REELS_POSTLOOP",
        "FACEBOOK_REELS_POSTLOOP_FEED", "FACEBOOK_REELS_SIMILAR_PRODUCTS_MOBILE", "FACEBOOK_REELS_STICKER",
        "FACEBOOK_STORY_MOBILE", "FACEBOOK_STORY_STICKER_MOBILE", "INSTAGRAM_EXPLORE_CONTEXTUAL",
        "INSTAGRAM_EXPLORE_GRID_HOME", "INSTAGRAM_EXPLORE_IMMERSIVE", "INSTAGRAM_FEED_WEB", "INSTAGRAM_FEED_WEB_M_SITE",
        "INSTAGRAM_LEAD_GEN_MULTI_SUBMIT_ADS", "INSTAGRAM_PROFILE_FEED", "INSTAGRAM_PROFILE_REELS", "INSTAGRAM_REELS",
        "INSTAGRAM_REELS_OVERLAY", "INSTAGRAM_REELS_WEB", "INSTAGRAM_REELS_WEB_M_SITE", "INSTAGRAM_SEARCH_CHAIN",
        "INSTAGRAM_SEARCH_GRID", "INSTAGRAM_STANDARD", "INSTAGRAM_STORY", "INSTAGRAM_STORY_EFFECT_TRAY",
        "INSTAGRAM_STORY_WEB", "INSTAGRAM_STORY_WEB_M_SITE", "INSTANT_ARTICLE_RECIRCULATION_AD",
        "INSTANT_ARTICLE_STANDARD", "INSTREAM_BANNER_DESKTOP", "INSTREAM_BANNER_FEED_IOS",
        "INSTREAM_BANNER_FULLSCREEN_IOS", "INSTREAM_BANNER_FULLSCREEN_MOBILE", "INSTREAM_BANNER_IMMERSIVE_MOBILE",
        "INSTREAM_BANNER_MOBILE", "INSTREAM_VIDEO_DESKTOP", "INSTREAM_VIDEO_FULLSCREEN_IOS",
        "INSTREAM_VIDEO_FULLSCREEN_MOBILE", "INSTREAM_VIDEO_IMAGE", "INSTREAM_VIDEO_IMMERSIVE_MOBILE",
        "INSTREAM_VIDEO_MOBILE", "JOB_BROWSER_DESKTOP", "JOB_BROWSER_MOBILE", "MARKETPLACE_MOBILE",
        "MESSENGER_MOBILE_INBOX_MEDIA", "MESSENGER_MOBILE_STORY_MEDIA", "MOBILE_BANNER", "MOBILE_FEED_BASIC",
        "MOBILE_FEED_STANDARD", "MOBILE_FULLWIDTH", "MOBILE_INTERSTITIAL", "MOBILE_MEDIUM_RECTANGLE", "MOBILE_NATIVE",
        "RIGHT_COLUMN_STANDARD", "SUGGESTED_VIDEO_DESKTOP", "SUGGESTED_VIDEO_FULLSCREEN_MOBILE",
        "SUGGESTED_VIDEO_IMMERSIVE_MOBILE", "SUGGESTED_VIDEO_MOBILE", "WATCH_FEED_HOME", "WATCH_FEED_MOBILE",
        "WHATSAPP_STATUS_MEDIA",
    ])

    /// The layout a format is drawn with.
    static func layout(of format: String) -> Layout {
        if format.contains("STORY") || format.contains("REELS") { return .story }
        if format.hasPrefix("INSTAGRAM_") { return .instagramFeed }
        if format == "DESKTOP_FEED_STANDARD" || format == "RIGHT_COLUMN_STANDARD" || format.hasSuffix("_DESKTOP")
            || format == "WATCH_FEED_HOME"
        {
            return .desktopFeed
        }
        return .mobileFeed
    }

    /// Whether the emulator draws a format in a layout of its own family, rather than as the mobile feed.
    static func isDrawnFaithfully(_ format: String) -> Bool {
        layout(of: format) != .mobileFeed || format.hasPrefix("MOBILE_FEED") || format == "MARKETPLACE_MOBILE"
            || format == "FACEBOOK_PROFILE_FEED_MOBILE" || format == "BIZ_DISCO_FEED_MOBILE"
    }

    /// The iframe's default width and height for a layout, close to the sizes Meta's own iframes use.
    static func frameSize(_ layout: Layout) -> (width: Int, height: Int) {
        switch layout {
        case .desktopFeed: (540, 690)
        case .mobileFeed: (335, 580)
        case .instagramFeed: (335, 620)
        case .story: (320, 570)
        }
    }
}
