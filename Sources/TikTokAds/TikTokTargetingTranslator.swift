import AdPlatformKit

/// Turns generic targeting into TikTok's ad-group fields: `location_ids`, `age_groups` and `gender`.
public enum TikTokTargetingTranslator {
    /// Country (ISO-3166 alpha-2) to TikTok location id. TikTok's location ids are GeoNames ids; this is the small
    /// table of markets the module supports.
    public static let locationIDs: [String: String] = [
        "US": "6252001",
        "CA": "6251999",
        "GB": "2635167",
        "DE": "2921044",
        "FR": "3017382",
        "JP": "1861060",
        "AU": "2077456",
        "MX": "3996063",
        "BR": "3469034",
        "IN": "1269750",
    ]

    /// TikTok's age buckets, youngest first, with the ages each covers.
    public static let ageBuckets: [(value: String, ages: ClosedRange<Int>)] = [
        ("AGE_13_17", 13...17),
        ("AGE_18_24", 18...24),
        ("AGE_25_34", 25...34),
        ("AGE_35_44", 35...44),
        ("AGE_45_54", 45...54),
        ("AGE_55_100", 55...100),
    ]

    /// The location ids of the countries, in order; throws `invalidParameter` naming the first unknown country.
    public static func locationIDs(for countries: [String], operation: String) throws(AdPlatformError) -> [String] {
        var result: [String] = []
        for (index, country) in countries.enumerated() {
            guard let id = locationIDs[country.uppercased()] else {
                throw AdPlatformError(
                    code: .invalidParameter,
                    message:
                        "TikTok location id for country '\(country)' is not known; known: \(locationIDs.keys.sorted().joined(separator: ", "))",
                    platform: .tiktok, operation: operation, fieldPath: "targeting.countries[\(index)]")
            }
            result.append(id)
        }
        return result
    }

    /// Every bucket the range touches, or `nil` for no range (all ages). Throws when the range touches none.
    public static func ageGroups(for range: AgeRange?, operation: String) throws(AdPlatformError) -> [String]? {
        guard let range else { return nil }
        let groups = ageBuckets.filter { $0.ages.lowerBound <= range.maximum && $0.ages.upperBound >= range.minimum }
        guard !groups.isEmpty, range.minimum <= range.maximum else {
            throw AdPlatformError(
                code: .invalidParameter, message: "age range \(range) matches no TikTok age group (13 and over)",
                platform: .tiktok, operation: operation, fieldPath: "targeting.ageRange")
        }
        return groups.map(\.value)
    }

    /// `GENDER_MALE` or `GENDER_FEMALE` for one gender; `GENDER_UNLIMITED` for none or both.
    public static func gender(for genders: [Gender]) -> String {
        let unique = Set(genders)
        guard unique.count == 1, let only = unique.first else { return "GENDER_UNLIMITED" }
        switch only {
        case .male: return "GENDER_MALE"
        case .female: return "GENDER_FEMALE"
        }
    }

    /// The countries of location ids, in order; an id with no country in ``locationIDs`` (a region, or a market
    /// this module does not know) is returned as it is, so nothing targeted is hidden.
    public static func countries(forLocationIDs ids: [String]) -> [String] {
        ids.map { id in locationIDs.first { $0.value == id }?.key ?? id }
    }

    /// The range the buckets cover, or `nil` when there are none (every age). The oldest bucket, 55 and over,
    /// reads as 65: generic ranges end at 65 for "and over".
    public static func ageRange(forGroups groups: [String]) -> AgeRange? {
        let covered = ageBuckets.filter { groups.contains($0.value) }
        guard let first = covered.first, let last = covered.last else { return nil }
        return AgeRange(minimum: first.ages.lowerBound, maximum: min(last.ages.upperBound, 65))
    }

    /// The genders a `gender` value targets: one for `GENDER_MALE` or `GENDER_FEMALE`, none (everyone) otherwise.
    public static func genders(forGender value: String?) -> [Gender] {
        switch value {
        case "GENDER_MALE": [.male]
        case "GENDER_FEMALE": [.female]
        default: []
        }
    }
}
