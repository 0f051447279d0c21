import AdPlatformKit
import Foundation
import Trafficking

/// One campaign's part in an optimiser run: the campaign as it was, the decision, its line in the optimisation log
/// and, in apply mode, the lifecycle action that carries it out or why the engine refused one.
public struct CampaignOptimization: Sendable, Hashable {
    /// The campaign, as the run found it.
    public var campaign: Campaign
    /// What the optimiser decided, and on what figures.
    public var decision: BudgetDecision
    /// The decision's line in the optimisation log.
    public var logID: UUID
    /// The lifecycle action requested for it, in apply mode, when the decision changes the campaign.
    public var actionID: UUID?
    /// Why the engine refused the action, when it did.
    public var actionError: String?

    /// Creates a result line.
    public init(
        campaign: Campaign, decision: BudgetDecision, logID: UUID, actionID: UUID? = nil, actionError: String? = nil
    ) {
        self.campaign = campaign
        self.decision = decision
        self.logID = logID
        self.actionID = actionID
        self.actionError = actionError
    }
}
