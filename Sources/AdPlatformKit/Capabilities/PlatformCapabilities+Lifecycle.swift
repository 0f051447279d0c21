import Foundation

extension PlatformCapabilities {
    /// Why the platform cannot take an action at a level, from the capability data alone, or `nil` when it can.
    ///
    /// Pure: no call is made. It checks that the level takes lifecycle actions, that the level supports the
    /// action (status, budget period, bid strategy, every targeting field given), and the values the data knows
    /// limits for (the daily budget minimum where budgets sit, positive bid amounts, the age limits, the countries
    /// the module can target). The platform may still refuse what only it knows (a bid below its minimum for the
    /// ad group's billing event).
    public func lifecycleRefusal(for action: LifecycleChange, at level: EntityKind) -> LifecycleRefusal? {
        let levelName = lifecycleLevelName(level)
        guard let supported = lifecycle.level(level) else {
            return refusal(
                level, capability: action.capability, .unsupported, fieldPath: "level",
                "\(displayName) takes no lifecycle actions on \(Self.withArticle(levelName)); only campaigns, ad groups and ads"
            )
        }
        switch action {
        case .status(let status):
            guard supported.statusActions.contains(status) else {
                let why =
                    lifecycle.note(for: action.capability, at: level)
                    ?? (status == .archive ? lifecycle.archive.explanation : "not supported at this level")
                return refusal(
                    level, capability: action.capability, .unsupported, fieldPath: "status",
                    "\(displayName) cannot \(status.rawValue) \(Self.withArticle(levelName)): \(why)")
            }
            return nil
        case .budget(let budget):
            guard supported.budgetPeriods.contains(budget.period) else {
                let why =
                    lifecycle.note(for: action.capability, at: level)
                    ?? (supported.budgetPeriods.isEmpty
                        ? "budgets sit on the \(lifecycleLevelName(budgetLevel))"
                        : "only \(supported.budgetPeriods.map(\.rawValue).sorted().joined(separator: " and ")) budgets are supported")
                return refusal(
                    level, capability: action.capability, .unsupported, fieldPath: "budget.period",
                    "\(displayName) cannot set a \(budget.period.rawValue) budget on \(Self.withArticle(levelName)): \(why)"
                )
            }
            return budgetValueRefusal(budget, level: level)
        case .bid(let bid):
            guard supported.bidStrategies.contains(bid.kind) else {
                let why = lifecycle.note(for: action.capability, at: level) ?? "not supported at this level"
                return refusal(
                    level, capability: action.capability, .unsupported, fieldPath: "bid",
                    "\(displayName) cannot set \(Self.withArticle(bid.kind.rawValue)) bid on \(Self.withArticle(levelName)): \(why)"
                )
            }
            if let amount = bid.amount, amount.minorUnits <= 0 {
                return refusal(
                    level, capability: action.capability, .invalidValue, fieldPath: "bid.amount",
                    "a \(bid.kind.rawValue) bid on \(displayName) must be above zero, got \(amount)")
            }
            if case .targetROAS(let roas) = bid, roas.basisPoints <= 0 {
                return refusal(
                    level, capability: action.capability, .invalidValue, fieldPath: "bid.roas",
                    "a target ROAS on \(displayName) must be above zero, got \(roas)")
            }
            return nil
        case .targeting(let change):
            return targetingRefusal(change, supported: supported.targetingFields, level: level)
        }
    }

    /// Throws the refusal as an ``AdPlatformError`` for `operation`; does nothing when the action is possible.
    /// Platform modules call it first, so an unsupported action never reaches the network.
    public func checkLifecycle(
        _ action: LifecycleChange, at level: EntityKind, operation: String
    ) throws(AdPlatformError) {
        if let refusal = lifecycleRefusal(for: action, at: level) { throw refusal.error(operation: operation) }
    }

    /// The platform's name for a level without any note in parentheses: `ad set`, `ad squad`.
    func lifecycleLevelName(_ kind: EntityKind) -> String {
        let name = hierarchy.name(of: kind)
        guard let open = name.firstIndex(of: "(") else { return name }
        return String(name[..<open]).trimmingCharacters(in: .whitespaces)
    }

    /// `an ad set`, `a campaign`, `an automatic`: the indefinite article English puts before a word.
    static func withArticle(_ word: String) -> String {
        guard let first = word.lowercased().first else { return word }
        return ("aeiou".contains(first) ? "an " : "a ") + word
    }

