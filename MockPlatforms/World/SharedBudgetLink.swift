/// How an entity points at the budget entity it spends from: the budget's id, and the field whose value every
/// entity sharing that budget holds, so delivery can split the budget among all of them.
public struct SharedBudgetLink: Sendable, Hashable {
    /// The budget entity's id.
    public var budgetID: String
    /// The top-level field of the spending entities that names the budget, e.g. `campaignBudget`.
    public var field: String
    /// The value that field holds, e.g. `customers/1/campaignBudgets/11`.
    public var value: String

    /// A link to a budget entity.
    public init(budgetID: String, field: String, value: String) {
        self.budgetID = budgetID
        self.field = field
        self.value = value
    }
}
