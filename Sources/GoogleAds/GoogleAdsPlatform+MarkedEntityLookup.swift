import AdPlatformKit

extension GoogleAdsPlatform: MarkedEntityLookup {
    /// Searches names with GAQL `LIKE` for the marker, then checks each candidate exactly; ads, which have no
    /// name, are matched on the marker custom parameter. Pages are followed until a match or the last page.
    public func findEntity(
        marked marker: IdempotencyMarker, kind: EntityKind, under parent: PlatformEntity?, in account: AccountContext
    ) async throws -> PlatformEntity? {
        let operation = "findEntity"
        let query = try GoogleQueryBuilder.lookupQuery(marker: marker, kind: kind, parent: parent)
        var found: PlatformEntity?
        try await searchPages(query, in: account, operation: operation) { page in
            for row in page.rows {
                let entity = try GoogleResponseParser.entity(fromRow: row, kind: kind, operation: operation)
                let matches =
                    kind == .ad ? entity.attributes["marker"] == marker.value : marker.isCarried(by: entity.name)
                if matches {
                    found = entity
                    return true
                }
            }
            return false
        }
        return found
    }
}
