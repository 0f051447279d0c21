/// A platform whose entities can be read back and listed with its own paging.
public protocol EntityReading: AdPlatform {
    /// Reads one entity by kind and platform id; throws `notFound` when it does not exist.
    func readEntity(_ kind: EntityKind, id: String, in account: AccountContext) async throws -> PlatformEntity

    /// Lists entities of a kind in the account, a page at a time. Pass the previous page's
    /// ``EntityPage/nextCursor`` to continue.
    func listEntities(
        _ kind: EntityKind, in account: AccountContext, pageSize: Int, after cursor: String?
    )
        async throws -> EntityPage
}
