import Foundation

/// Lookups derived from a world's entities, so create paths find a parent's children, a name's owners or a
/// field's users without scanning every entity of a kind.
///
/// It indexes children by `platform/parentID`, entities by `platform/account/kind/name`, and, once somebody asks
/// for one, entities by the string value of a top-level field. Every list holds ids sorted by a number given at
/// insert, so the ids of one kind in one account come in the order a scan of ``WorldState/order`` gives them.
/// (After a rebuild the numbers follow the order lists one after another, so order across kinds or accounts is
/// not creation order; no lookup mixes them.)
///
/// It is not part of the saved state: ``WorldState`` rebuilds it after decoding, and ``MockWorld`` keeps it right
/// on every write.
struct WorldIndex: Sendable {
    /// An entity, as the world's `platform/id` key names it.
    struct EntityKey: Hashable, Sendable {
        var platform: String
        var id: String
    }

    /// A parent's children.
    struct ParentKey: Hashable, Sendable {
        var platform: String
        var parentID: String
    }

    /// Entities of one name.
    struct NameKey: Hashable, Sendable {
        var platform: String
        var account: String
        var kind: String
        var name: String
    }

    /// A field indexed by value: which platform's entities of which kind, and the key in their `fields`.
    struct FieldKey: Hashable, Sendable {
        var platform: String
        var kind: String
        var field: String
    }

    /// Entities whose indexed field holds one value.
    struct ValueKey: Hashable, Sendable {
        var field: FieldKey
        var account: String
        var value: String
    }

    /// Each indexed entity's place in creation order; the lists below are sorted by it.
    private var sequences: ShardedDictionary<EntityKey, Int> = [:]
    private var nextSequence = 0
    private var childIDs: ShardedDictionary<ParentKey, [String]> = [:]
    private var namedIDs: ShardedDictionary<NameKey, [String]> = [:]
    /// Fields indexed by value. Few, and only those a lookup asked for, so writes of other kinds pay nothing.
    private(set) var indexedFields: Set<FieldKey> = []
    private var valueIDs: ShardedDictionary<ValueKey, [String]> = [:]

    /// An empty index.
    init() {}

    /// An index of the entities the order lists name, numbered in the order the lists give; `fields` are
    /// indexed by value too.
    ///
    /// Entities that no order list names are left out, as a scan of the order lists would leave them out. The
    /// lists are visited sorted by key, so the numbering does not depend on dictionary order.
    init(entities: ShardedDictionary<String, MockEntity>, order: [String: [String]], fields: Set<FieldKey> = []) {
        indexedFields = fields
        for listKey in order.keys.sorted() {
            guard let platform = listKey.split(separator: "/", maxSplits: 1).first.map(String.init),
                let ids = order[listKey]
            else { continue }
            for id in ids {
                guard let entity = entities[WorldState.key(platform, id)],
                    sequences[EntityKey(platform: entity.platform, id: entity.id)] == nil
                else { continue }
                add(entity)
            }
        }
    }

    // MARK: - Lookups

    /// Ids of a parent's children of every kind and account, in creation order.
    func children(_ platform: String, of parentID: String) -> [String] {
        childIDs[ParentKey(platform: platform, parentID: parentID)] ?? []
    }

    /// Ids of the children of several parents, in creation order.
    func children(_ platform: String, of parentIDs: Set<String>) -> [String] {
        if parentIDs.count == 1, let parentID = parentIDs.first { return children(platform, of: parentID) }
        let ids = parentIDs.flatMap { children(platform, of: $0) }
        return inCreationOrder(platform, ids)
    }

    /// Ids of the entities of a kind in an account with a name, in creation order.
    func ids(_ platform: String, kind: String, account: String, named name: String) -> [String] {
        namedIDs[NameKey(platform: platform, account: account, kind: kind, name: name)] ?? []
    }

    /// Ids of the entities of a kind in an account whose field holds a string value, in creation order; `nil`
    /// when the field is not indexed.
    func ids(_ field: FieldKey, account: String, value: String) -> [String]? {
        guard indexedFields.contains(field) else { return nil }
        return valueIDs[ValueKey(field: field, account: account, value: value)] ?? []
    }

