/// A platform on which an entity can be found by the idempotency marker in its name, so a step interrupted by
/// a crash is not created twice.
public protocol MarkedEntityLookup: AdPlatform {
    /// Finds the entity of a kind whose name carries the marker, through a list or search call filtered by
    /// name; `parent` narrows the search where the platform lists per parent. Returns `nil` when none exists.
    func findEntity(
        marked marker: IdempotencyMarker, kind: EntityKind, under parent: PlatformEntity?, in account: AccountContext
    ) async throws -> PlatformEntity?

    /// Finds what the create call of a kind makes, in the order that call returns it, so a recovered step records
    /// everything its lost call created: for an ad, the creative first where the creative is its own entity.
    /// Returns an empty array when the entity of `kind` itself does not exist, since the step then runs again.
    func findEntities(
        marked marker: IdempotencyMarker, kind: EntityKind, under parent: PlatformEntity?, in account: AccountContext
    ) async throws -> [PlatformEntity]
}

extension MarkedEntityLookup {
    /// The entity ``findEntity(marked:kind:under:in:)`` finds. For an ad on a platform whose creative is its own
    /// entity (``EntityHierarchy/creativeIsEntity``), the creative carrying the same marker comes first: `createAd`
    /// makes both, and names both with the ad's marker.
    public func findEntities(
        marked marker: IdempotencyMarker, kind: EntityKind, under parent: PlatformEntity?, in account: AccountContext
    ) async throws -> [PlatformEntity] {
        guard let found = try await findEntity(marked: marker, kind: kind, under: parent, in: account) else {
            return []
        }
        guard kind == .ad, capabilities.hierarchy.creativeIsEntity,
            let creative = try await findEntity(marked: marker, kind: .creative, under: nil, in: account)
        else { return [found] }
        return [creative, found]
    }
}
