import AdPlatformKit

extension TikTokAdsPlatform {
    /// Finds the campaign, ad group or ad whose name carries the marker. TikTok filters campaign and ad group names
    /// fuzzily and ads not at all, so each page is checked exactly, page after page, until a match or the end.
    public func findEntity(
        marked marker: IdempotencyMarker, kind: EntityKind, under parent: PlatformEntity?, in account: AccountContext
    ) async throws -> PlatformEntity? {
        var page = 1
        while true {
            let request = try requestBuilder.findEntities(
                marked: marker, kind: kind, parentID: parent?.id, page: page, in: account)
            let response = try await transport.send(request)
            let result = try TikTokResponseParser.entityPage(kind, from: response, operation: "findEntity")
            if let match = result.items.first(where: { marker.isCarried(by: $0.name) }) {
                return match
            }
            guard page < result.totalPages else { return nil }
            page += 1
        }
    }

    /// Reads a campaign, ad group or ad by id, with the budget it holds; throws `notFound` when TikTok lists none.
    public func readEntity(_ kind: EntityKind, id: String, in account: AccountContext) async throws -> PlatformEntity {
        let response = try await transport.send(try requestBuilder.readEntity(kind, id: id, in: account))
        let result = try TikTokResponseParser.entityPage(kind, from: response, operation: "readEntity")
        guard var entity = result.items.first(where: { $0.id == id }) else {
            throw AdPlatformError(
                code: .notFound, message: "TikTok has no \(kind) \(id) in advertiser \(account.accountID)",
                platform: .tiktok, operation: "readEntity", httpStatus: response.status)
        }
        entity.budget = Self.budget(of: entity, currency: account.currency)
        return entity
    }

    /// Lists campaigns, ad groups or ads a page at a time. The cursor is the next page number as text; it is
    /// `nil` once TikTok's `page_info.total_page` is reached.
    public func listEntities(
        _ kind: EntityKind, in account: AccountContext, pageSize: Int, after cursor: String?
    ) async throws -> EntityPage {
        var page = 1
        if let cursor {
            guard let number = Int(cursor), number >= 1 else {
                throw AdPlatformError(
                    code: .invalidParameter, message: "'\(cursor)' is not a TikTok page cursor", platform: .tiktok,
                    operation: "listEntities", fieldPath: "cursor")
            }
            page = number
        }
        let response = try await transport.send(
            try requestBuilder.listEntities(kind, page: page, pageSize: pageSize, in: account))
        let result = try TikTokResponseParser.entityPage(kind, from: response, operation: "listEntities")
        let entities = result.items.map { entity in
            var read = entity
            read.budget = Self.budget(of: entity, currency: account.currency)
            return read
        }
        return EntityPage(entities: entities, nextCursor: page < result.totalPages ? String(page + 1) : nil)
    }

    /// The budget a campaign or ad group holds: `budget` (in the currency's major units) under `budget_mode`
    /// `BUDGET_MODE_DAY` or `BUDGET_MODE_TOTAL`; `nil` for `BUDGET_MODE_INFINITE` or no budget.
    static func budget(of entity: PlatformEntity, currency: Currency) -> Budget? {
        let period: Budget.Period
        switch entity.attributes["budget_mode"] {
        case "BUDGET_MODE_DAY", "BUDGET_MODE_DYNAMIC_DAILY_BUDGET": period = .daily
        case "BUDGET_MODE_TOTAL": period = .lifetime
        default: return nil
        }
        guard let text = entity.attributes["budget"], let amount = Money.rounding(decimal: text, currency: currency),
            amount.minorUnits > 0
        else { return nil }
        return Budget(period, amount)
    }
}
