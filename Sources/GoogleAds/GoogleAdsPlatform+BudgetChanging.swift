import AdPlatformKit

extension GoogleAdsPlatform: BudgetChanging {
    /// Sets the daily amount of a campaign's budget, or of a budget entity. A campaign without the
    /// `budgetResourceName` attribute has it looked up first with a search.
    public func setBudget(_ budget: Budget, of entity: PlatformEntity, in account: AccountContext) async throws {
        let operation = "setBudget"
        let budgetResourceName: String
        switch entity.kind {
        case .campaign:
            if let known = entity.attributes["budgetResourceName"] {
                budgetResourceName = known
            } else {
                let query = try GoogleQueryBuilder.campaignBudgetQuery(campaignID: entity.id)
                let page = try GoogleResponseParser.searchPage(
                    try await send(try requests.search(query, in: account, operation: operation), operation: operation),
                    operation: operation)
                budgetResourceName = try GoogleResponseParser.campaignBudgetResourceName(
                    in: page.rows, operation: operation)
            }
        case .budget:
            guard let resource = GoogleEntityResource.forKind(.budget) else {
                throw AdPlatformError.google(.unsupported, "no budget resource", operation: operation)
            }
            budgetResourceName = try requests.resourceName(
                of: entity, resource: resource, in: account, operation: operation)
        default:
            throw AdPlatformError.google(
                .unsupported, "Google budgets sit on campaigns, not on \(entity.kind)", operation: operation,
                fieldPath: "entity.kind")
        }
        let request = try requests.setBudget(budget, budgetResourceName: budgetResourceName, in: account)
        _ = try GoogleResponseParser.firstResultResourceName(
            try await send(request, operation: operation), operation: operation)
    }
}
