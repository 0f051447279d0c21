import AdPlatformKit
import Foundation

/// One stored line of the optimisation log (seed 003's `CampaignOptimizationLog`): what an optimiser decided for a
/// campaign or one of its ads, the value before and after, why, how sure, the figures it used, the mode, when, and
/// the lifecycle action that carried it out where one was requested.
///
/// The engine keeps these lines without interpreting them: the action is the optimiser's name for it
/// (`BUDGET_INCREASE`…), the mode its name (`dryRun`, `apply`) and the figures its own JSON, so the `Optimization`
/// module decides what they mean.
public struct OptimizationRecord: Sendable, Hashable, Codable, Identifiable {
    /// Our id for the line, time-ordered.
    public var id: UUID
    /// The campaign of ours.
    public var campaignID: UUID
    /// The campaign's ad account.
    public var accountID: UUID
    /// The campaign's platform.
    public var platform: PlatformID
    /// The platform id of the entity (an ad) a decision is about, or `nil` for the campaign.
    public var entityID: String?
    /// What was decided, as the optimiser names it: `BUDGET_INCREASE`, `CAMPAIGN_PAUSED`…
    public var action: String
    /// The value before: a budget or a status.
    public var previousValue: ActionValue?
    /// The value after; the same as before for a maintain.
    public var newValue: ActionValue?
    /// Why, for a person.
    public var reason: String
    /// How sure, from 0 to 1.
    public var confidence: Double
    /// The figures the decision was made on, as JSON text.
    public var metricsJSON: String
    /// The mode of the pass: `dryRun` or `apply`.
    public var mode: String
    /// When the pass ran, on the store's clock.
    public var createdAt: Date
    /// The lifecycle action requested to carry the decision out, once requested.
    public var actionID: UUID?
    /// Why the action could not be requested (the engine refused it), when it could not.
    public var actionError: String?

    /// Creates a line.
    public init(
        id: UUID, campaignID: UUID, accountID: UUID, platform: PlatformID, entityID: String? = nil, action: String,
        previousValue: ActionValue?, newValue: ActionValue?, reason: String, confidence: Double, metricsJSON: String,
        mode: String, createdAt: Date, actionID: UUID? = nil, actionError: String? = nil
    ) {
        self.id = id
        self.campaignID = campaignID
        self.accountID = accountID
        self.platform = platform
        self.entityID = entityID
        self.action = action
        self.previousValue = previousValue
        self.newValue = newValue
        self.reason = reason
        self.confidence = confidence
        self.metricsJSON = metricsJSON
        self.mode = mode
        self.createdAt = createdAt
        self.actionID = actionID
        self.actionError = actionError
    }
}
