/// A platform on which an entity can be found by the idempotency marker in its name, so a step interrupted by
/// a crash is not created twice.
public protocol MarkedEntityLookup: AdPlatform {
    /// Finds the entity of a kind whose name carries the marker, through a list or search call filtered by
    /// name; `parent` narrows the search where the platform lists per parent. Returns `nil` when none exists.
    func findEntity(
        marked marker: IdempotencyMarker, kind: EntityKind, under parent: PlatformEntity?, in account: AccountContext
    ) async throws -> PlatformEntity?
}
