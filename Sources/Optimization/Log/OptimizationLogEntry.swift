import AdPlatformKit
import Foundation
import Trafficking

/// One line of the optimisation log (seed 003's `CampaignOptimizationLog`): what was decided for a campaign or one
/// of its ads, the value before and after, why, how sure, the figures, and when. Every decision is logged,
/// maintains and dry runs included.
public struct OptimizationLogEntry: Sendable, Hashable, Codable {
    /// The campaign of ours.
    public var campaignID: UUID
    /// The platform id of the ad a creative decision is about; `nil` for the campaign.
    public var entityID: String?
    /// What was decided.
    public var action: OptimizationAction
    /// The value before: the daily budget, or the status.
    public var previousValue: ActionValue?
    /// The value after; the same as before for a maintain, `nil` where nothing is set (a winner is only marked).
    public var newValue: ActionValue?
    /// Why, for a person.
    public var reason: String
    /// How sure, from 0 to 1.
    public var confidence: Double
    /// The figures it was made on.
    public var metrics: LoggedMetrics
    /// Whether it was only logged or also requested as a lifecycle action.
    public var mode: OptimizationMode
    /// When the pass ran (the time it was given, not a clock read).
    public var createdAt: Date

    /// Creates an entry.
    public init(
        campaignID: UUID, entityID: String? = nil, action: OptimizationAction, previousValue: ActionValue?,
        newValue: ActionValue?, reason: String, confidence: Double, metrics: LoggedMetrics, mode: OptimizationMode,
        createdAt: Date
    ) {
        self.campaignID = campaignID
        self.entityID = entityID
        self.action = action
        self.previousValue = previousValue
        self.newValue = newValue
        self.reason = reason
        self.confidence = confidence
        self.metrics = metrics
        self.mode = mode
        self.createdAt = createdAt
    }

    /// The entry of a budget decision: a budget before and after, or the status for a pause.
    public init(_ decision: BudgetDecision, mode: OptimizationMode, at date: Date) {
        let paused = decision.action == .campaignPaused
        self.init(
            campaignID: decision.campaignID, action: decision.action,
            previousValue: paused ? .status(.active) : .budget(decision.previousBudget),
            newValue: paused ? .status(.paused) : .budget(decision.newBudget), reason: decision.reason,
            confidence: decision.confidence, metrics: .campaign(decision.snapshot), mode: mode, createdAt: date)
    }
}
