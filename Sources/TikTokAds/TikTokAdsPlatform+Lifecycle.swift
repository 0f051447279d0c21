import AdPlatformKit

extension TikTokAdsPlatform: BidChanging, TargetingChanging {
    /// Reads an ad group's bid: its bid type, and the price its billing event uses.
    public func bid(of entity: PlatformEntity, in account: AccountContext) async throws -> BidStrategy {
        try await settings(of: entity, in: account, operation: "readBid").bid
    }

    /// Sets an ad group's bid. The ad group is read first, because a cap goes in `bid_price` or
    /// `conversion_bid_price` depending on its billing event.
    public func setBid(_ bid: BidStrategy, of entity: PlatformEntity, in account: AccountContext) async throws {
        let operation = "setBid"
        try capabilities.checkLifecycle(.bid(bid), at: entity.kind, operation: operation)
        let current = try await settings(of: entity, in: account, operation: operation)
        let request = try requestBuilder.setBid(
            bid, adGroupID: entity.id, billingEvent: current.billingEvent, in: account)
        _ = try TikTokResponseParser.data(from: try await transport.send(request), operation: operation)
    }

    /// Reads an ad group's countries, age buckets and gender.
    public func targeting(of entity: PlatformEntity, in account: AccountContext) async throws -> Targeting {
        try await settings(of: entity, in: account, operation: "readTargeting").targeting
    }

    /// Changes an ad group's targeting with one update carrying only the fields the change gives.
    public func changeTargeting(
        _ change: TargetingChange, of entity: PlatformEntity, in account: AccountContext
    ) async throws {
        let operation = "changeTargeting"
        try capabilities.checkLifecycle(.targeting(change), at: entity.kind, operation: operation)
        let request = try requestBuilder.changeTargeting(change, adGroupID: entity.id, in: account)
        _ = try TikTokResponseParser.data(from: try await transport.send(request), operation: operation)
    }

    private func settings(
        of entity: PlatformEntity, in account: AccountContext, operation: String
    ) async throws -> TikTokAdGroupSettings {
        guard entity.kind == .adGroup else {
            throw AdPlatformError(
                code: .unsupported, message: "TikTok holds bids and targeting on ad groups, not on a \(entity.kind)",
                platform: .tiktok, operation: operation, fieldPath: "entity.kind")
        }
        let response = try await transport.send(
            try requestBuilder.readAdGroupSettings(entity.id, in: account, operation: operation))
        return try TikTokResponseParser.adGroupSettings(
            entity.id, currency: account.currency, from: response, operation: operation)
    }
}
