import AdPlatformKit

extension MetaAdsPlatform: BidChanging, TargetingChanging, Archiving {
    /// Archives a campaign, ad set or ad: Meta's `ARCHIVED`, after which it can only be deleted.
    public func archive(_ entity: PlatformEntity, in account: AccountContext) async throws {
        let parser = MetaResponseParser(operation: "archive")
        try capabilities.checkLifecycle(.status(.archive), at: entity.kind, operation: parser.operation)
        try parser.confirmSuccess(in: try await send(try builder.archive(entity.id, in: account), parser: parser))
    }

    /// Reads an ad set's bid strategy and amount.
    public func bid(of entity: PlatformEntity, in account: AccountContext) async throws -> BidStrategy {
        let parser = MetaResponseParser(operation: "readBid")
        try requireAdSet(entity, operation: parser.operation)
        let body = try await send(try builder.readBid(of: entity.id, in: account), parser: parser)
        return try parser.bid(in: body, currency: account.currency, unit: capabilities.budget.unit)
    }

    /// Sets an ad set's bid strategy and amount.
    public func setBid(_ bid: BidStrategy, of entity: PlatformEntity, in account: AccountContext) async throws {
        let parser = MetaResponseParser(operation: "setBid")
        try capabilities.checkLifecycle(.bid(bid), at: entity.kind, operation: parser.operation)
        try parser.confirmSuccess(
            in: try await send(try builder.setBid(bid, of: entity.id, in: account), parser: parser))
    }

    /// Reads an ad set's countries, ages and genders.
    public func targeting(of entity: PlatformEntity, in account: AccountContext) async throws -> Targeting {
        let parser = MetaResponseParser(operation: "readTargeting")
        try requireAdSet(entity, operation: parser.operation)
        let body = try await send(try builder.readTargeting(of: entity.id, in: account), parser: parser)
        return parser.targeting(fromSpec: try parser.targetingSpec(in: body))
    }

    /// Changes an ad set's targeting: reads the whole spec, applies the change, and posts the spec back, since
    /// Meta replaces `targeting` as a whole.
    public func changeTargeting(
        _ change: TargetingChange, of entity: PlatformEntity, in account: AccountContext
    ) async throws {
        let parser = MetaResponseParser(operation: "changeTargeting")
        try capabilities.checkLifecycle(.targeting(change), at: entity.kind, operation: parser.operation)
        let current = try parser.targetingSpec(
            in: try await send(try builder.readTargeting(of: entity.id, in: account), parser: parser))
        let request = try builder.changeTargeting(change, current: current, of: entity.id, in: account)
        try parser.confirmSuccess(in: try await send(request, parser: parser))
    }

    private func requireAdSet(_ entity: PlatformEntity, operation: String) throws(AdPlatformError) {
        guard entity.kind == .adGroup else {
            throw AdPlatformError(
                code: .unsupported, message: "Meta holds bids and targeting on ad sets, not on a \(entity.kind)",
                platform: .meta, operation: operation, fieldPath: "entity.kind")
        }
    }
}
