import AdPlatformKit
import Foundation
import Trafficking

/// What an optimisation decided for a campaign or a creative: seed 003's `OptimizationAction`, plus the creative
/// test's two verdicts. Stored as the seed's upper-case names.
public enum OptimizationAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// The daily budget goes up.
    case budgetIncrease = "BUDGET_INCREASE"
    /// The daily budget goes down.
    case budgetDecrease = "BUDGET_DECREASE"
    /// The daily budget stays: acceptable performance, learning, or nothing the platform could express.
    case budgetMaintain = "BUDGET_MAINTAIN"
    /// A creative's ad was paused as the loser of a test.
    case creativePaused = "CREATIVE_PAUSED"
    /// A creative was given more delivery.
    case creativeScaled = "CREATIVE_SCALED"
    /// A creative was marked the winner of a test.
    case creativeWinner = "CREATIVE_WINNER"
    /// The campaign was paused for poor return.
    case campaignPaused = "CAMPAIGN_PAUSED"
    /// The targeting was changed.
    case targetingAdjusted = "TARGETING_ADJUSTED"
}
