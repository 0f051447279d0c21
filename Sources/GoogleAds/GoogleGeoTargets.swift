/// Google geo target constants for the countries this module targets.
///
/// Google identifies countries by criterion ids, not ISO codes; the table covers the launch markets. A country
/// missing here is rejected before any call rather than silently dropped, because a search campaign without
/// location criteria targets every country.
public enum GoogleGeoTargets {
    /// ISO-3166 alpha-2 code → geo target constant id.
    public static let countryCriterionIDs: [String: Int] = [
        "US": 2840, "CA": 2124, "GB": 2826, "DE": 2276, "FR": 2250,
        "JP": 2392, "AU": 2036, "MX": 2484, "BR": 2076, "IN": 2356,
    ]

    /// `geoTargetConstants/2840` for `US`; `nil` for a country not in the table.
    public static func resourceName(forCountry code: String) -> String? {
        countryCriterionIDs[code.uppercased()].map { "geoTargetConstants/\($0)" }
    }
}
