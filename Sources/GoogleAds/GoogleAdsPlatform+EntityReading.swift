import AdPlatformKit

extension GoogleAdsPlatform: EntityReading {
    /// Reads a budget, campaign, ad group, ad or image asset by its id with a search.
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
        return try GoogleResponseParser.entity(fromRow: row, kind: kind, operation: operation)
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
            // A campaign's daily budget is its campaign budget's amount, selected with it.
            if kind == .campaign || kind == .budget,
                let micros = (row["campaignBudget"]?["amountMicros"]?.scalarText).flatMap({ Int64($0) }), micros > 0
            {
                entity.budget = Budget(.daily, Money.rounding(micros: micros, currency: account.currency))
            }
            entities.append(entity)
        }
        return EntityPage(entities: entities, nextCursor: page.nextPageToken)
    }
}
