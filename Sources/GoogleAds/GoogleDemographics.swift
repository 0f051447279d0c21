import AdPlatformKit

/// Google's demographic criteria as this module uses them: exclusions (negative ad group criteria) of fixed age
/// buckets and genders. Google targets every age and gender by default; a range or a single gender is reached by
/// excluding the rest. The undetermined buckets are never touched: people whose age or gender Google does not
/// know stay targeted, as they are by default.
public enum GoogleDemographics {
    /// The `AgeRangeType` buckets with the ages each covers; 65 and over reads as 65, the generic "and over".
    public static let ageBuckets: [(type: String, ages: ClosedRange<Int>)] = [
        ("AGE_RANGE_18_24", 18...24),
        ("AGE_RANGE_25_34", 25...34),
        ("AGE_RANGE_35_44", 35...44),
        ("AGE_RANGE_45_54", 45...54),
        ("AGE_RANGE_55_64", 55...64),
        ("AGE_RANGE_65_UP", 65...65),
    ]

    /// The `GenderType` values a gender choice may exclude.
    public static let genderTypes = ["MALE", "FEMALE"]

    /// The age buckets to exclude for a range: every bucket the range does not touch. `nil` (every age) excludes
    /// none.
    public static func excludedAgeRanges(for range: AgeRange?) -> Set<String> {
        guard let range else { return [] }
        return Set(
            ageBuckets.filter { $0.ages.upperBound < range.minimum || $0.ages.lowerBound > range.maximum }.map(\.type))
    }

    /// The range the buckets left after exclusions cover; `nil` when none is excluded (every age).
    public static func ageRange(excluding excluded: Set<String>) -> AgeRange? {
        let kept = ageBuckets.filter { !excluded.contains($0.type) }
        guard kept.count < ageBuckets.count, let first = kept.first, let last = kept.last else { return nil }
        return AgeRange(minimum: first.ages.lowerBound, maximum: last.ages.upperBound)
    }

    /// The genders to exclude: the other one for a single gender, none for none or both.
    public static func excludedGenders(for genders: [Gender]) -> Set<String> {
        let unique = Set(genders)
        guard unique.count == 1, let only = unique.first else { return [] }
        return [only == .male ? "FEMALE" : "MALE"]
    }

    /// The genders targeted given the excluded ones: one when the other is excluded, none (everyone) otherwise.
    public static func genders(excluding excluded: Set<String>) -> [Gender] {
        switch (excluded.contains("MALE"), excluded.contains("FEMALE")) {
        case (false, true): [.male]
        case (true, false): [.female]
        default: []
        }
    }
}
