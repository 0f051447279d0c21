import AdPlatformKit
import Foundation

/// How the optimiser may treat one campaign (seed 003's `autoOptimize`): whether it acts on it at all, and the least
/// and most daily budget it may give it, beyond the platform's own minimum.
public struct CampaignOptimizationSettings: Sendable, Hashable, Codable {
    /// Whether the optimiser decides for the campaign; on by default.
    public var autoOptimize: Bool
    /// The least daily budget, or `nil` for the platform's minimum only. In the campaign's budget currency.
    public var minimumBudget: Money?
    /// The most daily budget, or `nil` for no ceiling. In the campaign's budget currency.
    public var maximumBudget: Money?

    /// Creates settings; by default optimised, without bounds.
    public init(autoOptimize: Bool = true, minimumBudget: Money? = nil, maximumBudget: Money? = nil) {
        self.autoOptimize = autoOptimize
        self.minimumBudget = minimumBudget
        self.maximumBudget = maximumBudget
    }

    /// What a campaign starts with: optimised, without bounds.
    public static let `default` = CampaignOptimizationSettings()

    /// The problems that keep these settings off a campaign budgeting in `currency`, each naming its field: a bound
    /// in another currency, a negative bound, or a minimum above the maximum. Empty when they fit.
    public func problems(currency: Currency) -> [String] {
        var problems: [String] = []
        for (field, bound) in [("minimumBudget", minimumBudget), ("maximumBudget", maximumBudget)] {
            guard let bound else { continue }
            if bound.currency != currency {
                problems.append("\(field) is in \(bound.currency.code); the campaign budgets in \(currency.code)")
            }
            if bound.minorUnits < 0 { problems.append("\(field) is negative (\(bound))") }
        }
        if let minimum = minimumBudget, let maximum = maximumBudget, minimum.currency == maximum.currency,
            minimum.minorUnits > maximum.minorUnits
        {
            problems.append("minimumBudget (\(minimum)) is above maximumBudget (\(maximum))")
        }
        return problems
    }
}
