import AdPlatformKit

extension TikTokRequestBuilder {
    /// `POST campaign|adgroup|ad/status/update/` with one id and `ENABLE`, `DISABLE` or `DELETE`.
    public func setStatus(
        _ status: DeliveryStatus, of kind: EntityKind, id: String, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "setStatus"
        let resource = try TikTokEntityResource.of(kind, operation: operation)
        let body: JSONValue = [
            "advertiser_id": .string(account.accountID),
            resource.idsField: [.string(id)],
            "operation_status": .string(TikTokOperationStatus.value(for: status)),
        ]
        return try post("\(resource.endpoint)/status/update", body: body, in: account, operation: operation)
    }

    /// `POST adgroup/update/` with the new budget, or `POST campaign/update/` with budget and budget mode.
    public func setBudget(
        _ budget: Budget, of kind: EntityKind, id: String, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "setBudget"
        let value = try amount(budget.amount, in: account, operation: operation, fieldPath: "budget.amount")
        switch kind {
        case .adGroup:
            let body: JSONValue = [
                "advertiser_id": .string(account.accountID), "adgroup_id": .string(id), "budget": value,
            ]
            return try post("adgroup/update", body: body, in: account, operation: operation)
        case .campaign:
            let body: JSONValue = [
                "advertiser_id": .string(account.accountID), "campaign_id": .string(id), "budget": value,
                "budget_mode": .string(budget.period == .daily ? "BUDGET_MODE_DAY" : "BUDGET_MODE_TOTAL"),
            ]
            return try post("campaign/update", body: body, in: account, operation: operation)
        default:
            throw AdPlatformError(
                code: .unsupported, message: "TikTok budgets sit on ad groups or campaigns, not on a \(kind)",
                platform: .tiktok, operation: operation)
        }
    }
}
