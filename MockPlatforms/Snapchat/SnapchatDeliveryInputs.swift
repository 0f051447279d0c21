/// What the Snapchat emulator's stored fields mean for the world's delivery: an ad squad's `targeting` (its `geos`
/// and `demographics`). Budgets sit on the ad squad itself.
struct SnapchatDeliveryInputs: DeliveryInputReading {
    var platform: String { "snapchat" }

    func targetingFields(ofKind kind: String) -> [String] {
        kind == SnapchatKind.adsquad.rawValue ? ["targeting"] : []
    }

    /// A geo with only a `country_code` counts as a country, one narrowed to a region or metro as 0.1; ages are
    /// the union of the demographics' `min_age`…`max_age`; genders are those the demographics name, both when
    /// any demographic names none.
    func targeting(of entity: MockEntity, criteria: [MockEntity]) -> DeliveryTargeting? {
        guard entity.kind == SnapchatKind.adsquad.rawValue, let targeting = entity.fields["targeting"],
            targeting.members != nil
        else { return nil }
        var result = DeliveryTargeting()
        if let geos = targeting["geos"]?.array {
            result.locations = geos.reduce(0.0) { total, geo in
                let narrowed = ["region_id", "metro_id", "postal_code"].contains { geo[$0] != nil }
                return total + (narrowed ? 0.1 : 1)
            }
        }
        let demographics = targeting["demographics"]?.array ?? []
        let ranges = demographics.compactMap { demographic -> ClosedRange<Int>? in
            let low = demographic["min_age"]?.int64.map { Int($0) }
            let high = demographic["max_age"]?.int64.map { Int($0) }
            guard low != nil || high != nil else { return nil }
            let range = (low ?? 13, high ?? 65)
            return range.0 <= range.1 ? range.0...range.1 : nil
        }
        if !ranges.isEmpty { result.ageYears = DeliveryTargeting.years(covering: ranges) }
        let genders = demographics.map { $0["gender"]?.string?.uppercased() }
        if !genders.isEmpty, !genders.contains(nil) {
            let named = Set(genders.compactMap { $0 }.filter { $0 == "MALE" || $0 == "FEMALE" })
            result.genders = named.isEmpty ? nil : named.count
        }
        return result.isEmpty ? nil : result
    }
}
