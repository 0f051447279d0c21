/// What the Meta emulator's stored fields mean for the world's delivery: an ad set's `targeting` (its
/// `geo_locations`, `age_min`/`age_max` and `genders`). Budgets sit on the campaign or the ad set themselves.
struct MetaDeliveryInputs: DeliveryInputReading {
    /// Location kinds of `geo_locations` smaller than a country.
    static let smallerPlaces = [
        "regions", "cities", "zips", "places", "custom_locations", "geo_markets", "electoral_districts", "subcities",
        "neighborhoods", "metro_areas", "large_geo_areas", "medium_geo_areas", "small_geo_areas",
    ]

    var platform: String { MetaEmulator.platformID }

    func targetingFields(ofKind kind: String) -> [String] {
        kind == MetaKind.adSet ? ["targeting"] : []
    }

    /// Countries count 1 each, `country_groups` (such as `worldwide`) 10, smaller places 0.1; ages from `age_min`
    /// (default 18) to `age_max` (default 65); genders from `genders` (1 male, 2 female; absent is both).
    func targeting(of entity: MockEntity, criteria: [MockEntity]) -> DeliveryTargeting? {
        guard entity.kind == MetaKind.adSet, let targeting = entity.fields["targeting"], targeting.members != nil
        else { return nil }
        var result = DeliveryTargeting()
        if let geo = targeting["geo_locations"], geo.members != nil {
            let countries = Double(geo["countries"]?.array?.count ?? 0)
            let groups = Double(geo["country_groups"]?.array?.count ?? 0)
            let smaller = Self.smallerPlaces.reduce(0.0) { $0 + Double(geo[$1]?.array?.count ?? 0) }
            result.locations = countries + 10 * groups + 0.1 * smaller
        }
        let minimum = targeting["age_min"]?.int64.map { Int($0) }
        let maximum = targeting["age_max"]?.int64.map { Int($0) }
        if minimum != nil || maximum != nil {
            let low = minimum ?? 18
            let high = maximum ?? 65
            result.ageYears = low <= high ? DeliveryTargeting.years(covering: [low...high]) : 0
        }
        if let genders = targeting["genders"]?.array, !genders.isEmpty {
            let distinct = Set(genders.compactMap { $0.int64 }.filter { $0 == 1 || $0 == 2 })
            result.genders = distinct.isEmpty ? nil : distinct.count
        }
        return result.isEmpty ? nil : result
    }
}

extension MetaDeliveryInputs {
    /// The action type insights report modelled and late conversions under: the pixel's purchase, so their value
    /// shows in `action_values` and `purchase_roas`.
    static let modelledActionType = "offsite_conversion.fb_pixel_purchase"

    /// Adds the conversions delivery modelled or took late (pixel events are already counted by their own type).
    static func addModelledConversions(
        _ totals: DeliveryTotals, to actions: inout [String: (count: Int64, micros: Int64)]
    ) {
        guard totals.modelledConversions > 0 || totals.modelledRevenueMicros > 0 else { return }
        actions[modelledActionType, default: (0, 0)].count += totals.modelledConversions
        actions[modelledActionType, default: (0, 0)].micros += totals.modelledRevenueMicros
    }
}
