import AdPlatformKit

extension TikTokRequestBuilder {
    /// `POST campaign/create/`. Budgets sit on ad groups in this module, so the campaign is created with
    /// `BUDGET_MODE_INFINITE` and any campaign budget in the spec is not sent.
    public func createCampaign(
        _ spec: CampaignSpec, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "createCampaign"
        guard let objective = capabilities.objectives[spec.objective] else {
            throw AdPlatformError(
                code: .unsupported, message: "TikTok has no objective for '\(spec.objective.rawValue)'",
                platform: .tiktok, operation: operation, fieldPath: "objective")
        }
        let body: JSONValue = [
            "advertiser_id": .string(account.accountID),
            "campaign_name": .string(spec.name),
            "objective_type": .string(objective),
            "budget_mode": "BUDGET_MODE_INFINITE",
            "operation_status": .string(
                try TikTokOperationStatus.creationValue(for: spec.status, operation: operation)),
        ]
        return try post("campaign/create", body: body, in: account, operation: operation)
    }
}