    /// Indexed ids of a platform in creation order, each once; ids not indexed are left out.
    func inCreationOrder(_ platform: String, _ ids: some Sequence<String>) -> [String] {
        var seen: Set<String> = []
        let numbered = ids.compactMap { id -> (Int, String)? in
            guard seen.insert(id).inserted, let sequence = sequences[EntityKey(platform: platform, id: id)] else {
                return nil
            }
            return (sequence, id)
        }
        return numbered.sorted { $0.0 < $1.0 }.map(\.1)
    }

    // MARK: - Writes

    /// Indexes a new entity as the newest.
    mutating func add(_ entity: MockEntity) {
        let sequence = nextSequence
        nextSequence += 1
        sequences[EntityKey(platform: entity.platform, id: entity.id)] = sequence
        link(entity, sequence: sequence)
    }

    /// Forgets an entity.
    mutating func remove(_ entity: MockEntity) {
        let key = EntityKey(platform: entity.platform, id: entity.id)
        guard let sequence = sequences[key] else { return }
        unlink(entity, sequence: sequence)
        sequences[key] = nil
    }

    /// Forgets many entities at once: each list they were in is filtered once, rather than once per entity, so
    /// removing an account's entities does not cost the square of a parent's children.
    mutating func remove(_ doomed: some Collection<MockEntity>) {
        var doomedKeys: Set<EntityKey> = []
        var parents: Set<ParentKey> = []
        var names: Set<NameKey> = []
        var values: Set<ValueKey> = []
        for entity in doomed {
            let key = EntityKey(platform: entity.platform, id: entity.id)
            guard sequences.removeValue(forKey: key) != nil else { continue }
            doomedKeys.insert(key)
            if let parent = Self.parentKey(entity) { parents.insert(parent) }
            names.insert(Self.nameKey(entity))
            values.formUnion(valueKeys(entity))
        }
        guard !doomedKeys.isEmpty else { return }
        func survivor(_ platform: String) -> (String) -> Bool {
            { !doomedKeys.contains(EntityKey(platform: platform, id: $0)) }
        }
        for key in parents { Self.filter(&childIDs, key, survivor(key.platform)) }
        for key in names { Self.filter(&namedIDs, key, survivor(key.platform)) }
        for key in values { Self.filter(&valueIDs, key, survivor(key.field.platform)) }
    }

    /// Follows a change to an entity: when its parent, name, indexed field values or identity changed, it moves
    /// to the lists it now belongs in, keeping its place in creation order.
    mutating func replace(_ old: MockEntity, with new: MockEntity) {
        let moved =
            old.platform != new.platform || old.id != new.id || old.accountID != new.accountID
            || old.kind != new.kind || old.parentID != new.parentID || old.name != new.name
            || valueKeys(old) != valueKeys(new)
        guard moved else { return }
        let oldKey = EntityKey(platform: old.platform, id: old.id)
        guard let sequence = sequences[oldKey] else { return }
        unlink(old, sequence: sequence)
        sequences[oldKey] = nil
        sequences[EntityKey(platform: new.platform, id: new.id)] = sequence
        link(new, sequence: sequence)
    }

    /// Starts indexing a field by value, indexing the entities already stored.
    mutating func indexField(_ field: FieldKey, entities: ShardedDictionary<String, MockEntity>) {
        guard indexedFields.insert(field).inserted else { return }
        var found: [ValueKey: [(Int, String)]] = [:]
        for entity in entities.values where entity.platform == field.platform && entity.kind == field.kind {
            guard let sequence = sequences[EntityKey(platform: entity.platform, id: entity.id)],
                let value = entity.fields[field.field]?.string
            else { continue }
            found[ValueKey(field: field, account: entity.accountID, value: value), default: []].append(
                (sequence, entity.id))
        }
        for (key, numbered) in found { valueIDs[key] = numbered.sorted { $0.0 < $1.0 }.map(\.1) }
    }

    // MARK: - Lists

    private static func parentKey(_ entity: MockEntity) -> ParentKey? {
        entity.parentID.map { ParentKey(platform: entity.platform, parentID: $0) }
    }

