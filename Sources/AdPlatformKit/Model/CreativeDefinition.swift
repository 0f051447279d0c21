/// What an ad shows and where it leads, in generic terms.
public struct CreativeDefinition: Sendable, Hashable, Codable {
    /// The key ads use to refer to this creative, unique within the request.
    public var key: String
    /// The creative's name on platforms where a creative is its own entity.
    public var name: String
    /// Headlines. Meta, TikTok and Snapchat use the first; Google responsive search ads take 3–15.
    public var headlines: [String]
    /// Descriptions. Meta uses the first as the link description; Google takes 2–4.
    public var descriptions: [String]
    /// The main text above or under the media (Meta `message`, TikTok `ad_text`).
    public var primaryText: String?
    /// The advertiser's name as shown (Snapchat `brand_name`, TikTok `display_name`).
    public var brandName: String?
    /// Images or videos.
    public var media: [MediaReference]
    /// The button, where the format has one.
    public var callToAction: CallToAction?
    /// The landing page; tracking parameters are added per platform.
    public var landingURL: String
    /// Google display paths (`path1`, `path2`), up to two.
    public var displayPaths: [String]
    /// The platforms this creative is for; `nil` means every platform. A search creative is usually for Google
    /// only, a social creative for the others.
    public var platforms: [PlatformID]?

    /// Creates a creative.
    public init(
        key: String, name: String, headlines: [String], descriptions: [String] = [], primaryText: String? = nil,
        brandName: String? = nil, media: [MediaReference] = [], callToAction: CallToAction? = nil,
        landingURL: String, displayPaths: [String] = [], platforms: [PlatformID]? = nil
    ) {
        self.key = key
        self.name = name
        self.headlines = headlines
        self.descriptions = descriptions
        self.primaryText = primaryText
        self.brandName = brandName
        self.media = media
        self.callToAction = callToAction
        self.landingURL = landingURL
        self.displayPaths = displayPaths
        self.platforms = platforms
    }

    private enum CodingKeys: String, CodingKey {
        case key, name, headlines, descriptions, primaryText, brandName, media, callToAction, landingURL
        case displayPaths, platforms
    }

    /// Decodes a creative; `descriptions`, `media` and `displayPaths` may be omitted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? key
        headlines = try container.decode([String].self, forKey: .headlines)
        descriptions = try container.decodeIfPresent([String].self, forKey: .descriptions) ?? []
        primaryText = try container.decodeIfPresent(String.self, forKey: .primaryText)
        brandName = try container.decodeIfPresent(String.self, forKey: .brandName)
        media = try container.decodeIfPresent([MediaReference].self, forKey: .media) ?? []
        callToAction = try container.decodeIfPresent(CallToAction.self, forKey: .callToAction)
        landingURL = try container.decode(String.self, forKey: .landingURL)
        displayPaths = try container.decodeIfPresent([String].self, forKey: .displayPaths) ?? []
        platforms = try container.decodeIfPresent([PlatformID].self, forKey: .platforms)
    }

    /// Whether this creative is meant for a platform.
    public func applies(to platform: PlatformID) -> Bool {
        platforms?.contains(platform) ?? true
    }
}
