/// A platform whose budgets can be changed after launch.
public protocol BudgetChanging: AdPlatform {
    /// Sets the budget of the entity that carries it (see ``BudgetRules/placement``): a campaign, whose
    /// separate budget entity the module finds itself (Google), or an ad group.
    func setBudget(_ budget: Budget, of entity: PlatformEntity, in account: AccountContext) async throws
}
