import Foundation
import Testing

@testable import MockPlatforms

/// The world's index: after every kind of write (insert, update, reset, restore, decoding), each indexed lookup
/// answers exactly what a scan of every entity of the kind answers, in the same order.
@Suite("World index")
struct WorldIndexTests {
    static let start = Date(timeIntervalSince1970: 1_796_083_200)

    /// An entity whose `fields` carry its name and, when given, a `ref` value to look it up by.
    static func entity(
        _ kind: String, _ id: String, platform: String = "meta", account: String = "a1", parent: String? = nil,
        name: String, ref: String? = nil
    ) -> MockEntity {
        var fields: [(String, MockJSON)] = [("name", .string(name))]
        if let ref { fields.append(("ref", .string(ref))) }
        return MockEntity(
            platform: platform, kind: kind, id: id, accountID: account, parentID: parent, name: name,
            fields: .object(fields), createdAt: start, role: kind == "ad" ? .leaf : .container, active: true)
    }

    /// Two Meta accounts with repeated names, children inserted out of parent order, an ad set of account `a2`
    /// under a campaign of `a1`, and TikTok entities reusing Meta's ids.
    static func fixture() -> MockWorld {
        let world = MockWorld(seed: 1, now: start)
        let entities = [
            entity("campaign", "c1", name: "Alpha"),
            entity("campaign", "c2", name: "Beta"),
            entity("campaign", "c3", name: "Alpha"),
            entity("adset", "g1", parent: "c1", name: "G", ref: "x"),
            entity("adset", "g2", parent: "c2", name: "G", ref: "y"),
            entity("adset", "g3", parent: "c1", name: "H", ref: "x"),
            entity("ad", "d1", parent: "g1", name: "D", ref: "x"),
            entity("ad", "d2", parent: "g2", name: "D"),
            entity("ad", "d3", parent: "g1", name: "D", ref: "x"),
            entity("ad", "d4", parent: "g3", name: "E", ref: "y"),
            entity("campaign", "c4", account: "a2", name: "Alpha"),
            entity("adset", "g4", account: "a2", parent: "c1", name: "G", ref: "x"),
            entity("campaign", "c1", platform: "tiktok", name: "Alpha"),
            entity("adgroup", "g1", platform: "tiktok", parent: "c1", name: "G", ref: "x"),
        ]
        for entity in entities { world.insert(entity) }
        return world
    }

