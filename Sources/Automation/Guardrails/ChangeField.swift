/// What a past or planned change touched: the guardrails count changes per field.
public enum ChangeField: String, Sendable, Hashable, Codable {
    /// The delivery status (pause, unpause).
    case status
    /// The budget.
    case budget
    /// The bid.
    case bid
    /// Nothing on the platform: a rule's notification, which still starts its cooldown.
    case notification
}
