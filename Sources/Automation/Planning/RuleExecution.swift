import AdPlatformKit
import Foundation
import Trafficking

/// The history record of one action a rule took on one entity: the rule, the inputs it read, the old and new
/// values, and, once the engine has run the lifecycle action, the platform's response. (The store table for these
/// comes later; this is the value it will hold.)
public struct RuleExecution: Sendable, Hashable, Codable {
    /// The rule.
    public var ruleID: String
    /// Its name when it ran.
    public var ruleName: String
    /// When it ran.
    public var at: Date
    /// The entity.
    public var entity: EntityKey
    /// Its platform.
    public var platform: PlatformID
    /// The action.
    public var action: RuleAction
    /// The values the conditions read.
    public var inputs: [ObservedValue]
    /// The value before; `nil` where unknown or for a notification.
    public var oldValue: ActionValue?
    /// The value after; `nil` for a notification.
    public var newValue: ActionValue?
    /// The guardrails that cut the change.
    public var limitedBy: [String]
    /// The lifecycle action that carries it, once the engine has stored it.
    public var actionID: UUID?
    /// What the platform answered, once the action ran (or the webhook was delivered).
    public var response: PlatformResponse?

    /// Creates a record.
    public init(
        ruleID: String, ruleName: String, at: Date, entity: EntityKey, platform: PlatformID, action: RuleAction,
        inputs: [ObservedValue], oldValue: ActionValue?, newValue: ActionValue?, limitedBy: [String] = [],
        actionID: UUID? = nil, response: PlatformResponse? = nil
    ) {
        self.ruleID = ruleID
        self.ruleName = ruleName
        self.at = at
        self.entity = entity
        self.platform = platform
        self.action = action
        self.inputs = inputs
        self.oldValue = oldValue
        self.newValue = newValue
        self.limitedBy = limitedBy
        self.actionID = actionID
        self.response = response
    }
}
