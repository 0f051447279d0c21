/// Who should see the ads, in generic terms.
public struct Targeting: Sendable, Hashable, Codable {
    /// ISO-3166 alpha-2 country codes, e.g. `["US", "CA"]`. At least one is required.
    public var countries: [String]
    /// The age range; `nil` targets every age the platform allows.
    public var ageRange: AgeRange?
    /// Genders; empty targets everyone.
    public var genders: [Gender]
    /// Interest names for social platforms; each module maps what it can.
    public var interests: [String]
    /// Search keywords (Google ad-group keywords).
    public var keywords: [String]

    /// Creates targeting.
    public init(
        countries: [String], ageRange: AgeRange? = nil, genders: [Gender] = [], interests: [String] = [],
        keywords: [String] = []
    ) {
        self.countries = countries
        self.ageRange = ageRange
        self.genders = genders
        self.interests = interests
        self.keywords = keywords
    }

    private enum CodingKeys: String, CodingKey {
        case countries, ageRange, genders, interests, keywords
    }

    /// Decodes targeting; every list but `countries` may be omitted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        countries = try container.decode([String].self, forKey: .countries)
        ageRange = try container.decodeIfPresent(AgeRange.self, forKey: .ageRange)
        genders = try container.decodeIfPresent([Gender].self, forKey: .genders) ?? []
        interests = try container.decodeIfPresent([String].self, forKey: .interests) ?? []
        keywords = try container.decodeIfPresent([String].self, forKey: .keywords) ?? []
    }
}