    private static func nameKey(_ entity: MockEntity) -> NameKey {
        NameKey(platform: entity.platform, account: entity.accountID, kind: entity.kind, name: entity.name)
    }

    /// The value lists an entity belongs in: one per indexed field of its kind that holds a string.
    private func valueKeys(_ entity: MockEntity) -> Set<ValueKey> {
        guard !indexedFields.isEmpty else { return [] }
        var keys: Set<ValueKey> = []
        for field in indexedFields where field.platform == entity.platform && field.kind == entity.kind {
            if let value = entity.fields[field.field]?.string {
                keys.insert(ValueKey(field: field, account: entity.accountID, value: value))
            }
        }
        return keys
    }

    private mutating func link(_ entity: MockEntity, sequence: Int) {
        let platform = entity.platform
        if let parent = Self.parentKey(entity) {
            Self.insertID(
                entity.id, sequence: sequence, platform: platform, into: &childIDs[parent, default: []],
                sequences: sequences)
        }
        Self.insertID(
            entity.id, sequence: sequence, platform: platform, into: &namedIDs[Self.nameKey(entity), default: []],
            sequences: sequences)
        for key in valueKeys(entity) {
            Self.insertID(
                entity.id, sequence: sequence, platform: platform, into: &valueIDs[key, default: []],
                sequences: sequences)
        }
    }

    private mutating func unlink(_ entity: MockEntity, sequence: Int) {
        let platform = entity.platform
        if let parent = Self.parentKey(entity) {
            Self.removeID(
                entity.id, sequence: sequence, platform: platform, from: &childIDs, parent, sequences: sequences)
        }
        Self.removeID(
            entity.id, sequence: sequence, platform: platform, from: &namedIDs, Self.nameKey(entity),
            sequences: sequences)
        for key in valueKeys(entity) {
            Self.removeID(entity.id, sequence: sequence, platform: platform, from: &valueIDs, key, sequences: sequences)
        }
    }

    /// Puts an id in its place in a list sorted by creation: at the end when it is the newest, which is every
    /// insert; found by binary search when an update moves an older entity.
    private static func insertID(
        _ id: String, sequence: Int, platform: String, into list: inout [String],
        sequences: ShardedDictionary<EntityKey, Int>
    ) {
        if let last = list.last, (sequences[EntityKey(platform: platform, id: last)] ?? Int.max) > sequence {
            list.insert(id, at: position(of: sequence, platform: platform, in: list, sequences: sequences))
        } else {
            list.append(id)
        }
    }

    /// Takes an id out of a list, dropping the list when it empties so lookups of gone names cost no memory.
    private static func removeID<Key: Hashable>(
        _ id: String, sequence: Int, platform: String, from lists: inout ShardedDictionary<Key, [String]>, _ key: Key,
        sequences: ShardedDictionary<EntityKey, Int>
    ) {
        // Found before the list is changed, so no copy of it is alive while it is changed in place.
        guard let index = index(of: id, sequence: sequence, platform: platform, in: lists[key] ?? [], sequences)
        else { return }
        lists[key]?.remove(at: index)
        if lists[key]?.isEmpty == true { lists[key] = nil }
    }

    private static func index(
        of id: String, sequence: Int, platform: String, in list: [String],
        _ sequences: ShardedDictionary<EntityKey, Int>
    ) -> Int? {
        let guess = position(of: sequence, platform: platform, in: list, sequences: sequences)
        // The binary search finds it unless the list was out of order; a linear search covers that.
        return guess < list.count && list[guess] == id ? guess : list.firstIndex(of: id)
    }

    private static func filter<Key: Hashable>(
        _ lists: inout ShardedDictionary<Key, [String]>, _ key: Key, _ keep: (String) -> Bool
    ) {
        lists[key]?.removeAll { !keep($0) }
        if lists[key]?.isEmpty == true { lists[key] = nil }
    }

    /// The first position in a creation-sorted list whose entity is not older than `sequence`.
    private static func position(
        of sequence: Int, platform: String, in list: [String], sequences: ShardedDictionary<EntityKey, Int>
    ) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if (sequences[EntityKey(platform: platform, id: list[middle])] ?? Int.max) < sequence {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }
}
