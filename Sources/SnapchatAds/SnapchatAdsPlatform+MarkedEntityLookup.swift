import AdPlatformKit

extension SnapchatAdsPlatform {
    /// Finds the entity whose name carries the marker. Snap has no name filter, so the collection is listed page
    /// by page (under `parent` for ad squads and ads) and names are matched here; paging stops at the first
    /// match, at the last page, or if Snap hands back a cursor it already gave.
    public func findEntity(
        marked marker: IdempotencyMarker, kind: EntityKind, under parent: PlatformEntity?, in account: AccountContext
    ) async throws -> PlatformEntity? {
        var cursor: String?
        var seenCursors: Set<String> = []
        repeat {
            let request = try builder.lookup(kind, under: parent, in: account, after: cursor)
            let page = try parser.page(kind, from: try await transport.send(request), operation: "findEntity")
            if let match = page.entities.first(where: { marker.isCarried(by: $0.name) }) { return match }
            cursor = page.nextCursor.flatMap { seenCursors.insert($0).inserted ? $0 : nil }
        } while cursor != nil
        return nil
    }
}
