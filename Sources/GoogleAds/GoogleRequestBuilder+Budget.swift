import AdPlatformKit

extension GoogleRequestBuilder {
    /// A `campaignBudgets:mutate` that sets `amountMicros` of a campaign budget, with `updateMask: "amountMicros"`.
    /// Lifetime budgets are not supported by this module.
    public func setBudget(
        _ budget: Budget, budgetResourceName: String, in account: AccountContext
    )
        throws(AdPlatformError) -> PlatformHTTPRequest
    {
        let operation = "setBudget"
        guard budget.period == .daily else {
            throw .google(
                .unsupported, "this module sets daily campaign budgets only", operation: operation,
                fieldPath: "budget.period")
        }
        let amountMicros = try micros(budget.amount, in: account, fieldPath: "budget.amount", operation: operation)
        let change: JSONValue = [
            "update": ["resourceName": .string(budgetResourceName), "amountMicros": amountMicros],
            "updateMask": "amountMicros",
        ]
        return try post("campaignBudgets:mutate", body: ["operations": [change]], in: account, operation: operation)
    }
}
