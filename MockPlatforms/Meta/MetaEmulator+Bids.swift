import Foundation

extension MetaEmulator {
    /// The smallest `bid_amount` accepted, in minor units: one cent. Meta's real minimums depend on the billing
    /// event and are unpublished; below one minor unit no bid can exist.
    static let minimumBidAmount: Int64 = 1

    /// The largest `roas_average_floor`: 1000.0 as Meta scales it (×10,000). Ours: the reference gives no bound.
    static let maximumROASFloor: Int64 = 10_000_000

    /// An archived object: only `name` and `status` may change, and the status only to `DELETED` (Meta, "Manage
    /// your ad object's status").
    static func checkArchivedUpdate(_ params: MetaParams, status: String?) throws(MetaError) {
        let allowed: Set<String> = ["name", "status", "access_token", "appsecret_proof", "execution_options"]
        if let other = params.values.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw MetaError.invalid(
                "Archived Object Can't Be Edited",
                "This object is archived. Only its name can be changed, and its status only to DELETED; \(other) "
                    + "can't be changed.")
        }
        if let status, status != "ARCHIVED", status != "DELETED" {
            throw MetaError.invalid(
                "Archived Object Can't Be Reactivated",
                "This object is archived. Its status can only be changed to DELETED, not \(status).")
        }
    }

    /// The bid changes of an update, checked as on create and stored so they read back:
    ///
    /// - `bid_strategy` from the enum; `LOWEST_COST_WITHOUT_CAP` drops any `bid_amount` and `bid_constraints`;
    /// - the capped strategies (`LOWEST_COST_WITH_BID_CAP`, `COST_CAP`) need a `bid_amount` of at least one minor
    ///   unit, given now or already on the ad set;
    /// - `LOWEST_COST_WITH_MIN_ROAS` needs `bid_constraints.roas_average_floor` (1.0 is 10,000) and an ad set
    ///   optimising for `VALUE` (Meta's min-ROAS bidding is value optimisation).
    ///
    /// A campaign takes only `bid_strategy`; ad sets take all three.
    func bidChanges(
        of entity: MockEntity, params: MetaParams, world: MockWorld
    ) throws(MetaError) -> [(String, MockJSON)] {
        let strategy = try params.enumValue("bid_strategy", MetaVocabulary.bidStrategies)
        guard entity.kind == MetaKind.adSet else {
            return strategy.map { [("bid_strategy", .string($0))] } ?? []
        }
        let amount = try params.unsignedInt("bid_amount")
        let constraints = try params.object("bid_constraints")
        guard strategy != nil || amount != nil || constraints != nil else { return [] }
        if let amount, amount < Self.minimumBidAmount {
            throw MetaError.invalid(
                "Bid Amount Too Low",
                "The bid amount must be at least \(MetaNumbers.dollars(minor: Self.minimumBidAmount)).")
        }
        let campaignStrategy = entity.parentID.flatMap {
            world.entity(Self.platformID, $0)?.fields["bid_strategy"]?.string
        }
        let effective =
            strategy ?? entity.fields["bid_strategy"]?.string ?? campaignStrategy ?? "LOWEST_COST_WITHOUT_CAP"
        var changes: [(String, MockJSON)] = []
        if let strategy { changes.append(("bid_strategy", .string(strategy))) }
        switch effective {
        case "LOWEST_COST_WITH_BID_CAP", "COST_CAP":
            guard let bid = amount ?? entity.fields["bid_amount"]?.int64 else {
                throw MetaError.invalid(
                    "Bid Amount Required", "Ad sets using the \(effective) bid strategy need a bid_amount.")
            }
            changes += [("bid_amount", .int(bid)), ("bid_constraints", .null)]
        case "LOWEST_COST_WITH_MIN_ROAS":
            let goal = entity.fields["optimization_goal"]?.string ?? ""
            guard goal == "VALUE" else {
                throw MetaError.invalid(
                    "Minimum ROAS Bidding Unavailable",
                    "The LOWEST_COST_WITH_MIN_ROAS bid strategy is only available for ad sets optimised for VALUE; "
                        + "this ad set optimises for \(goal.isEmpty ? "no goal" : goal).")
            }
            guard let floor = (constraints ?? entity.fields["bid_constraints"])?["roas_average_floor"]?.int64 else {
                throw MetaError.invalid(
                    "Minimum ROAS Required",
                    "Ad sets using LOWEST_COST_WITH_MIN_ROAS need bid_constraints with a roas_average_floor.")
            }
            guard (1...Self.maximumROASFloor).contains(floor) else {
                throw MetaError.param(
                    "param bid_constraints[roas_average_floor] must be between 1 and \(Self.maximumROASFloor).")
            }
            changes += [("bid_constraints", .object([("roas_average_floor", .int(floor))])), ("bid_amount", .null)]
        default:
            // Lowest cost without a cap takes no cap: Meta drops it when the strategy changes to it. A bare
            // bid_amount on an ad set without a strategy of its own is kept, as on create.
            if strategy != nil {
                changes += [("bid_amount", .null), ("bid_constraints", .null)]
            } else if let amount {
                changes.append(("bid_amount", .int(amount)))
            }
        }
        return changes
    }

    /// A copy of an object without a member.
    static func removing(_ key: String, from object: MockJSON) -> MockJSON {
        guard let members = object.members else { return object }
        return .object(members.filter { $0.0 != key })
    }
}
