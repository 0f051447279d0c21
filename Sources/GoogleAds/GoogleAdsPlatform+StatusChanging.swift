import AdPlatformKit

extension GoogleAdsPlatform: StatusChanging {
    /// Enables or pauses a campaign, ad group or ad with an update, or removes it.
    public func setStatus(
        _ status: DeliveryStatus, of entity: PlatformEntity, in account: AccountContext
    )
        async throws
    {
        let operation = "setStatus"
        let body = try await send(try requests.setStatus(status, of: entity, in: account), operation: operation)
        _ = try GoogleResponseParser.firstResultResourceName(body, operation: operation)
    }
}
