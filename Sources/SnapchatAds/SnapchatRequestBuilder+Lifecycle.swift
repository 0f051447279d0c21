import AdPlatformKit

extension SnapchatRequestBuilder {
    /// The update that sets an ad squad's bid: the squad as just read, with its bid fields replaced.
    ///
    /// | bid | fields |
    /// | --- | --- |
    /// | automatic | `bid_strategy: AUTO_BID` (no `bid_micro`) |
    /// | bid cap | `bid_strategy: LOWEST_COST_WITH_MAX_BID`, `bid_micro` |
    /// | cost cap | `bid_strategy: TARGET_COST`, `bid_micro` |
    /// | target ROAS | `bid_strategy: MIN_ROAS`, `roas_value_micro` (ROAS in micros: 2.5 is 2,500,000) |
    ///
    /// Fields the new strategy does not use are removed, since Snap's PUT takes the whole squad.
    public func updateBid(
        _ bid: BidStrategy, current: [String: JSONValue], in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "setBid"
        var squad = current
        squad["bid_micro"] = nil
        squad["roas_value_micro"] = nil
        switch bid {
        case .automatic:
            squad["bid_strategy"] = "AUTO_BID"
        case .bidCap(let money):
            squad["bid_strategy"] = "LOWEST_COST_WITH_MAX_BID"
            squad["bid_micro"] = try platformAmount(money, field: "bid.amount", account: account, operation: operation)
        case .costCap(let money):
            squad["bid_strategy"] = "TARGET_COST"
            squad["bid_micro"] = try platformAmount(money, field: "bid.amount", account: account, operation: operation)
        case .targetROAS(let roas):
            let (micros, overflow) = roas.basisPoints.multipliedReportingOverflow(by: 100)
            guard !overflow else {
                throw AdPlatformError(
                    code: .invalidParameter, message: "ROAS \(roas) is too large for Snapchat's roas_value_micro",
                    platform: .snapchat, operation: operation, fieldPath: "bid.roas")
            }
            squad["bid_strategy"] = "MIN_ROAS"
            squad["roas_value_micro"] = .integer(micros)
        }
        return try update(.adSquads, entity: squad, in: account, operation: operation)
    }

    /// The update that changes an ad squad's targeting: the squad as just read, its `targeting` changed by
    /// ``changedTargeting(_:applying:)``.
    public func updateTargeting(
        _ change: TargetingChange, current: [String: JSONValue], in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        var squad = current
        squad["targeting"] = Self.changedTargeting(current["targeting"] ?? [:], applying: change)
        return try update(.adSquads, entity: squad, in: account, operation: "changeTargeting")
    }

    /// A Snap targeting spec with a change applied and the rest kept (devices, interests, languages, regions):
    ///
    /// - countries: one `geos` entry per country (lower-case code), keeping the existing entries of countries
    ///   that stay, regions and exclusions included, and dropping those of countries that go;
    /// - ages: `min_age` and `max_age` as strings on the first `demographics` entry, replacing any `age_groups`;
    /// - genders: `gender` `MALE` or `FEMALE` for one, removed for none or both.
    public static func changedTargeting(_ current: JSONValue, applying change: TargetingChange) -> JSONValue {
        var spec = current.objectValue ?? [:]
        if let countries = change.countries {
            let existing = spec["geos"]?.arrayValue ?? []
            var geos: [JSONValue] = []
            for country in countries.map({ $0.lowercased() }) {
                let kept = existing.filter { $0["country_code"]?.stringValue?.lowercased() == country }
                geos += kept.isEmpty ? [["country_code": .string(country)]] : kept
            }
            spec["geos"] = .array(geos)
        }
        if change.ageRange != nil || change.genders != nil {
            var list = spec["demographics"]?.arrayValue ?? []
            var first = list.first?.objectValue ?? [:]
            if let ages = change.ageRange {
                first["age_groups"] = nil
                first["min_age"] = .string(String(ages.minimum))
                first["max_age"] = .string(String(ages.maximum))
            }
            if let genders = change.genders {
                let unique = Set(genders)
                if unique.count == 1, let only = unique.first {
                    first["gender"] = only == .male ? "MALE" : "FEMALE"
                } else {
                    first["gender"] = nil
                }
            }
            // An entry left empty would target nothing in particular; it goes rather than staying as `{}`.
            if list.isEmpty {
                if !first.isEmpty { list = [.object(first)] }
            } else if first.isEmpty {
                list.removeFirst()
            } else {
                list[0] = .object(first)
            }
            spec["demographics"] = list.isEmpty ? nil : .array(list)
        }
        return .object(spec)
    }
}
