import AdPlatformKit
import Foundation

/// Turns an ``ActionRequest`` into the steps of an action, or refuses it, without any platform call: it checks the
/// platform's abilities and budget rules, resolves the targets among the campaign's entity mappings, and orders the
/// changes.
///
/// Order: activation walks bottom-up (ads, then ad groups, then the campaign, the reverse of the platform's
/// ``EntityHierarchy``). On all four platforms an entity delivers only while it and every parent are active (Meta's
/// `effective_status` `ADSET_PAUSED`/`CAMPAIGN_PAUSED`, TikTok's secondary status, Snapchat's and Google's parent
/// statuses), and none requires a parent to be active before a child is enabled, so switching the campaign on
/// last means nothing delivers until the whole tree is on, and an activation that fails half-way delivers nothing.
/// Pause and resume change only their targets: pausing the campaign stops all delivery in one call, and the
/// children keep their own statuses, so resuming brings back exactly what ran.
public struct ActionPlanner: Sendable {
    /// The platform's capabilities.
    public let capabilities: PlatformCapabilities
    /// Whether its module can set statuses (``StatusChanging``).
    public let canChangeStatus: Bool
    /// Whether its module can set budgets (``BudgetChanging``).
    public let canChangeBudget: Bool
    /// Whether its module can set bids (``BidChanging``).
    public let canChangeBid: Bool
    /// Whether its module can change targeting (``TargetingChanging``).
    public let canChangeTargeting: Bool
    /// Whether its module can archive (``Archiving``).
    public let canArchive: Bool

    /// A planner for a platform module.
    public init(platform: any AdPlatform) {
        self.init(
            capabilities: platform.capabilities, canChangeStatus: platform is any StatusChanging,
            canChangeBudget: platform is any BudgetChanging, canChangeBid: platform is any BidChanging,
            canChangeTargeting: platform is any TargetingChanging, canArchive: platform is any Archiving)
    }

    /// A planner for a registered platform: its capabilities and the abilities its module has.
    public init(platform: RegisteredPlatform) {
        self.init(
            capabilities: platform.capabilities, canChangeStatus: platform.supports((any StatusChanging).self),
            canChangeBudget: platform.supports((any BudgetChanging).self),
            canChangeBid: platform.supports((any BidChanging).self),
            canChangeTargeting: platform.supports((any TargetingChanging).self),
            canArchive: platform.supports((any Archiving).self))
    }

    /// A planner from capabilities and abilities, for tests; the abilities not given are absent.
    public init(
        capabilities: PlatformCapabilities, canChangeStatus: Bool, canChangeBudget: Bool, canChangeBid: Bool = false,
        canChangeTargeting: Bool = false, canArchive: Bool = false
    ) {
        self.capabilities = capabilities
        self.canChangeStatus = canChangeStatus
        self.canChangeBudget = canChangeBudget
        self.canChangeBid = canChangeBid
        self.canChangeTargeting = canChangeTargeting
        self.canArchive = canArchive
    }

    private var platform: PlatformID { capabilities.platform }
    private var displayName: String { capabilities.displayName }

    /// The steps, in the order they run, each with the old value our records know; throws ``ActionError`` when the
    /// platform cannot do the action, the budget or bid breaks its rules, the targeting is outside what the platform
    /// takes, a target is unknown or nothing is mapped.
    /// `launch` is the request the campaign was launched from: ad groups' planned budget shares are the old values
    /// where no budget was seen since.
    public func plan(
        _ request: ActionRequest, detail: CampaignDetail, launch: TraffickingRequest?, currency: Currency
    ) throws(ActionError) -> [ActionStep] {
        try checkAbility(request)
        if case .budget(let budget) = request.kind {
            try check(budget, level: request.level, currency: currency, schedule: detail.campaign.schedule)
        }
        try checkCapabilityData(request)
        if case .bid(let bid) = request.kind { try check(bid, currency: currency) }
        let atLevel = detail.mappings.filter { $0.level == request.level.kind }
        guard !atLevel.isEmpty else {
            let levelName = capabilities.hierarchy.name(of: request.level.kind)
            throw ActionError.field(
                .noEntities, "campaign",
                "campaign \(detail.campaign.id.uuidString) has no \(displayName) \(levelName) yet: its launch "
                    + "(\(detail.campaign.status.rawValue)) created none",
                platform: platform)
        }
        let targets = try resolveTargets(request, among: atLevel)
        var entities = targets
        if case .activate = request.kind {
            entities += descendants(of: targets, in: detail.mappings)
        }
        let order = activationOrder
        if case .activate = request.kind {
            entities = order.flatMap { level in entities.filter { $0.level == level.kind } }
        }
        let shares = launch.map(TraffickingPlan.adGroupBudgets(for:)) ?? [:]
        return entities.enumerated().compactMap { position, mapping in
            guard let level = ActionLevel(kind: mapping.level) else { return nil }
            let old = recordedValue(
                of: mapping, for: request.kind.newValue, campaign: detail.campaign, shares: shares)
            return ActionStep(
                position: position, level: level, platformID: mapping.platformID,
                parentPlatformID: mapping.parentPlatformID, name: mapping.name, newValue: request.kind.newValue,
                oldValue: old, oldValueSource: old == nil ? nil : .records)
        }
    }

