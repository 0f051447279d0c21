import AdPlatformKit
import Foundation
import Trafficking

/// One run of the budget optimiser over many campaigns: a decision and a log entry for each campaign optimised and,
/// in apply mode, the lifecycle action requests that carry the decisions out.
///
/// Pure: it takes the campaigns, their delivery and the time, and returns values. The engine stores and runs the
/// actions (``TraffickingEngine/requestAction(_:)``), with their own checks, ledger and log; the optimiser never
/// calls a platform.
public struct OptimizationPass: Sendable {
    /// The decision table.
    public var optimizer: BudgetOptimizer
    /// Dry run or apply.
    public var mode: OptimizationMode

    /// A pass with a table and a mode.
    public init(settings: BudgetOptimizerSettings = BudgetOptimizerSettings(), mode: OptimizationMode) {
        self.optimizer = BudgetOptimizer(settings: settings)
        self.mode = mode
    }

    /// Decides for every candidate at `now`. Campaigns with automatic optimisation off, not live, or on a lifetime
    /// budget are skipped with the reason.
    public func run(_ candidates: [OptimizationCandidate], at now: Date) -> OptimizationPassResult {
        var decisions: [BudgetDecision] = []
        var log: [OptimizationLogEntry] = []
        var actions: [ActionRequest] = []
        var skipped: [SkippedCampaign] = []
        decisions.reserveCapacity(candidates.count)
        log.reserveCapacity(candidates.count)
        for candidate in candidates {
            let campaign = candidate.campaign
            if let reason = Self.skipReason(candidate) {
                skipped.append(SkippedCampaign(campaignID: campaign.id, reason: reason))
                continue
            }
            let grid = candidate.grid
            let decision = optimizer.decide(
                campaignID: campaign.id, budget: campaign.budget, days: candidate.days, grid: grid,
                bounds: candidate.bounds, at: now)
            decisions.append(decision)
            log.append(OptimizationLogEntry(decision, mode: mode, at: now))
            if mode == .apply, let action = action(for: decision, candidate: candidate, grid: grid) {
                actions.append(action)
            }
        }
        return OptimizationPassResult(
            mode: mode, ranAt: now, decisions: decisions, log: log, actions: actions, skipped: skipped)
    }

    /// The request that carries a decision out, or `nil` for a maintain. A budget is set where the platform holds
    /// budgets: on the campaign, or shared evenly among its ad groups.
    public func action(
        for decision: BudgetDecision, candidate: OptimizationCandidate, grid: BudgetGrid
    ) -> ActionRequest? {
        let requestedBy = optimizer.settings.requestedBy
        switch decision.action {
        case .campaignPaused:
            return ActionRequest(
                campaignID: decision.campaignID, kind: .pause, level: .campaign, requestedBy: requestedBy)
        case .budgetIncrease, .budgetDecrease:
            let share = grid.perHolder(decision.newBudget.amount.minorUnits)
            return ActionRequest(
                campaignID: decision.campaignID, kind: .budget(Budget(.daily, share)), level: candidate.budgetLevel,
                requestedBy: requestedBy)
        default:
            return nil
        }
    }

    static func skipReason(_ candidate: OptimizationCandidate) -> String? {
        let campaign = candidate.campaign
        if !candidate.autoOptimize { return "automatic optimisation is off for this campaign" }
        if campaign.status != .live { return "the campaign is \(campaign.status.rawValue), not live" }
        if campaign.budget.period != .daily {
            return "the campaign has a lifetime budget; the optimiser sets daily ones"
        }
        return nil
    }
}
