import AdPlatformKit
import Foundation
import Trafficking

/// The optimiser's decision for one campaign: what to do, the budget before and after, why, how sure, and the
/// figures it was made on.
public struct BudgetDecision: Sendable, Hashable, Codable {
    /// The campaign of ours.
    public var campaignID: UUID
    /// Increase, decrease, maintain, or pause the campaign.
    public var action: OptimizationAction
    /// Where its return fell in the table, or that it is still learning.
    public var band: PerformanceBand
    /// Its daily budget before.
    public var previousBudget: Budget
    /// Its daily budget after: the same as before when maintained or paused.
    public var newBudget: Budget
    /// Why, for a person: the return, the window and the change.
    public var reason: String
    /// How sure, from 0 to 1.
    public var confidence: Double
    /// The figures it was made on.
    public var snapshot: PerformanceSnapshot

    /// Creates a decision.
    public init(
        campaignID: UUID, action: OptimizationAction, band: PerformanceBand, previousBudget: Budget,
        newBudget: Budget, reason: String, confidence: Double, snapshot: PerformanceSnapshot
    ) {
        self.campaignID = campaignID
        self.action = action
        self.band = band
        self.previousBudget = previousBudget
        self.newBudget = newBudget
        self.reason = reason
        self.confidence = confidence
        self.snapshot = snapshot
    }

    /// Whether the decision changes anything on the platform.
    public var changesCampaign: Bool { action == .campaignPaused || newBudget != previousBudget }
}