    /// The levels bottom-up: the reverse of the platform's creation order.
    var activationOrder: [ActionLevel] {
        let created = capabilities.hierarchy.levels.compactMap { ActionLevel(kind: $0.kind) }
        let missing = ActionLevel.allCases.filter { !created.contains($0) }
        return (created + missing).reversed()
    }

    private func checkAbility(_ request: ActionRequest) throws(ActionError) {
        switch request.kind {
        case .activate, .pause, .resume:
            guard canChangeStatus else {
                throw ActionError.field(
                    .unsupported, "action",
                    "\(displayName) cannot \(request.kind.name) entities: its module has no status changes "
                        + "(StatusChanging)",
                    platform: platform, rule: "unsupportedAction", limit: "StatusChanging")
            }
        case .budget:
            guard canChangeBudget else {
                throw ActionError.field(
                    .unsupported, "action",
                    "\(displayName) cannot change budgets: its module has no budget changes (BudgetChanging)",
                    platform: platform, rule: "unsupportedAction", limit: "BudgetChanging")
            }
        case .bid:
            guard canChangeBid else {
                throw ActionError.field(
                    .unsupported, "action",
                    "\(displayName) cannot change bids: its module has no bid changes (BidChanging)",
                    platform: platform, rule: "unsupportedAction", limit: "BidChanging")
            }
        case .targeting:
            guard canChangeTargeting else {
                throw ActionError.field(
                    .unsupported, "action",
                    "\(displayName) cannot change targeting: its module has no targeting changes (TargetingChanging)",
                    platform: platform, rule: "unsupportedAction", limit: "TargetingChanging")
            }
        case .archive:
            // A platform whose capability data refuses archiving says why (its explanation) in the check after this
            // one; only a module that declares an archive state yet cannot archive is refused here.
            guard canArchive || capabilities.lifecycle.archive.kind == .unsupported else {
                throw ActionError.field(
                    .unsupported, "action",
                    "\(displayName) cannot archive: its module has no archive (Archiving)",
                    platform: platform, rule: "unsupportedAction", limit: "Archiving")
            }
        }
    }

    /// The platform's lifecycle capability data (``PlatformCapabilities/lifecycleRefusal(for:at:)``), the same check
    /// the platform modules make before a call: what a level supports that the checks above do not cover, such as
    /// a status change a level does not take.
    private func checkCapabilityData(_ request: ActionRequest) throws(ActionError) {
        guard let refusal = capabilities.lifecycleRefusal(for: request.kind.lifecycleChange, at: request.level.kind)
        else { return }
        let kind: ActionError.Kind
        var limit = refusal.capability
        switch (refusal.reason, request.kind) {
        case (.unsupported, _): kind = .unsupported
        case (.budgetTooLow, _): kind = .budgetBelowMinimum
        case (.invalidValue, .bid(let bid)) where refusal.fieldPath == "bid.amount":
            kind = .bidBelowMinimum
            if let amount = bid.amount {
                limit = "at least \(Money(minorUnits: 1, currency: amount.currency))"
            }
        case (.invalidValue, .bid): kind = .invalidBid
        case (.invalidValue, .targeting): kind = .invalidTargeting
        case (.invalidValue, _): kind = .invalidBudget
        }
        throw ActionError.field(
            kind, refusal.fieldPath, refusal.message, platform: platform,
            rule: Violation.Rule(rawValue: refusal.reason.rawValue), limit: limit)
    }

    /// A bid's amount is in the ad account's currency, as budgets are.
    private func check(_ bid: BidStrategy, currency: Currency) throws(ActionError) {
        guard let amount = bid.amount, amount.currency != currency else { return }
        throw ActionError.field(
            .invalidBid, "bid.currency",
            "the ad account bills in \(currency.code) on \(displayName); the bid is in \(amount.currency.code)",
            platform: platform,
            rule: "accountCurrency", limit: currency.code, actual: amount.currency.code)
    }

