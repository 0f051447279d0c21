import AdPlatformKit
import Foundation

/// One action a rule took on one entity, as the engine keeps it: the rule, the entity, the action's name, the whole
/// record as the `Automation` module wrote it (inputs, old and new values, guardrails that cut it) as JSON text, the
/// lifecycle action that carries it out, and what came of it.
///
/// The outcome is read, not copied: a stored line joins its lifecycle action, so ``actionStatus``, ``actionError``
/// and ``platformAnswer`` (from the action's step for the entity) are the action's as they are now.
public struct RuleExecutionRecord: Sendable, Hashable, Codable, Identifiable {
    /// Our id for the line, time-ordered.
    public var id: UUID
    /// The rule.
    public var ruleID: String
    /// The rule's name when it ran.
    public var ruleName: String
    /// The campaign of ours the entity belongs to.
    public var campaignID: UUID
    /// The campaign's ad account.
    public var accountID: UUID
    /// The campaign's platform.
    public var platform: PlatformID
    /// The level of the entity: `campaign`, `adGroup` or `ad`.
    public var level: String
    /// The entity's platform id.
    public var entityID: String
    /// The action's name: `pause`, `unpause`, `changeBudget`, `changeBid` or `notify`.
    public var action: String
    /// The `Automation` module's record of the execution, as JSON text.
    public var executionJSON: String
    /// When the rule ran, on the store's clock.
    public var createdAt: Date
    /// The id its lifecycle action is requested under, chosen before the line is written, so that asking again
    /// after a crash stores no second action; `nil` for a notification.
    public var plannedActionID: UUID?
    /// The lifecycle action requested to carry it out, once requested.
    public var actionID: UUID?
    /// What became of it where no lifecycle action tells: the engine's refusal, or a webhook's delivery.
    public var response: String?
    /// Whether that response is a failure.
    public var failed: Bool
    /// The lifecycle action's status now; `nil` without an action.
    public var actionStatus: ActionStatus?
    /// The lifecycle action's error, when it failed.
    public var actionError: String?
    /// The platform's answer to the change of this entity, as the action's step recorded it (`HTTP 200: …`), once
    /// the change is made.
    public var platformAnswer: String?

    /// Creates a line; the store fills ``actionStatus`` and ``actionError`` when it reads one back.
    public init(
        id: UUID, ruleID: String, ruleName: String, campaignID: UUID, accountID: UUID, platform: PlatformID,
        level: String, entityID: String, action: String, executionJSON: String, createdAt: Date,
        plannedActionID: UUID? = nil, actionID: UUID? = nil, response: String? = nil, failed: Bool = false,
        actionStatus: ActionStatus? = nil,
        actionError: String? = nil, platformAnswer: String? = nil
    ) {
        self.id = id
        self.ruleID = ruleID
        self.ruleName = ruleName
        self.campaignID = campaignID
        self.accountID = accountID
        self.platform = platform
        self.level = level
        self.entityID = entityID
        self.action = action
        self.executionJSON = executionJSON
        self.createdAt = createdAt
        self.plannedActionID = plannedActionID
        self.actionID = actionID
        self.response = response
        self.failed = failed
        self.actionStatus = actionStatus
        self.actionError = actionError
        self.platformAnswer = platformAnswer
    }
}
