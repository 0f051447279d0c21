/// Where a platform's budgets sit, in what unit, and how small they may be.
public struct BudgetRules: Sendable, Hashable, Codable {
    /// The unit the API takes.
    public var unit: BudgetUnit
    /// Which level carries the budget.
    public var placement: BudgetPlacement
    /// The least daily budget, in micros of the account currency's major unit (5,000,000 is 5 units), applied
    /// to the level in ``placement``; `nil` when the platform sets none we know of.
    public var dailyMinimumMicros: Int64?
    /// Whether lifetime budgets are supported.
    public var supportsLifetime: Bool
    /// Where the minimum comes from and how sure it is, for people reading the capability table.
    public var minimumSource: String

    /// Creates rules.
    public init(
        unit: BudgetUnit, placement: BudgetPlacement, dailyMinimumMicros: Int64?, supportsLifetime: Bool = true,
        minimumSource: String
    ) {
        self.unit = unit
        self.placement = placement
        self.dailyMinimumMicros = dailyMinimumMicros
        self.supportsLifetime = supportsLifetime
        self.minimumSource = minimumSource
    }
}
