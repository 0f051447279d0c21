import Foundation

/// Indexed lookups: a parent's children, entities by name and by a field's value, found through the world's
/// index rather than by scanning every entity of a kind. Each answers exactly what the matching scan with
/// ``MockWorld/entities(_:kind:account:includeDeleted:where:)`` answers, in the same order, and copies out only
/// the entities it returns. Like the scan, each looks at one kind in one account: creation order is only kept
/// within those.
extension MockWorld {
    /// A parent's children of one kind in an account, in creation order; deleted ones only when asked. `include`
    /// is tested before anything is copied.
    public func children(
        _ platform: String, of parentID: String, kind: String, account: String, includeDeleted: Bool = false,
        where include: (MockEntity) -> Bool = { _ in true }
    ) -> [MockEntity] {
        withState { state in
            Self.resolve(
                state.index.children(platform, of: parentID), platform, in: state, includeDeleted: includeDeleted
            ) { $0.kind == kind && $0.accountID == account && include($0) }
        }
    }

    /// The children of one kind in an account of any of several parents, together in creation order; deleted ones
    /// only when asked. `include` is tested before anything is copied.
    public func children(
        _ platform: String, of parentIDs: Set<String>, kind: String, account: String,
        includeDeleted: Bool = false, where include: (MockEntity) -> Bool = { _ in true }
    ) -> [MockEntity] {
        withState { state in
            Self.resolve(
                state.index.children(platform, of: parentIDs), platform, in: state, includeDeleted: includeDeleted
            ) { $0.kind == kind && $0.accountID == account && include($0) }
        }
    }

    /// How many children of one kind in an account a parent has, copying none of them; deleted ones only when
    /// asked.
    public func childCount(
        _ platform: String, of parentID: String, kind: String, account: String, includeDeleted: Bool = false
    ) -> Int {
        withState { state in
            var count = 0
            for id in state.index.children(platform, of: parentID) {
                guard let entity = state.entities[WorldState.key(platform, id)], entity.kind == kind,
                    entity.accountID == account, includeDeleted || !entity.deleted
                else { continue }
                count += 1
            }
            return count
        }
    }

    /// Entities of a kind in an account whose ``MockEntity/name`` is `name`, in creation order; deleted ones only
    /// when asked. `include` is tested before anything is copied.
    public func entities(
        _ platform: String, kind: String, account: String, named name: String, includeDeleted: Bool = false,
        where include: (MockEntity) -> Bool = { _ in true }
    ) -> [MockEntity] {
        withState { state in
            Self.resolve(
                state.index.ids(platform, kind: kind, account: account, named: name), platform, in: state,
                includeDeleted: includeDeleted, where: include)
        }
    }

    /// Entities of a kind in an account whose top-level field `field` is the string `value`, in creation order;
    /// deleted ones only when asked. `include` is tested before anything is copied.
    ///
    /// The first lookup of a platform's kind's field indexes it, a scan of the entities stored so far; every
    /// write after keeps it indexed, until a full reset forgets it.
    public func entities(
        _ platform: String, kind: String, account: String, field: String, equals value: String,
        includeDeleted: Bool = false, where include: (MockEntity) -> Bool = { _ in true }
    ) -> [MockEntity] {
        withState { state in
            let key = WorldIndex.FieldKey(platform: platform, kind: kind, field: field)
            state.index.indexField(key, entities: state.entities)
            return Self.resolve(
                state.index.ids(key, account: account, value: value) ?? [], platform, in: state,
                includeDeleted: includeDeleted, where: include)
        }
    }

    /// The entities with these ids, deleted or not, each once and in creation order; ids of no entity are left
    /// out. For merging what an index found with entities a caller holds changed copies of; the order is a
    /// scan's for ids of one kind in one account.
    public func entities(_ platform: String, ids: some Sequence<String>) -> [MockEntity] {
        withState { state in
            Self.resolve(
                state.index.inCreationOrder(platform, ids), platform, in: state, includeDeleted: true
            ) { _ in true }
        }
    }
}
