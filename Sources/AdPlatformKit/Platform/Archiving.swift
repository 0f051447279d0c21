/// A platform that can archive: stop an entity for good while keeping it, and its reporting, readable.
///
/// What archiving means on each platform is data, ``LifecycleCapabilities/archive``: Meta's own `ARCHIVED`
/// state, or a platform's removal where the capability data says so. A platform whose only step beyond a pause
/// is a deletion does not conform, and its capability data refuses the action.
public protocol Archiving: StatusChanging {
    /// Archives a campaign, ad group or ad. Archiving cannot be undone on any platform so far: the entity can
    /// afterwards only be deleted.
    func archive(_ entity: PlatformEntity, in account: AccountContext) async throws
}
