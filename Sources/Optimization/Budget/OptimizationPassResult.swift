import AdPlatformKit
import Foundation
import Trafficking

/// What a pass decided, logged and (in apply mode) asks the engine to do.
public struct OptimizationPassResult: Sendable, Hashable {
    /// The mode it ran in.
    public var mode: OptimizationMode
    /// When it ran (the time it was given).
    public var ranAt: Date
    /// One decision per campaign optimised, in the order given.
    public var decisions: [BudgetDecision]
    /// One entry per decision, maintains included.
    public var log: [OptimizationLogEntry]
    /// The lifecycle actions to request through ``TraffickingEngine/requestAction(_:)``: none in a dry run.
    public var actions: [ActionRequest]
    /// The campaigns left alone, and why.
    public var skipped: [SkippedCampaign]

    /// Creates a result.
    public init(
        mode: OptimizationMode, ranAt: Date, decisions: [BudgetDecision], log: [OptimizationLogEntry],
        actions: [ActionRequest], skipped: [SkippedCampaign]
    ) {
        self.mode = mode
        self.ranAt = ranAt
        self.decisions = decisions
        self.log = log
        self.actions = actions
        self.skipped = skipped
    }
}
