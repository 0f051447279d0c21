import AdPlatformKit

extension GoogleAdsPlatform: EntityReading {
    /// Reads a budget, campaign, ad group, ad or image asset by its id with a search; a budget or campaign with its
    /// daily budget.
    public func readEntity(_ kind: EntityKind, id: String, in account: AccountContext) async throws -> PlatformEntity {
        let operation = "readEntity"
        let query = try GoogleQueryBuilder.readQuery(kind: kind, id: id)
        let page = try GoogleResponseParser.searchPage(
            try await send(try requests.search(query, in: account, operation: operation), operation: operation),
            operation: operation)
        guard let row = page.rows.first else {
            throw AdPlatformError.google(
                .notFound, "no Google Ads \(kind) with id \(id)", operation: operation, fieldPath: "id")
        }
        var entity = try GoogleResponseParser.entity(fromRow: row, kind: kind, operation: operation)
        entity.budget = Self.budget(in: row, kind: kind, currency: account.currency)
        return entity
    }

    /// Lists entities that are not removed, one search page at a time; the cursor is Google's `nextPageToken`.
    /// Google fixes the page size, so `pageSize` is not sent.
    public func listEntities(
        _ kind: EntityKind, in account: AccountContext, pageSize: Int, after cursor: String?
    )
        async throws -> EntityPage
    {
        let operation = "listEntities"
        let query = try GoogleQueryBuilder.listQuery(kind: kind)
        let request = try requests.search(query, pageToken: cursor, in: account, operation: operation)
        let page = try GoogleResponseParser.searchPage(
            try await send(request, operation: operation), operation: operation)
        var entities: [PlatformEntity] = []
        for row in page.rows {
            var entity = try GoogleResponseParser.entity(fromRow: row, kind: kind, operation: operation)
            entity.budget = Self.budget(in: row, kind: kind, currency: account.currency)
            entities.append(entity)
        }
        return EntityPage(entities: entities, nextCursor: page.nextPageToken)
    }

    /// A campaign's or budget's daily budget: its campaign budget's amount, selected with it; `nil` for other kinds
    /// or an amount that is not above zero.
    static func budget(in row: JSONValue, kind: EntityKind, currency: Currency) -> Budget? {
        guard kind == .campaign || kind == .budget,
            let micros = (row["campaignBudget"]?["amountMicros"]?.scalarText).flatMap({ Int64($0) }), micros > 0
        else { return nil }
        return Budget(.daily, Money.rounding(micros: micros, currency: currency))
    }
}
