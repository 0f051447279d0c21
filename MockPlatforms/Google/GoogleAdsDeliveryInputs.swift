/// What the Google Ads emulator's stored entities mean for the world's delivery: campaigns spend from their
/// `campaignBudget` entity, shared by every campaign that names it, and target through criteria (campaign
/// locations; ad group age ranges and genders).
struct GoogleAdsDeliveryInputs: DeliveryInputReading {
    var platform: String { "google" }

    var criterionKinds: Set<String> {
        [GoogleAdsResource.campaignCriterion.rowKey, GoogleAdsResource.adGroupCriterion.rowKey]
    }

    func targetingFields(ofKind kind: String) -> [String] { [] }

    /// Positive location criteria count 1 each for a country (geo target constants below 10,000) and 0.1 for a
    /// smaller place. Age ranges and genders are the positive criteria's, or, with only negative ones, every bucket
    /// but those excluded (`AGE_RANGE_65_UP` stands for 65+; `UNDETERMINED` buckets are ignored). Paused and
    /// removed criteria do not count.
    func targeting(of entity: MockEntity, criteria: [MockEntity]) -> DeliveryTargeting? {
        let live = criteria.filter { !$0.deleted && ($0.fields["status"]?.string ?? "ENABLED") == "ENABLED" }
        guard !live.isEmpty else { return nil }
        var result = DeliveryTargeting()
        let locations = live.filter { $0.fields["location"] != nil && $0.fields["negative"]?.bool != true }
        if !locations.isEmpty {
            result.locations = locations.reduce(0.0) { total, criterion in
                let id = criterion.fields["criterionId"]?.int64 ?? 0
                return total + (id > 0 && id < 10_000 ? 1 : 0.1)
            }
        }
        let ages = Self.buckets(live, member: "ageRange", all: Self.ageBuckets.keys)
        if let ages { result.ageYears = DeliveryTargeting.years(covering: ages.compactMap { Self.ageBuckets[$0] }) }
        let genders = Self.buckets(live, member: "gender", all: ["MALE", "FEMALE"])
        if let genders { result.genders = genders.count }
        return result.isEmpty ? nil : result
    }

    func sharedBudget(of entity: MockEntity) -> SharedBudgetLink? {
        guard entity.kind == GoogleAdsResource.campaign.rowKey, let name = entity.fields["campaignBudget"]?.string,
            let id = GoogleAdsSearch.lastID(name)
        else { return nil }
        return SharedBudgetLink(budgetID: id, field: "campaignBudget", value: name)
    }

    /// The ages of each age-range criterion type.
    static let ageBuckets: [String: ClosedRange<Int>] = [
        "AGE_RANGE_18_24": 18...24, "AGE_RANGE_25_34": 25...34, "AGE_RANGE_35_44": 35...44,
        "AGE_RANGE_45_54": 45...54, "AGE_RANGE_55_64": 55...64, "AGE_RANGE_65_UP": 65...65,
    ]

    /// The bucket types a demographic's criteria leave targeted: the positive ones when there are any, else all
    /// but the negative ones; `nil` when no criterion of the kind exists.
    static func buckets(_ criteria: [MockEntity], member: String, all: some Collection<String>) -> Set<String>? {
        let typed = criteria.compactMap { criterion -> (String, Bool)? in
            guard let type = criterion.fields[member]?["type"]?.string, all.contains(type) else { return nil }
            return (type, criterion.fields["negative"]?.bool == true)
        }
        guard !typed.isEmpty else { return nil }
        let positive = Set(typed.filter { !$0.1 }.map(\.0))
        let negative = Set(typed.filter { $0.1 }.map(\.0))
        return (positive.isEmpty ? Set(all) : positive).subtracting(negative)
    }
}
