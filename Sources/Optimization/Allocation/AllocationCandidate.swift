import AdPlatformKit
import Foundation
import Trafficking

/// One campaign as the allocator sees it: its daily budget now, what its platform can express, its bounds, its
/// delivery, and whether it is still learning (then it is held where it is).
public struct AllocationCandidate: Sendable, Hashable {
    /// The campaign of ours.
    public var campaignID: UUID
    /// Its daily budget now.
    public var currentBudget: Money
    /// The budgets its platform can express.
    public var grid: BudgetGrid
    /// Its own least and most.
    public var bounds: BudgetBounds
    /// Its daily delivery, oldest first.
    public var days: [DailyPerformance]
    /// Whether it is still learning: held at its current budget.
    public var learning: Bool

    /// Creates a candidate.
    public init(
        campaignID: UUID, currentBudget: Money, grid: BudgetGrid, bounds: BudgetBounds = .open,
        days: [DailyPerformance], learning: Bool = false
    ) {
        self.campaignID = campaignID
        self.currentBudget = currentBudget
        self.grid = grid
        self.bounds = bounds
        self.days = days
        self.learning = learning
    }

    /// A candidate from an optimiser's candidate, learning as the optimiser judges it at `now`.
    public init(_ candidate: OptimizationCandidate, optimizer: BudgetOptimizer = BudgetOptimizer(), at now: Date) {
        let grid = candidate.grid
        let decision = optimizer.decide(
            campaignID: candidate.campaign.id, budget: candidate.campaign.budget, days: candidate.days, grid: grid,
            bounds: candidate.bounds, at: now)
        self.init(
            campaignID: candidate.campaign.id, currentBudget: candidate.campaign.budget.amount, grid: grid,
            bounds: candidate.bounds, days: candidate.days, learning: decision.band == .learning)
    }
}
