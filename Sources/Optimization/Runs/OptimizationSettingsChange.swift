import AdPlatformKit
import Foundation
import Trafficking

/// A change to one campaign's optimisation settings (``CampaignOptimizationSettings``), as the CLI's
/// `adops optimize settings` and `PUT /api/v1/campaigns/{id}/optimization` ask for it: each part left as it is when
/// `nil`, a bound set to an amount or removed.
public struct OptimizationSettingsChange: Sendable, Hashable {
    /// A new value for one budget bound.
    public enum Bound: Sendable, Hashable {
        /// No bound: the platform's minimum only, or no ceiling.
        case none
        /// This daily amount, in the campaign's budget currency.
        case amount(Money)
    }

    /// Whether the optimiser decides for the campaign, or `nil` to leave it.
    public var autoOptimize: Bool?
    /// The least daily budget, or `nil` to leave it.
    public var minimumBudget: Bound?
    /// The most daily budget, or `nil` to leave it.
    public var maximumBudget: Bound?

    /// A change; by default it changes nothing.
    public init(autoOptimize: Bool? = nil, minimumBudget: Bound? = nil, maximumBudget: Bound? = nil) {
        self.autoOptimize = autoOptimize
        self.minimumBudget = minimumBudget
        self.maximumBudget = maximumBudget
    }

    /// Whether it changes nothing.
    public var isEmpty: Bool { autoOptimize == nil && minimumBudget == nil && maximumBudget == nil }

    /// `current` with the change made.
    public func applied(to current: CampaignOptimizationSettings) -> CampaignOptimizationSettings {
        var settings = current
        if let autoOptimize { settings.autoOptimize = autoOptimize }
        if let minimumBudget { settings.minimumBudget = Self.money(minimumBudget) }
        if let maximumBudget { settings.maximumBudget = Self.money(maximumBudget) }
        return settings
    }

    /// Why the change cannot be made on a campaign with `current` settings budgeting in `currency`: every problem,
    /// each naming its field (`minimumBudget`, `maximumBudget`) with code ``OptimizerError/Code/invalidSettings``.
    /// A bound in another currency or negative is named; so is a minimum above the maximum (on the bound this change
    /// sets, the minimum when it sets both). Empty when it can be made.
    public func violations(
        against current: CampaignOptimizationSettings, currency: Currency
    ) -> [OptimizerError] {
        var violations: [OptimizerError] = []
        for (field, bound) in [("minimumBudget", minimumBudget), ("maximumBudget", maximumBudget)] {
            guard case .amount(let money)? = bound else { continue }
            if money.currency != currency {
                violations.append(
                    OptimizerError(
                        .invalidSettings, field: field,
                        "is in \(money.currency.code); the campaign budgets in \(currency.code)"))
            } else if money.minorUnits < 0 {
                violations.append(OptimizerError(.invalidSettings, field: field, "must not be negative (\(money))"))
            }
        }
        guard violations.isEmpty else { return violations }
        let settings = applied(to: current)
        if let minimum = settings.minimumBudget, let maximum = settings.maximumBudget,
            minimum.minorUnits > maximum.minorUnits
        {
            let field = minimumBudget != nil || maximumBudget == nil ? "minimumBudget" : "maximumBudget"
            violations.append(
                OptimizerError(
                    .invalidSettings, field: field,
                    "the least budget (\(minimum)) is above the most (\(maximum))"))
        }
        return violations
    }

    private static func money(_ bound: Bound) -> Money? {
        switch bound {
        case .none: nil
        case .amount(let money): money
        }
    }
}
