/// Which level of the hierarchy carries the budget.
public enum BudgetPlacement: String, Sendable, Hashable, Codable {
    /// The campaign (Meta campaign budget, Google campaign budget).
    case campaign
    /// Each ad group (TikTok ad group, Snapchat ad squad); the request's budget is shared out among them.
    case adGroup
}