    /// The budget rules of ``BudgetRules``, as the request validator applies them at launch.
    private func check(
        _ budget: Budget, level: ActionLevel, currency: Currency, schedule: Schedule
    ) throws(ActionError) {
        let rules = capabilities.budget
        let holder: ActionLevel = rules.placement == .campaign ? .campaign : .adGroup
        guard level == holder else {
            let here = capabilities.hierarchy.name(of: level.kind)
            let there = capabilities.hierarchy.name(of: holder.kind)
            throw ActionError.field(
                .unsupported, "level",
                "\(displayName) holds budgets on the \(there), not the \(here) (BudgetRules.placement); "
                    + "use level \(holder.rawValue)",
                platform: platform, rule: "budgetPlacement", limit: holder.rawValue, actual: level.rawValue)
        }
        if budget.period == .lifetime, !rules.supportsLifetime {
            throw ActionError.field(
                .unsupported, "budget.period",
                "\(displayName) takes daily budgets only (BudgetRules.supportsLifetime)", platform: platform,
                rule: "unsupportedPeriod", limit: "daily", actual: "lifetime")
        }
        guard budget.amount.currency == currency else {
            throw ActionError.field(
                .invalidBudget, "budget.currency",
                "the ad account bills in \(currency.code); the budget is in \(budget.amount.currency.code)",
                platform: platform, rule: "accountCurrency", limit: currency.code, actual: budget.amount.currency.code)
        }
        guard budget.amount.minorUnits > 0 else {
            throw ActionError.field(
                .invalidBudget, "budget.amount", "must be greater than zero", platform: platform,
                rule: .invalidValue, limit: "greater than 0", actual: budget.amount.description)
        }
        do {
            _ = try rules.unit.platformValue(for: budget.amount)
        } catch {
            throw ActionError.field(
                .invalidBudget, "budget.amount",
                "\(displayName) cannot express this amount exactly in \(rules.unit): \(error.message)",
                platform: platform, rule: .invalidValue, actual: budget.amount.description)
        }
        guard let minimum = rules.dailyMinimumMicros, let micros = try? budget.amount.micros() else { return }
        var days: Int64 = 1
        if budget.period == .lifetime, let end = schedule.end {
            days = max(1, Int64((end.timeIntervalSince(schedule.start) / 86_400).rounded(.up)))
        }
        let (required, overflow) = minimum.multipliedReportingOverflow(by: days)
        guard !overflow, micros < required else { return }
        let least = Money.rounding(micros: required, currency: budget.amount.currency)
        let perDay = budget.period == .lifetime ? " (\(days) days at the daily minimum)" : ""
        throw ActionError.field(
            .budgetBelowMinimum, "budget.amount",
            "the \(capabilities.hierarchy.name(of: level.kind)) budget is under \(displayName)'s minimum\(perDay)",
            platform: platform, rule: .budgetBelowMinimum, limit: "at least \(least)",
            actual: budget.amount.description)
    }

    /// The mappings the request names, in the order asked (each once), or all of the level in mapping order.
    private func resolveTargets(
        _ request: ActionRequest, among atLevel: [EntityMapping]
    ) throws(ActionError) -> [EntityMapping] {
        guard !request.entityIDs.isEmpty else { return atLevel }
        var seen: Set<String> = []
        var found: [EntityMapping] = []
        var unknown: [Violation] = []
        for (index, id) in request.entityIDs.enumerated() where seen.insert(id).inserted {
            if let mapping = atLevel.first(where: { $0.platformID == id }) {
                found.append(mapping)
            } else {
                let known = atLevel.map(\.platformID)
                unknown.append(
                    Violation(
                        platform: platform, fieldPath: "entityIDs[\(index)]", rule: .unknownReference,
                        limit: known.prefix(10).joined(separator: ", ") + (known.count > 10 ? ", …" : ""),
                        actual: id,
                        message: "\(id) is not a \(displayName) \(capabilities.hierarchy.name(of: request.level.kind)) "
                            + "of this campaign"))
            }
        }
        guard unknown.isEmpty else {
            throw ActionError(
                .unknownEntity,
                unknown.count == 1
                    ? unknown[0].message
                    : "\(unknown.count) entity ids are not this campaign's at level \(request.level)",
                violations: unknown)
        }
        return found
    }

    /// Every ad group and ad under the targets: the whole campaign below a campaign, a group's ads below a group.
    private func descendants(of targets: [EntityMapping], in mappings: [EntityMapping]) -> [EntityMapping] {
        var below: [EntityMapping] = []
        for target in targets {
            switch target.level {
            case .campaign:
                below += mappings.filter { $0.level == .adGroup || $0.level == .ad }
            case .adGroup:
                below += mappings.filter { $0.level == .ad && $0.parentPlatformID == target.platformID }
            default:
                break
            }
        }
        var seen = Set(targets.map { "\($0.level)/\($0.platformID)" })
        return below.filter { seen.insert("\($0.level)/\($0.platformID)").inserted }
    }

    /// The value our records hold for the field the action sets: the last-seen status, or the last-seen budget,
    /// else the campaign's budget or the launch's share for an ad group. Bids and targeting are read from the
    /// platform just before the change.
    private func recordedValue(
        of mapping: EntityMapping, for newValue: ActionValue, campaign: Campaign, shares: [String: Budget]
    ) -> ActionValue? {
        switch newValue {
        case .status, .archived:
            return mapping.lastSeenStatus.map(ActionValue.status)
        case .bid, .targeting:
            return nil
        case .budget:
            if let seen = mapping.lastSeenBudget { return .budget(seen) }
            if mapping.level == .campaign { return .budget(campaign.budget) }
            let prefix = TraffickingPlan.adGroupStep("")
            guard mapping.stepKey.hasPrefix(prefix) else { return nil }
            return shares[String(mapping.stepKey.dropFirst(prefix.count))].map(ActionValue.budget)
        }
    }
}
