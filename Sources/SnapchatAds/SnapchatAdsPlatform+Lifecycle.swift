import AdPlatformKit

extension SnapchatAdsPlatform: BidChanging, TargetingChanging {
    /// Reads an ad squad's bid strategy and amount.
    public func bid(of entity: PlatformEntity, in account: AccountContext) async throws -> BidStrategy {
        let operation = "readBid"
        let squad = try await readSquad(entity, in: account, operation: operation)
        return try parser.bid(ofSquad: squad, currency: account.currency, operation: operation)
    }

    /// Sets an ad squad's bid by reading the squad and putting it back with the new bid fields.
    public func setBid(_ bid: BidStrategy, of entity: PlatformEntity, in account: AccountContext) async throws {
        let operation = "setBid"
        try capabilities.checkLifecycle(.bid(bid), at: entity.kind, operation: operation)
        let squad = try await readSquad(entity, in: account, operation: operation)
        let update = try builder.updateBid(bid, current: squad, in: account)
        _ = try parser.entities(.adGroup, from: try await transport.send(update), operation: operation)
    }

    /// Reads an ad squad's countries, ages and gender.
    public func targeting(of entity: PlatformEntity, in account: AccountContext) async throws -> Targeting {
        parser.targeting(ofSquad: try await readSquad(entity, in: account, operation: "readTargeting"))
    }

    /// Changes an ad squad's targeting by reading the squad and putting it back with the change applied.
    public func changeTargeting(
        _ change: TargetingChange, of entity: PlatformEntity, in account: AccountContext
    ) async throws {
        let operation = "changeTargeting"
        try capabilities.checkLifecycle(.targeting(change), at: entity.kind, operation: operation)
        let squad = try await readSquad(entity, in: account, operation: operation)
        let update = try builder.updateTargeting(change, current: squad, in: account)
        _ = try parser.entities(.adGroup, from: try await transport.send(update), operation: operation)
    }

    private func readSquad(
        _ entity: PlatformEntity, in account: AccountContext, operation: String
    ) async throws -> [String: JSONValue] {
        guard entity.kind == .adGroup else {
            throw AdPlatformError(
                code: .unsupported, message: "Snapchat holds bids and targeting on ad squads, not on a \(entity.kind)",
                platform: .snapchat, operation: operation, fieldPath: "entity.kind")
        }
        let read = try builder.readEntity(.adGroup, id: entity.id, in: account, operation: operation)
        return try parser.rawEntity(.adGroup, from: try await transport.send(read), operation: operation)
    }
}
