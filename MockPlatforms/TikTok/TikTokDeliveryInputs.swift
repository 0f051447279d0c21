/// What the TikTok emulator's stored fields mean for the world's delivery: an ad group's `location_ids`,
/// `age_groups` and `gender`. Budgets sit on the campaign or the ad group themselves.
struct TikTokDeliveryInputs: DeliveryInputReading {
    var platform: String { TikTokEmulator.platformID }

    func targetingFields(ofKind kind: String) -> [String] {
        kind == TikTokKind.adgroup.entityKind ? ["location_ids", "age_groups", "gender"] : []
    }

    /// Each location id counts as a country (TikTok's ids do not say which are countries); ages from the
    /// `AGE_lo_hi` buckets; `GENDER_MALE` or `GENDER_FEMALE` is one gender, `GENDER_UNLIMITED` both.
    func targeting(of entity: MockEntity, criteria: [MockEntity]) -> DeliveryTargeting? {
        guard entity.kind == TikTokKind.adgroup.entityKind else { return nil }
        var result = DeliveryTargeting()
        if let locations = entity.fields["location_ids"]?.array { result.locations = Double(locations.count) }
        if let groups = entity.fields["age_groups"]?.array, !groups.isEmpty {
            let ranges = groups.compactMap { $0.string.flatMap(Self.ages) }
            result.ageYears = DeliveryTargeting.years(covering: ranges)
        }
        switch entity.fields["gender"]?.string {
        case "GENDER_MALE", "GENDER_FEMALE": result.genders = 1
        case "GENDER_UNLIMITED": result.genders = 2
        default: break
        }
        return result.isEmpty ? nil : result
    }

    /// The ages of a bucket: `AGE_25_34` → 25…34.
    static func ages(_ bucket: String) -> ClosedRange<Int>? {
        let parts = bucket.split(separator: "_")
        guard parts.count == 3, parts[0] == "AGE", let low = Int(parts[1]), let high = Int(parts[2]), low <= high
        else { return nil }
        return low...high
    }
}