    /// Checks every lookup against the scan it replaces, for every platform, account, kind, parent, name and
    /// `ref` value the world holds, plus one of each it does not, with and without deleted entities.
    static func expectLookupsMatchScans(_ world: MockWorld, sourceLocation: SourceLocation = #_sourceLocation) {
        let all = Array(world.snapshot().entities.values)
        var checked = 0
        for platform in Set(all.map(\.platform)) {
            let own = all.filter { $0.platform == platform }
            let accounts = Set(own.map(\.accountID)).union(["none"])
            let kinds = Set(own.map(\.kind)).union(["none"])
            let parents = Set(own.compactMap(\.parentID)).union(["none"])
            let names = Set(own.map(\.name)).union(["none"])
            let values = Set(own.compactMap { $0.fields["ref"]?.string }).union(["none"])
            for account in accounts {
                for kind in kinds {
                    for deleted in [false, true] {
                        func scan(_ include: (MockEntity) -> Bool) -> [String] {
                            world.entities(
                                platform, kind: kind, account: account, includeDeleted: deleted, where: include
                            )
                            .map(\.id)
                        }
                        for parent in parents {
                            let expected = scan { $0.parentID == parent }
                            let found = world.children(
                                platform, of: parent, kind: kind, account: account, includeDeleted: deleted)
                            #expect(found.map(\.id) == expected, sourceLocation: sourceLocation)
                            let count = world.childCount(
                                platform, of: parent, kind: kind, account: account, includeDeleted: deleted)
                            #expect(count == expected.count, sourceLocation: sourceLocation)
                            checked += 1
                        }
                        let someParents = Set(parents.sorted().prefix(3))
                        let fromSeveral = world.children(
                            platform, of: someParents, kind: kind, account: account, includeDeleted: deleted)
                        #expect(
                            fromSeveral.map(\.id) == scan { $0.parentID.map(someParents.contains) ?? false },
                            sourceLocation: sourceLocation)
                        for name in names {
                            let found = world.entities(
                                platform, kind: kind, account: account, named: name, includeDeleted: deleted)
                            #expect(found.map(\.id) == scan { $0.name == name }, sourceLocation: sourceLocation)
                        }
                        for value in values {
                            let found = world.entities(
                                platform, kind: kind, account: account, field: "ref", equals: value,
                                includeDeleted: deleted)
                            #expect(
                                found.map(\.id) == scan { $0.fields["ref"]?.string == value },
                                sourceLocation: sourceLocation)
                        }
                    }
                    let inOrder = world.entities(platform, kind: kind, account: account, includeDeleted: true)
                    let byIDs = world.entities(platform, ids: inOrder.map(\.id).reversed() + ["missing"])
                    #expect(byIDs.map(\.id) == inOrder.map(\.id), sourceLocation: sourceLocation)
                }
            }
        }
        #expect(checked > 0, "the world had nothing to check", sourceLocation: sourceLocation)
    }

    @Test("inserts: children, names and field values are found in creation order, per platform and account")
    func inserts() {
        let world = Self.fixture()
        #expect(world.children("meta", of: "c1", kind: "adset", account: "a1").map(\.id) == ["g1", "g3"])
        #expect(world.children("meta", of: "c1", kind: "adset", account: "a2").map(\.id) == ["g4"])
        #expect(world.children("meta", of: "g1", kind: "ad", account: "a1").map(\.id) == ["d1", "d3"])
        #expect(
            world.children("meta", of: ["g1", "g3", "g2"], kind: "ad", account: "a1").map(\.id) == [
                "d1", "d2", "d3", "d4",
            ])
        #expect(world.childCount("meta", of: "g1", kind: "ad", account: "a1") == 2)
        #expect(world.childCount("meta", of: "c1", kind: "ad", account: "a1") == 0)
        #expect(world.children("tiktok", of: "c1", kind: "adgroup", account: "a1").map(\.id) == ["g1"])
        #expect(world.entities("meta", kind: "campaign", account: "a1", named: "Alpha").map(\.id) == ["c1", "c3"])
        #expect(world.entities("meta", kind: "campaign", account: "a2", named: "Alpha").map(\.id) == ["c4"])
        #expect(world.entities("meta", kind: "campaign", account: "a1", named: "Gamma").isEmpty)
        let byRef = world.entities("meta", kind: "ad", account: "a1", field: "ref", equals: "x")
        #expect(byRef.map(\.id) == ["d1", "d3"])
        #expect(
            world.entities("meta", kind: "ad", account: "a1", named: "D") { $0.id != "d1" }.map(\.id) == ["d2", "d3"])
        #expect(world.entities("meta", ids: ["g3", "c1", "g1", "c1"]).map(\.id) == ["c1", "g1", "g3"])
        Self.expectLookupsMatchScans(world)
    }

    @Test("an id stored again is listed once, as the newest, in lists and lookups")
    func insertAgain() {
        let world = Self.fixture()
        world.insert(Self.entity("campaign", "c1", name: "Alpha again"))
        #expect(world.entities("meta", kind: "campaign", account: "a1").map(\.id) == ["c2", "c3", "c1"])
        #expect(world.snapshot().order["meta/a1/campaign"] == ["c2", "c3", "c1"])
        #expect(world.entities("meta", kind: "campaign", account: "a1", named: "Alpha").map(\.id) == ["c3"])
        #expect(world.entities("meta", kind: "campaign", account: "a1", named: "Alpha again").map(\.id) == ["c1"])
        world.insert(Self.entity("campaign", "c1", account: "a2", name: "Moved"))
        #expect(world.entities("meta", kind: "campaign", account: "a1").map(\.id) == ["c2", "c3"])
        #expect(world.entities("meta", kind: "campaign", account: "a2").map(\.id) == ["c4", "c1"])
        Self.expectLookupsMatchScans(world)
    }

    @Test("a field index built on first lookup keeps up with later inserts and updates")
    func fieldIndexFollowsWrites() {
        let world = Self.fixture()
        #expect(
            world.entities("meta", kind: "adset", account: "a1", field: "ref", equals: "x").map(\.id) == ["g1", "g3"])
        world.insert(Self.entity("adset", "g5", parent: "c3", name: "G", ref: "x"))
        world.update("meta", "g1") { entity, _ in entity.fields = entity.fields.setting("ref", .string("y")) }
        world.update("meta", "g2") { entity, _ in entity.fields = entity.fields.setting("ref", .string("x")) }
        #expect(
            world.entities("meta", kind: "adset", account: "a1", field: "ref", equals: "x").map(\.id) == [
                "g2", "g3", "g5",
            ])
        #expect(world.entities("meta", kind: "adset", account: "a1", field: "ref", equals: "y").map(\.id) == ["g1"])
        world.update("meta", "g3") { entity, _ in entity.fields = entity.fields.setting("ref", .int(1)) }
        #expect(
            world.entities("meta", kind: "adset", account: "a1", field: "ref", equals: "x").map(\.id) == ["g2", "g5"])
        Self.expectLookupsMatchScans(world)
    }

    @Test("updates: a rename, a new parent and a delete move entities and keep their place in creation order")
    func updates() {
        let world = Self.fixture()
        // c1 is older than c2, so it goes before it among the Betas.
        world.update("meta", "c1") { entity, _ in entity.name = "Beta" }
        #expect(world.entities("meta", kind: "campaign", account: "a1", named: "Beta").map(\.id) == ["c1", "c2"])
        #expect(world.entities("meta", kind: "campaign", account: "a1", named: "Alpha").map(\.id) == ["c3"])
        Self.expectLookupsMatchScans(world)

        // d3 moves to g3, before the newer d4; g1 keeps d1. Then d1, the oldest, goes first.
        world.update("meta", "d3") { entity, _ in entity.parentID = "g3" }
        #expect(world.children("meta", of: "g3", kind: "ad", account: "a1").map(\.id) == ["d3", "d4"])
        #expect(world.children("meta", of: "g1", kind: "ad", account: "a1").map(\.id) == ["d1"])
        world.update("meta", "d1") { entity, _ in entity.parentID = "g3" }
        #expect(world.children("meta", of: "g3", kind: "ad", account: "a1").map(\.id) == ["d1", "d3", "d4"])
        #expect(world.children("meta", of: "g1", kind: "ad", account: "a1").isEmpty)
        world.update("meta", "d4") { entity, _ in entity.parentID = nil }
        #expect(world.children("meta", of: "g3", kind: "ad", account: "a1").map(\.id) == ["d1", "d3"])
        Self.expectLookupsMatchScans(world)

        world.update("meta", "d3") { entity, now in
            entity.deleted = true
            entity.setActive(false, at: now)
        }
        #expect(world.children("meta", of: "g3", kind: "ad", account: "a1").map(\.id) == ["d1"])
        #expect(
            world.children("meta", of: "g3", kind: "ad", account: "a1", includeDeleted: true).map(\.id) == [
                "d1", "d3",
            ])
        #expect(world.childCount("meta", of: "g3", kind: "ad", account: "a1", includeDeleted: true) == 2)
        #expect(world.entities("meta", kind: "ad", account: "a1", named: "D").map(\.id) == ["d1", "d2"])
        Self.expectLookupsMatchScans(world)

        // A rename and a move in one change, and a change that touches neither.
        world.update("meta", "g2") { entity, _ in
            entity.name = "H"
            entity.parentID = "c1"
        }
        world.update("meta", "g3") { entity, _ in entity.fields = entity.fields.setting("status", .string("PAUSED")) }
        #expect(world.children("meta", of: "c1", kind: "adset", account: "a1").map(\.id) == ["g1", "g2", "g3"])
        #expect(world.entities("meta", kind: "adset", account: "a1", named: "H").map(\.id) == ["g2", "g3"])
        #expect(world.update("meta", "nope") { entity, _ in entity.name = "x" } == nil)
        Self.expectLookupsMatchScans(world)
    }

    @Test("storing an id again replaces the old entity in every lookup")
    func reinsert() {
        // No comparison with a scan here: `order` lists the id twice, so a scan answers the new entity twice.
        let world = Self.fixture()
        world.insert(Self.entity("adset", "g1", parent: "c2", name: "Again", ref: "y"))
        #expect(world.children("meta", of: "c1", kind: "adset", account: "a1").map(\.id) == ["g3"])
        #expect(world.children("meta", of: "c2", kind: "adset", account: "a1").map(\.id) == ["g2", "g1"])
        #expect(world.entities("meta", kind: "adset", account: "a1", named: "G").map(\.id) == ["g2"])
        #expect(world.entities("meta", kind: "adset", account: "a1", named: "Again").map(\.id) == ["g1"])
    }

    @Test("resetting an account or a platform drops its entities from every lookup and keeps the rest")
    func resetAccount() {
        let world = Self.fixture()
        world.reset(platform: "meta", account: "a1")
        // g4 (account a2) still names c1 as its parent, and a scan of a2 still finds it.
        #expect(world.children("meta", of: "c1", kind: "adset", account: "a2").map(\.id) == ["g4"])
        #expect(world.children("meta", of: "c1", kind: "adset", account: "a1").isEmpty)
        #expect(world.entities("meta", kind: "campaign", account: "a1", named: "Alpha").isEmpty)
        #expect(world.entities("meta", kind: "campaign", account: "a2", named: "Alpha").map(\.id) == ["c4"])
        #expect(world.entities("meta", kind: "ad", account: "a1", field: "ref", equals: "x").isEmpty)
        #expect(world.entities("meta", kind: "adset", account: "a2", field: "ref", equals: "x").map(\.id) == ["g4"])
        #expect(world.children("tiktok", of: "c1", kind: "adgroup", account: "a1").map(\.id) == ["g1"])
        Self.expectLookupsMatchScans(world)

        world.insert(Self.entity("adset", "g9", account: "a2", parent: "c1", name: "G", ref: "x"))
        #expect(world.children("meta", of: "c1", kind: "adset", account: "a2").map(\.id) == ["g4", "g9"])
        // An id of the reset account comes back once, not beside a stale copy of itself.
        world.insert(Self.entity("adset", "g1", parent: "c1", name: "G", ref: "x"))
        #expect(world.children("meta", of: "c1", kind: "adset", account: "a1").map(\.id) == ["g1"])
        #expect(world.entities("meta", kind: "adset", account: "a1", named: "G").map(\.id) == ["g1"])
        #expect(world.entities("meta", kind: "adset", account: "a1", field: "ref", equals: "x").map(\.id) == ["g1"])
        Self.expectLookupsMatchScans(world)
        world.reset(platform: "tiktok")
        #expect(world.children("tiktok", of: "c1", kind: "adgroup", account: "a1").isEmpty)
        #expect(world.entities("meta", kind: "adset", account: "a2", named: "G").map(\.id) == ["g4", "g9"])
        Self.expectLookupsMatchScans(world)
    }

    @Test("a full reset empties every lookup, and the world indexes what comes after")
    func resetAll() {
        let world = Self.fixture()
        #expect(world.entities("meta", kind: "ad", account: "a1", field: "ref", equals: "x").count == 2)
        world.reset()
        #expect(world.snapshot().entities.isEmpty)
        #expect(world.children("meta", of: "g1", kind: "ad", account: "a1").isEmpty)
        #expect(world.entities("meta", kind: "campaign", account: "a1", named: "Alpha").isEmpty)
        #expect(world.entities("meta", kind: "ad", account: "a1", field: "ref", equals: "x").isEmpty)
        world.insert(Self.entity("campaign", "c1", name: "Alpha"))
        world.insert(Self.entity("ad", "d1", parent: "c1", name: "D", ref: "x"))
        #expect(world.children("meta", of: "c1", kind: "ad", account: "a1").map(\.id) == ["d1"])
        #expect(world.entities("meta", kind: "ad", account: "a1", field: "ref", equals: "x").map(\.id) == ["d1"])
        Self.expectLookupsMatchScans(world)
    }

    @Test("restore rebuilds the index, from a snapshot or from a state whose entities were written directly")
    func restore() {
        let world = Self.fixture()
        world.update("meta", "c2") { entity, _ in entity.name = "Alpha" }
        let snapshot = world.snapshot()
        world.update("meta", "c2") { entity, _ in entity.name = "Beta" }
        world.insert(Self.entity("adset", "g5", parent: "c1", name: "G"))
        world.restore(snapshot)
        #expect(
            world.entities("meta", kind: "campaign", account: "a1", named: "Alpha").map(\.id) == ["c1", "c2", "c3"])
        #expect(world.children("meta", of: "c1", kind: "adset", account: "a1").map(\.id) == ["g1", "g3"])
        #expect(world.entity("meta", "g5") == nil)
        Self.expectLookupsMatchScans(world)

        var handWritten = WorldState(seed: 2, now: Self.start)
        for entity in [
            Self.entity("campaign", "k1", name: "Kappa"), Self.entity("adset", "s1", parent: "k1", name: "S", ref: "z"),
            Self.entity("adset", "s2", parent: "k1", name: "S", ref: "z"),
        ] {
            handWritten.entities[WorldState.key(entity.platform, entity.id)] = entity
        }
        handWritten.order[WorldState.orderKey("meta", "a1", "campaign")] = ["k1"]
        handWritten.order[WorldState.orderKey("meta", "a1", "adset")] = ["s2", "s1"]
        // Written past the index, as only this module can: the writer rebuilds it, as the type's rule says.
        handWritten.rebuildIndex()
        world.restore(handWritten)
        #expect(world.children("meta", of: "k1", kind: "adset", account: "a1").map(\.id) == ["s2", "s1"])
        #expect(
            world.entities("meta", kind: "adset", account: "a1", field: "ref", equals: "z").map(\.id) == ["s2", "s1"])
        #expect(world.entities("meta", kind: "campaign", account: "a1", named: "Alpha").isEmpty)
        Self.expectLookupsMatchScans(world)
    }

    @Test("decoding builds the index; the saved form has exactly the keys it had, and old files still load")
    func decoding() throws {
        let world = Self.fixture()
        world.update("meta", "d1") { entity, _ in entity.parentID = "g2" }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(world.snapshot())
        let saved = try #require(MockJSON.parse(data))
        #expect(
            saved.members?.map(\.0) == [
                "clicks", "entities", "minted", "nextPixelSequence", "now", "order", "pixelEvents", "seed",
            ])
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(WorldState.self, from: data)
        #expect(decoded.index.children("meta", of: "g2").sorted() == ["d1", "d2"])
        #expect(decoded.index.ids("meta", kind: "campaign", account: "a1", named: "Alpha") == ["c1", "c3"])
        #expect(try encoder.encode(decoded) == data)

        let restored = MockWorld(seed: 9, now: Self.start)
        restored.restore(decoded)
        #expect(restored.children("meta", of: "g2", kind: "ad", account: "a1").map(\.id) == ["d1", "d2"])
        Self.expectLookupsMatchScans(restored)

        // A state file from before Airtable: no `airtable` key.
        let old = Data(
            #"""
            {"seed":5,"now":"2026-12-01T00:00:00Z","minted":{"meta":2},"clicks":{},"pixelEvents":[],
             "nextPixelSequence":1,
             "order":{"meta/act_1/campaign":["11","12"],"meta/act_1/adset":["21"]},
             "entities":{
              "meta/11":{"platform":"meta","kind":"campaign","id":"11","accountID":"act_1","name":"Same",
               "fields":{"name":"Same"},"createdAt":"2026-12-01T00:00:00Z","updatedAt":"2026-12-01T00:00:00Z",
               "deleted":false,"role":"container","activeIntervals":[]},
              "meta/12":{"platform":"meta","kind":"campaign","id":"12","accountID":"act_1","name":"Same",
               "fields":{"name":"Same"},"createdAt":"2026-12-01T00:00:00Z","updatedAt":"2026-12-01T00:00:00Z",
               "deleted":true,"role":"container","activeIntervals":[]},
              "meta/21":{"platform":"meta","kind":"adset","id":"21","accountID":"act_1","parentID":"12",
               "name":"Set","fields":{},"createdAt":"2026-12-01T00:00:00Z","updatedAt":"2026-12-01T00:00:00Z",
               "deleted":false,"role":"container","activeIntervals":[]}}}
            """#.utf8)
        let loaded = try decoder.decode(WorldState.self, from: old)
        #expect(loaded.airtable == nil && loaded.entities.count == 3)
        #expect(loaded.index.ids("meta", kind: "campaign", account: "act_1", named: "Same") == ["11", "12"])
        #expect(loaded.index.children("meta", of: "12") == ["21"])
        let fromFile = MockWorld(seed: 1, now: Self.start)
        fromFile.restore(loaded)
        #expect(fromFile.entities("meta", kind: "campaign", account: "act_1", named: "Same").map(\.id) == ["11"])
        #expect(
            fromFile.entities("meta", kind: "campaign", account: "act_1", named: "Same", includeDeleted: true).map(
                \.id) == ["11", "12"])
        Self.expectLookupsMatchScans(fromFile)

        // Every saved key but `airtable` is still required, as the synthesized decoder had it.
        let noMinted = Data(
            #"{"seed":5,"now":"2026-12-01T00:00:00Z","clicks":{},"pixelEvents":[],"nextPixelSequence":1,"order":{},"entities":{}}"#
                .utf8)
        #expect(throws: DecodingError.self) { try decoder.decode(WorldState.self, from: noMinted) }
    }
}
