import AdPlatformKit

extension MetaResponseParser {
    /// The bid of an ad set read with ``MetaRequestBuilder/readBid(of:in:)``. An ad set without `bid_strategy`
    /// bids as its campaign does; with a `bid_amount` and no strategy it is capped, which is how Meta treated a
    /// bare `bid_amount` before bid strategies existed.
    public func bid(
        in body: JSONValue, currency: Currency, unit: BudgetUnit
    ) throws(AdPlatformError) -> BidStrategy {
        guard body.objectValue != nil else {
            throw malformed("expected an ad set object with bid_strategy, got \(Self.excerpt(body))")
        }
        let strategy = body["bid_strategy"]?.stringValue
        func amount() throws(AdPlatformError) -> Money {
            guard let value = body["bid_amount"] else {
                throw malformed(
                    "expected bid_amount with bid_strategy \(strategy ?? "(none)"), got \(Self.excerpt(body))")
            }
            do {
                return try unit.money(fromPlatformValue: value, currency: currency)
            } catch {
                throw malformed("bid_amount \(value.scalarText ?? "?") is not an amount: \(error.message)")
            }
        }
        switch strategy {
        case "LOWEST_COST_WITH_BID_CAP": return .bidCap(try amount())
        case "COST_CAP": return .costCap(try amount())
        case "LOWEST_COST_WITH_MIN_ROAS":
            guard let floor = body["bid_constraints"]?["roas_average_floor"]?.int64Value else {
                throw malformed(
                    "expected bid_constraints.roas_average_floor for minimum ROAS, got \(Self.excerpt(body))")
            }
            return .targetROAS(ReturnOnAdSpend(basisPoints: floor))
        case "LOWEST_COST_WITHOUT_CAP": return .automatic
        case nil: return body["bid_amount"] == nil ? .automatic : .bidCap(try amount())
        case let other?:
            throw malformed("bid_strategy '\(other)' is not one this module knows")
        }
    }

    /// The ad set's whole `targeting` spec from `{"targeting":{…}}`.
    public func targetingSpec(in body: JSONValue) throws(AdPlatformError) -> JSONValue {
        guard let spec = body["targeting"], spec.objectValue != nil else {
            throw malformed("expected {\"targeting\":{…}} for an ad set, got \(Self.excerpt(body))")
        }
        return spec
    }

    /// The generic targeting in a spec: `geo_locations.countries`, `age_min`/`age_max` (absent: every age) and
    /// `genders` (`[1]` men, `[2]` women; absent or both: everyone).
    public func targeting(fromSpec spec: JSONValue) -> Targeting {
        let countries = spec["geo_locations"]?["countries"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var ages: AgeRange?
        let minimum = spec["age_min"]?.int64Value
        let maximum = spec["age_max"]?.int64Value
        if minimum != nil || maximum != nil {
            ages = AgeRange(minimum: Int(minimum ?? 13), maximum: Int(maximum ?? 65))
        }
        let codes = Set(spec["genders"]?.arrayValue?.compactMap(\.int64Value) ?? [])
        let genders: [Gender] = codes == [1] ? [.male] : codes == [2] ? [.female] : []
        return Targeting(countries: countries, ageRange: ages, genders: genders)
    }
}
