import AdPlatformKit

extension MetaAdsPlatform {
    /// Finds the entity whose name carries the marker: a list filtered by `name CONTAIN marker`, checked exactly,
    /// page by page. Images return `nil` without a call: their hash is their content, so uploading again is
    /// already idempotent.
    public func findEntity(
        marked marker: IdempotencyMarker, kind: EntityKind, under parent: PlatformEntity? = nil,
        in account: AccountContext
    ) async throws -> PlatformEntity? {
        guard kind != .media else { return nil }
        let parser = MetaResponseParser(operation: "findEntity")
        let metaAccount = try MetaAccount(account, operation: parser.operation)
        var cursor: String?
        repeat {
            let body = try await send(
                try builder.findMarked(marker, kind: kind, in: account, after: cursor), parser: parser)
            let page = try parser.entityPage(in: body, kind: kind, accountNodeID: metaAccount.nodeID)
            if let match = page.entities.first(where: { marker.isCarried(by: $0.name) }) { return match }
            cursor = try advance(from: cursor, to: page.nextCursor, parser: parser)
        } while cursor != nil
        return nil
    }

    /// Reads one entity, with the budget it holds; Meta's "object does not exist" becomes `notFound`.
    public func readEntity(_ kind: EntityKind, id: String, in account: AccountContext) async throws -> PlatformEntity {
        let parser = MetaResponseParser(operation: "readEntity")
        let metaAccount = try MetaAccount(account, operation: parser.operation)
        let body = try await send(try builder.read(kind, id: id, in: account), parser: parser)
        guard kind == .media else {
            var entity = try parser.entity(from: body, kind: kind, accountNodeID: metaAccount.nodeID)
            entity.budget = Self.budget(of: entity, currency: account.currency)
            return entity
        }
        let hash = id.split(separator: ":").last.map(String.init) ?? id
        return try parser.imageEntity(in: body, hash: hash, accountNodeID: metaAccount.nodeID)
    }

    /// Lists one page of entities with Meta's cursor paging.
    public func listEntities(
        _ kind: EntityKind, in account: AccountContext, pageSize: Int, after cursor: String?
    )
        async throws -> EntityPage
    {
        let parser = MetaResponseParser(operation: "listEntities")
        let metaAccount = try MetaAccount(account, operation: parser.operation)
        let body = try await send(
            try builder.list(kind, in: account, pageSize: pageSize, after: cursor), parser: parser)
        var page = try parser.entityPage(in: body, kind: kind, accountNodeID: metaAccount.nodeID)
        for index in page.entities.indices {
            page.entities[index].budget = Self.budget(of: page.entities[index], currency: account.currency)
        }
        return page
    }

    /// The budget a campaign (with campaign budget optimisation) or an ad set holds: Meta's `daily_budget` or
    /// `lifetime_budget`, in the account currency's minor units; `nil` when neither is above zero.
    static func budget(of entity: PlatformEntity, currency: Currency) -> Budget? {
        for (field, period) in [("daily_budget", Budget.Period.daily), ("lifetime_budget", .lifetime)] {
            if let minor = entity.attributes[field].flatMap({ Int64($0) }), minor > 0 {
                return Budget(period, Money(minorUnits: minor, currency: currency))
            }
        }
        return nil
    }
}
