import AdPlatformKit
import Foundation
import Trafficking

/// How a forecast scales a campaign's recent delivery to a new budget.
public enum ForecastMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// Seed 003's `forecast_performance`: conversions and value grow in proportion to the budget up to twice it,
    /// and at half that rate beyond. Needs only the window's sums; overestimates a campaign that is already
    /// saturating.
    case seed
    /// The campaign's own response (``SpendResponse``), fitted on its days: follows its diminishing returns where
    /// its spend has moved, and falls back to the prior elasticity where it has not.
    case fittedResponse
}