    private var budgetLevel: EntityKind { budget.placement == .campaign ? .campaign : .adGroup }

    private func budgetValueRefusal(_ budget: Budget, level: EntityKind) -> LifecycleRefusal? {
        let capability = "budget.\(budget.period.rawValue)"
        guard budget.amount.minorUnits > 0 else {
            return refusal(
                level, capability: capability, .invalidValue, fieldPath: "budget.amount",
                "a budget on \(displayName) must be above zero, got \(budget.amount)")
        }
        // The minimum is known for daily budgets where the platform's budgets normally sit.
        guard budget.period == .daily, level == budgetLevel, let minimum = self.budget.dailyMinimumMicros,
            let micros = try? budget.amount.micros(), micros < minimum
        else { return nil }
        let least = Money.rounding(micros: minimum, currency: budget.amount.currency)
        return refusal(
            level, capability: capability, .budgetTooLow, fieldPath: "budget.amount",
            "\(displayName)'s daily budget on \(Self.withArticle(lifecycleLevelName(level))) must be at least \(least); got \(budget.amount)"
        )
    }

    private func targetingRefusal(
        _ change: TargetingChange, supported: Set<TargetingField>, level: EntityKind
    ) -> LifecycleRefusal? {
        let levelName = lifecycleLevelName(level)
        guard !change.isEmpty else {
            return refusal(
                level, capability: "targeting", .invalidValue, fieldPath: "targeting",
                "a targeting change on \(displayName) must give countries, an age range or genders")
        }
        for field in change.fields where !supported.contains(field) {
            let capability = "targeting.\(field.rawValue)"
            let holders = [EntityKind.campaign, .adGroup].filter {
                lifecycle.level($0)?.targetingFields.contains(field) == true
            }
            let why =
                lifecycle.note(for: capability, at: level)
                ?? (holders.isEmpty
                    ? "\(displayName) has no \(field.rawValue) targeting this module can change"
                    : "\(displayName) holds \(field.rawValue) on the \(holders.map(lifecycleLevelName).joined(separator: " and "))")
            return refusal(
                level, capability: capability, .unsupported, fieldPath: "targeting.\(field.rawValue)",
                "\(displayName) cannot change \(field.rawValue) on \(Self.withArticle(levelName)): \(why)")
        }
        if let countries = change.countries {
            guard !countries.isEmpty else {
                return refusal(
                    level, capability: "targeting.countries", .invalidValue, fieldPath: "targeting.countries",
                    "\(displayName) needs at least one country to deliver to")
            }
            for (index, country) in countries.enumerated() {
                let code = country.uppercased()
                guard CountryCodes.isAssigned(code) else {
                    return refusal(
                        level, capability: "targeting.countries", .invalidValue,
                        fieldPath: "targeting.countries[\(index)]",
                        "'\(country)' is not an assigned ISO-3166 alpha-2 country code (US, GB, …)")
                }
                if let known = lifecycle.countries, !known.contains(code) {
                    return refusal(
                        level, capability: "targeting.countries", .unsupported,
                        fieldPath: "targeting.countries[\(index)]",
                        "\(displayName) cannot target \(code) through this module; it knows \(known.sorted().joined(separator: ", "))"
                    )
                }
            }
        }
        if let ages = change.ageRange {
            guard ages.minimum <= ages.maximum else {
                return refusal(
                    level, capability: "targeting.ageRange", .invalidValue, fieldPath: "targeting.ageRange",
                    "age range \(ages) has its minimum above its maximum")
            }
            if let limits = lifecycle.ageLimits,
                ages.minimum < limits.minimum || ages.maximum > limits.maximum
            {
                return refusal(
                    level, capability: "targeting.ageRange", .invalidValue, fieldPath: "targeting.ageRange",
                    "\(displayName) targets ages \(limits.minimum) to \(limits.maximum) (\(limits.maximum) meaning "
                        + "\(limits.maximum) and over); \(ages) is outside them")
            }
        }
        return nil
    }

    private func refusal(
        _ level: EntityKind, capability: String, _ reason: LifecycleRefusal.Reason, fieldPath: String,
        _ message: String
    ) -> LifecycleRefusal {
        LifecycleRefusal(
            platform: platform, level: level, capability: capability, reason: reason, fieldPath: fieldPath,
            message: "\(message) (capability \(capability))")
    }
}
