import AdPlatformKit

extension SnapchatAdsPlatform {
    /// Reads a campaign, ad squad, media, creative or ad by id; Snap's E3003 or 404 becomes `notFound`.
    public func readEntity(_ kind: EntityKind, id: String, in account: AccountContext) async throws -> PlatformEntity {
        let request = try builder.readEntity(kind, id: id, in: account)
        return try parser.entity(kind, from: try await transport.send(request), operation: "readEntity")
    }

    /// Lists a kind in the account with Snap's paging. `pageSize` is clamped to Snap's 50–1000; the cursor is
    /// the `cursor` parameter of Snap's `next_link` (or the whole link when it has none).
    public func listEntities(
        _ kind: EntityKind, in account: AccountContext, pageSize: Int, after cursor: String?
    )
        async throws -> EntityPage
    {
        let request = try builder.listEntities(kind, in: account, pageSize: pageSize, after: cursor)
        return try parser.page(kind, from: try await transport.send(request), operation: "listEntities")
    }
}
