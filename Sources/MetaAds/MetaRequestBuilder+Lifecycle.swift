import AdPlatformKit

extension MetaRequestBuilder {
    /// The ad set fields a bid read asks for.
    static let bidFields = ["bid_strategy", "bid_amount", "bid_constraints"]

    /// `POST /{v}/{id}/` with `status=ARCHIVED`, Meta's own archived state.
    public func archive(_ entityID: String, in context: AccountContext) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "archive"
        let account = try MetaAccount(context, operation: operation)
        return try request(
            .post, path: [entityID], trailingSlash: true, form: [("status", "ARCHIVED")], account: account,
            operation: operation)
    }

    /// `POST /{v}/{ad set id}/` with the bid strategy and its amount:
    ///
    /// | bid | form |
    /// | --- | --- |
    /// | automatic | `bid_strategy=LOWEST_COST_WITHOUT_CAP` |
    /// | bid cap | `bid_strategy=LOWEST_COST_WITH_BID_CAP`, `bid_amount` |
    /// | cost cap | `bid_strategy=COST_CAP`, `bid_amount` |
    /// | target ROAS | `bid_strategy=LOWEST_COST_WITH_MIN_ROAS`, `bid_constraints={"roas_average_floor":…}` |
    ///
    /// `bid_amount` is in the account currency's minor units with Meta's offset, like budgets; the ROAS floor is
    /// scaled by 10,000 (2.5 is 25000), Meta's documented scale [3P: the Marketing API's min-ROAS guide, as quoted
    /// by third-party clients].
    public func setBid(
        _ bid: BidStrategy, of adSetID: String, in context: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "setBid"
        let account = try MetaAccount(context, operation: operation)
        var form: [(String, JSONValue)] = [("bid_strategy", .string(Self.bidStrategyValue(bid.kind)))]
        switch bid {
        case .automatic:
            break
        case .bidCap(let money), .costCap(let money):
            form.append(
                (
                    "bid_amount",
                    try platformAmount(money, account: account, fieldPath: "bid.amount", operation: operation)
                )
            )
        case .targetROAS(let roas):
            form.append(("bid_constraints", ["roas_average_floor": .integer(roas.basisPoints)]))
        }
        return try request(
            .post, path: [adSetID], trailingSlash: true, form: form, account: account, operation: operation)
    }

    /// `GET /{v}/{ad set id}?fields=bid_strategy,bid_amount,bid_constraints`.
    public func readBid(of adSetID: String, in context: AccountContext) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "readBid"
        let account = try MetaAccount(context, operation: operation)
        return try request(
            .get, path: [adSetID], query: [("fields", Self.bidFields.joined(separator: ","))], account: account,
            operation: operation)
    }

    /// `GET /{v}/{ad set id}?fields=targeting`: a targeting change starts from the whole spec, because Meta
    /// replaces `targeting` as a whole on update.
    public func readTargeting(
        of adSetID: String, in context: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "readTargeting"
        let account = try MetaAccount(context, operation: operation)
        return try request(
            .get, path: [adSetID], query: [("fields", "targeting")], account: account, operation: operation)
    }

    /// `POST /{v}/{ad set id}/` with `targeting`: the ad set's current spec with the change applied (see
    /// ``changedTargeting(_:applying:)``).
    public func changeTargeting(
        _ change: TargetingChange, current: JSONValue, of adSetID: String, in context: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "changeTargeting"
        let account = try MetaAccount(context, operation: operation)
        return try request(
            .post, path: [adSetID], trailingSlash: true,
            form: [("targeting", Self.changedTargeting(current, applying: change))], account: account,
            operation: operation)
    }

    /// A targeting spec with a change applied and everything else kept (interests, placements, location types):
    /// countries replace every location in `geo_locations` (the new countries are where to deliver); ages set
    /// `age_min` and `age_max`; one gender sets `genders` to `[1]` (men) or `[2]` (women), none or both remove it.
    public static func changedTargeting(_ current: JSONValue, applying change: TargetingChange) -> JSONValue {
        var spec = current.objectValue ?? [:]
        if let countries = change.countries {
            var geo: [String: JSONValue] = [:]
            if let types = spec["geo_locations"]?["location_types"] { geo["location_types"] = types }
            geo["countries"] = .array(countries.map { .string($0.uppercased()) })
            spec["geo_locations"] = .object(geo)
        }
        if let ages = change.ageRange {
            spec["age_min"] = .integer(Int64(ages.minimum))
            spec["age_max"] = .integer(Int64(ages.maximum))
        }
        if let genders = change.genders {
            let unique = Set(genders)
            if unique.count == 1, let only = unique.first {
                spec["genders"] = [.integer(only == .male ? 1 : 2)]
            } else {
                spec["genders"] = nil
            }
        }
        return .object(spec)
    }

    /// Meta's `bid_strategy` for a kind.
    static func bidStrategyValue(_ kind: BidStrategy.Kind) -> String {
        switch kind {
        case .automatic: "LOWEST_COST_WITHOUT_CAP"
        case .bidCap: "LOWEST_COST_WITH_BID_CAP"
        case .costCap: "COST_CAP"
        case .targetROAS: "LOWEST_COST_WITH_MIN_ROAS"
        }
    }
}
