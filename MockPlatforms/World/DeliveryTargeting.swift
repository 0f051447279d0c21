import Foundation

/// Whom an entity's targeting reaches, the same on every platform: how many country-sized places, how many years
/// of age and how many genders. Synthetic delivery sizes the audience from it, and a smaller audience costs more
/// per thousand impressions.
///
/// Each part is `nil` when the entity does not set it; delivery then takes it from the nearest ancestor that does,
/// and, failing that, from the broad default: one country, ages 18 to 65+, both genders.
public struct DeliveryTargeting: Sendable, Codable, Hashable {
    /// Places targeted, in countries: a country counts 1, a region, city or other smaller place 0.1.
    public var locations: Double?
    /// Years of age targeted within 13…65, where 65 stands for 65 and over: 18–65+ is 48 years.
    public var ageYears: Int?
    /// Genders targeted: 1 or 2.
    public var genders: Int?

    /// Targeting with the given parts; `nil` parts are left to ancestors.
    public init(locations: Double? = nil, ageYears: Int? = nil, genders: Int? = nil) {
        self.locations = locations
        self.ageYears = ageYears
        self.genders = genders
    }

    /// People in one country of the model.
    public static let peoplePerCountry = 20_000_000.0
    /// Ages the model knows: 13 to 65, 65 standing for 65 and over.
    public static let ageBounds = 13...65
    /// The audience of the broad default (one country, 18–65+, both genders), whose CPM is the entity's set CPM.
    public static let referenceAudience = peoplePerCountry * 48 / 53
    /// How far the audience moves the CPM: at most this factor up or down.
    public static let cpmFactorLimits = 0.5...2.0

    /// Whether no part is set.
    public var isEmpty: Bool { locations == nil && ageYears == nil && genders == nil }

    /// This targeting, with the parts it leaves unset taken from `ancestor`.
    public func inheriting(_ ancestor: DeliveryTargeting?) -> DeliveryTargeting {
        guard let ancestor else { return self }
        return DeliveryTargeting(
            locations: locations ?? ancestor.locations, ageYears: ageYears ?? ancestor.ageYears,
            genders: genders ?? ancestor.genders)
    }

    /// People reached: `locations × 20,000,000 × ageYears / 53 × genders / 2`, with the broad default for unset
    /// parts.
    public var audience: Double {
        let places = max(0, locations ?? 1)
        let years = Double(min(max(0, ageYears ?? 48), 53))
        let share = Double(min(max(0, genders ?? 2), 2))
        return places * Self.peoplePerCountry * years / 53 * share / 2
    }

    /// What the audience does to the CPM: `(referenceAudience / audience)^0.25`, kept within 0.5…2. Narrower
    /// targeting competes for fewer people, so each thousand impressions costs more; broader targeting costs less.
    public var cpmFactor: Double {
        let people = audience
        guard people > 0 else { return Self.cpmFactorLimits.upperBound }
        let factor = pow(Self.referenceAudience / people, 0.25)
        return min(max(factor, Self.cpmFactorLimits.lowerBound), Self.cpmFactorLimits.upperBound)
    }

    /// How many ages of 13…65 a set of age ranges covers together (overlaps count once; 65 stands for 65+).
    public static func years(covering ranges: [ClosedRange<Int>]) -> Int {
        var covered = Set<Int>()
        for range in ranges {
            let low = max(range.lowerBound, ageBounds.lowerBound)
            let high = min(range.upperBound, ageBounds.upperBound)
            if low <= high { covered.formUnion(low...high) }
        }
        return covered.count
    }
}
