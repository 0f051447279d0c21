import AdPlatformKit

extension MetaRequestBuilder {
    /// `POST /{v}/{id}/` with `status=ACTIVE|PAUSED|DELETED`. The trailing slash is how Meta's SDK addresses a
    /// node update.
    public func setStatus(
        _ status: DeliveryStatus, of entityID: String, in context: AccountContext
    )
        throws(AdPlatformError) -> PlatformHTTPRequest
    {
        let operation = "setStatus"
        let account = try MetaAccount(context, operation: operation)
        return try request(
            .post, path: [entityID], trailingSlash: true,
            form: [("status", .string(MetaStatus.platformValue(for: status)))], account: account, operation: operation)
    }

    /// `POST /{v}/{id}/` with `daily_budget` or `lifetime_budget` in Meta's offset units.
    public func setBudget(
        _ budget: Budget, of entityID: String, in context: AccountContext
    ) throws(AdPlatformError)
        -> PlatformHTTPRequest
    {
        let operation = "setBudget"
        let account = try MetaAccount(context, operation: operation)
        let field = try budgetField(budget, account: account, operation: operation)
        return try request(
            .post, path: [entityID], trailingSlash: true, form: [field], account: account, operation: operation)
    }
}
