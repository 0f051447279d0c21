import Trafficking

/// A change the planner decided on for one entity: the value before and after, the guardrails that cut it, and
/// the lifecycle action it asks for (`nil` for a notification, which goes out as a webhook).
public struct PlannedChange: Sendable, Hashable {
    /// The value as last seen; `nil` where unknown or for a notification.
    public var oldValue: ActionValue?
    /// The value it sets; `nil` for a notification.
    public var newValue: ActionValue?
    /// The guardrails that made the change smaller than the rule asked, e.g. `maxChangePercent`.
    public var limitedBy: [String]
    /// The lifecycle action asked for. Pauses and unpauses of one campaign and level share one request.
    public var request: ActionRequest?

    /// Creates a planned change.
    public init(oldValue: ActionValue?, newValue: ActionValue?, limitedBy: [String] = [], request: ActionRequest?) {
        self.oldValue = oldValue
        self.newValue = newValue
        self.limitedBy = limitedBy
        self.request = request
    }
}
