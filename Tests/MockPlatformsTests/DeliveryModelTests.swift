import Foundation
import Testing

@testable import MockPlatforms

/// The world's synthetic delivery against answers computed by hand from the documented model: statuses, budgets,
/// targeting, ground truth, saturation, late conversions and determinism. Entities are written straight into the
/// world in Meta's shapes (campaign → ad set with budget and `targeting` → ads), so every figure is known.
@Suite("Synthetic delivery model")
struct DeliveryModelTests {
    /// Midnight UTC, 2026-12-01.
    static let start = Date(timeIntervalSince1970: 1_796_083_200)
    static let day: TimeInterval = 86_400
    /// One country, ages 18–65+, both genders: the reference audience, whose CPM factor is exactly 1.
    static let broad = #"{"geo_locations":{"countries":["US"]},"age_min":18,"age_max":65}"#
    /// Exact truth: the whole budget spent, 10.00 per thousand impressions, 2% CTR, 10% conversion, 40.00 each.
    static let exact = PerformanceTruth(
        from: start, clickThroughRate: 0.02, conversionRate: 0.1, valuePerConversionMicros: 40_000_000,
        cpmMicros: 10_000_000, pacing: 1)

    /// A campaign `c` → ad set `s` (budget, targeting) → the ads, all active from `start`; `truth` is set on the
    /// ad set when given.
    static func world(
        seed: UInt64 = 5, daily: Int64? = 100_000_000, lifetime: Int64? = nil, ads: [String] = ["ad1"],
        targeting: String = broad, truth: PerformanceTruth? = exact
    ) throws -> MockWorld {
        let world = MockWorld(seed: seed, now: start)
        world.insert(
            MockEntity(
                platform: "meta", kind: "campaign", id: "c", accountID: "act_1", parentID: nil, name: "C",
                fields: .object([]), createdAt: start, role: .container, active: true))
        var adSet = MockEntity(
            platform: "meta", kind: "adset", id: "s", accountID: "act_1", parentID: "c", name: "S",
            fields: .object([("targeting", try #require(MockJSON.parse(targeting)))]), createdAt: start,
            role: .container, active: true)
        adSet.dailyBudgetMicros = daily
        adSet.lifetimeBudgetMicros = lifetime
        if lifetime != nil {
            adSet.scheduleStart = start
            adSet.scheduleEnd = start.addingTimeInterval(3 * Self.day)
        }
        world.insert(adSet)
        for ad in ads {
            world.insert(
                MockEntity(
                    platform: "meta", kind: "ad", id: ad, accountID: "act_1", parentID: "s", name: ad,
                    fields: .object([]), createdAt: start, role: .leaf, active: true))
        }
        if let truth { try world.setPerformance(truth, platform: "meta", entityID: "s") }
        return world
    }

    /// Delivery of an entity on day `n` after `start`.
    static func on(_ n: Int, _ world: MockWorld, _ id: String = "s") -> DeliveryTotals {
        let from = start.addingTimeInterval(Double(n) * day)
        return world.delivery("meta", entityID: id, from: from, to: from.addingTimeInterval(day))
    }

    /// Moves the clock to `days` after `start`.
    static func at(_ days: Double, _ world: MockWorld) {
        world.setClock(start.addingTimeInterval(days * day))
    }

    @Test("with exact truth a day's figures are exact: the whole budget, spend ÷ CPM, CTR, conversion rate, value")
    func exactTruth() throws {
        let world = try Self.world()
        Self.at(1, world)
        let totals = Self.on(0, world)
        #expect(totals.spendMicros == 100_000_000)
        #expect(totals.impressions == 10_000)
        #expect(totals.clicks == 200)
        #expect(totals.conversions == 20)
        #expect(totals.revenueMicros == 800_000_000)
        #expect(totals.pixelConversions == 0 && totals.modelledConversions == 20)
    }

    @Test(
        "a pause, a paused parent or a removal stops spend from the moment of the change; earlier days stay",
        arguments: ["ad set paused", "campaign paused", "ad removed"])
    func pauseStopsSpend(change: String) throws {
        let world = try Self.world()
        Self.at(1.5, world)
        switch change {
        case "ad set paused": world.update("meta", "s") { entity, now in entity.setActive(false, at: now) }
        case "campaign paused": world.update("meta", "c") { entity, now in entity.setActive(false, at: now) }
        // Only the flag: the world ends the active interval of an entity removed while active.
        default: world.update("meta", "ad1") { entity, _ in entity.deleted = true }
        }
        Self.at(3, world)
        #expect(Self.on(0, world).spendMicros == 100_000_000)
        #expect(Self.on(1, world).spendMicros == 50_000_000)
        #expect(Self.on(1, world).impressions == 5_000)
        #expect(Self.on(2, world) == DeliveryTotals())
    }

    @Test("spend follows the budget: doubling it doubles spend from the change on; past days keep theirs")
    func budgetChanges() throws {
        let world = try Self.world()
        Self.at(1, world)
        world.update("meta", "s") { entity, _ in entity.dailyBudgetMicros = 200_000_000 }
        Self.at(2.5, world)
        world.update("meta", "s") { entity, _ in entity.dailyBudgetMicros = 50_000_000 }
        Self.at(4, world)
        #expect(Self.on(0, world).spendMicros == 100_000_000)
        #expect(Self.on(1, world).spendMicros == 200_000_000)
        #expect(Self.on(1, world).impressions == 2 * Self.on(0, world).impressions)
        #expect(Self.on(2, world).spendMicros == 125_000_000, "half a day at 200.00, half at 50.00")
        #expect(Self.on(3, world).spendMicros == 50_000_000)
        let history = try #require(world.entity("meta", "s")?.budgetHistory)
        #expect(history.map(\.dailyMicros) == [100_000_000, 200_000_000])
    }

    @Test("ads share their owner's budget among those delivering at each instant")
    func sharing() throws {
        let world = try Self.world(ads: ["ad1", "ad2"])
        Self.at(1.5, world)
        world.update("meta", "ad2") { entity, now in entity.setActive(false, at: now) }
        Self.at(2, world)
        #expect(Self.on(0, world, "ad1").spendMicros == 50_000_000)
        #expect(Self.on(0, world, "ad2").spendMicros == 50_000_000)
        #expect(Self.on(1, world, "ad1").spendMicros == 75_000_000, "a quarter day shared, then half a day alone")
        #expect(Self.on(1, world, "ad2").spendMicros == 25_000_000)
        #expect(Self.on(1, world).spendMicros == 100_000_000)
    }

    @Test("a lifetime budget is spread evenly over the flight, and nothing is spent after it")
    func lifetime() throws {
        let world = try Self.world(daily: nil, lifetime: 300_000_000)
        Self.at(5, world)
        #expect((0..<3).map { Self.on($0, world).spendMicros } == [100_000_000, 100_000_000, 100_000_000])
        #expect(Self.on(3, world).spendMicros == 0)
    }

    @Test("saturation: spend still follows the budget, but buys k(1 − e^(−S/k)) worth of impressions")
    func saturation() throws {
        var truth = Self.exact
        truth.saturationSpendMicros = 100_000_000
        let world = try Self.world(truth: truth)
        Self.at(1, world)
        world.update("meta", "s") { entity, _ in entity.dailyBudgetMicros = 200_000_000 }
        Self.at(2, world)
        let first = Self.on(0, world)
        let doubled = Self.on(1, world)
        #expect(first.spendMicros == 100_000_000 && doubled.spendMicros == 200_000_000)
        // k(1 − e^(−S/k)) × 1,000 ÷ CPM, for k = 100.00 and S = 100.00, then 200.00.
        let expectedFirst = 100 * (1 - exp(-1.0)) * 100
        let expectedDoubled = 100 * (1 - exp(-2.0)) * 100
        #expect(abs(Double(first.impressions) - expectedFirst) < 1)
        #expect(abs(Double(doubled.impressions) - expectedDoubled) < 1)
        #expect(doubled.impressions < 2 * first.impressions)
        let effective = try #require(
            try world.effectivePerformance(platform: "meta", entityID: "ad1", on: Self.start).first)
        #expect(effective.saturationSpendMicros == 100_000_000 && effective.saturationEntityID == "s")
    }

    @Test("changed targeting changes the audience and with it the CPM, from the moment of the change")
    func targeting() throws {
        let world = try Self.world()
        Self.at(1.5, world)
        world.update("meta", "s") { entity, _ in
            entity.fields = entity.fields.setting(
                "targeting", MockJSON.parse(#"{"geo_locations":{"countries":["US"]},"genders":[2]}"#) ?? .null)
        }
        Self.at(3, world)
        world.update("meta", "s") { entity, _ in
            entity.fields = entity.fields.setting(
                "targeting", MockJSON.parse(#"{"geo_locations":{"countries":["US","CA"]}}"#) ?? .null)
        }
        Self.at(4, world)
        let women = pow(2.0, 0.25)
        #expect(Self.on(0, world).impressions == 10_000)
        #expect(abs(Double(Self.on(1, world).impressions) - (5_000 + 5_000 / women)) < 1)
        #expect(abs(Double(Self.on(2, world).impressions) - 10_000 / women) < 1)
        #expect(abs(Double(Self.on(3, world).impressions) - 10_000 * pow(2.0, 0.25)) < 1, "two countries: cheaper")
        #expect(Self.on(2, world).spendMicros == 100_000_000, "targeting moves impressions, not spend")
        let now = try #require(try world.effectivePerformance(platform: "meta", entityID: "s", on: world.now).first)
        #expect(now.targeting.locations == 2 && now.targeting.genders == nil)
        #expect(now.audience == 40_000_000.0 * 48 / 53)
    }

    @Test("truth set from a later day leaves the days before it as they were")
    func truthVersions() throws {
        let world = try Self.world()
        Self.at(3, world)
        let before = (0..<3).map { Self.on($0, world) }
        var later = Self.exact
        later.from = Self.start.addingTimeInterval(2 * Self.day)
        later.conversionRate = 0.5
        try world.setPerformance(later, platform: "meta", entityID: "s")
        #expect(Self.on(0, world) == before[0] && Self.on(1, world) == before[1])
        #expect(Self.on(2, world).conversions == 100)
        #expect(world.performanceVersions(platform: "meta", entityID: "s").count == 2)
    }

    @Test("unset truth is seeded per ad, within the documented ranges, and pacing varies by day")
    func seededDefaults() throws {
        let world = try Self.world(ads: ["ad1", "ad2"], truth: nil)
        Self.at(3, world)
        let ads = try world.effectivePerformance(platform: "meta", entityID: "s", on: Self.start)
        #expect(ads.map(\.adID) == ["ad1", "ad2"])
        for ad in ads {
            #expect((0.005..<0.025).contains(ad.clickThroughRate))
            #expect((0.01..<0.05).contains(ad.conversionRate))
            #expect((5_000_000..<60_000_000).contains(ad.valuePerConversionMicros))
            #expect((4_000_000..<12_000_000).contains(ad.cpmMicros))
            #expect(ad.pacing == nil && ad.saturationSpendMicros == nil && ad.sources["cpm"] == "seed")
        }
        #expect(ads[0] != ads[1])
        for day in 0..<3 {
            let spend = Self.on(day, world).spendMicros
            #expect(spend >= 55_000_000 && spend <= 94_000_000)
        }
    }

    @Test("the same seed and calls give the same figures; another seed gives others")
    func determinism() throws {
        func run(seed: UInt64) throws -> [DeliveryTotals] {
            let world = try Self.world(seed: seed, ads: ["ad1", "ad2"], truth: nil)
            Self.at(1.25, world)
            world.update("meta", "s") { entity, _ in entity.dailyBudgetMicros = 180_000_000 }
            Self.at(2.5, world)
            world.update("meta", "ad2") { entity, now in entity.setActive(false, at: now) }
            Self.at(4, world)
            return (0..<4).flatMap { day in ["ad1", "ad2", "s"].map { Self.on(day, world, $0) } }
        }
        let first = try run(seed: 11)
        #expect(try run(seed: 11) == first)
        #expect(try run(seed: 12) != first)
        #expect(first.allSatisfy { $0.conversions <= $0.clicks && $0.clicks <= $0.impressions })
    }

    @Test("late conversions land on their past day, split among the ads that existed, and only there")
    func lateConversions() throws {
        let world = try Self.world(ads: ["ad1", "ad2"])
        Self.at(2.5, world)
        let before = (0..<3).map { Self.on($0, world) }
        let added = try world.addLateConversions(
            platform: "meta", entityID: "s", day: Self.start.addingTimeInterval(3_600), count: 5,
            valueMicros: 101_000_000)
        #expect(added.map(\.adID) == ["ad1", "ad2"] && added.map(\.count) == [3, 2])
        #expect(added.map(\.valueMicros) == [60_600_000, 40_400_000])
        let day0 = Self.on(0, world)
        #expect(day0.conversions == before[0].conversions + 5)
        #expect(day0.revenueMicros == before[0].revenueMicros + 101_000_000)
        #expect(day0.spendMicros == before[0].spendMicros && day0.pixelConversions == 0)
        #expect(Self.on(1, world) == before[1] && Self.on(2, world) == before[2])
        // Without a value, each conversion is worth the ad's value per conversion that day.
        let priced = try world.addLateConversions(
            platform: "meta", entityID: "ad1", day: Self.start.addingTimeInterval(Self.day), count: 2, valueMicros: nil)
        #expect(priced.first?.valueMicros == 80_000_000)
        #expect(world.lateConversions(platform: "meta", entityID: "s").count == 3)
        #expect(world.lateConversions(platform: "meta", entityID: "ad2").count == 1)
    }

    @Test(
        "late conversions are refused for unknown entities, future days, days before the entity, and bad counts",
        arguments: [
            ("ghost", 0.0, 1, Int64?.none, "entityId"), ("s", 3.0, 1, nil, "date"), ("s", -1.0, 1, nil, "date"),
            ("s", 0.0, 0, nil, "count"), ("s", 0.0, 1, -5, "value"),
        ])
    func lateConversionErrors(entity: String, day: Double, count: Int, value: Int64?, field: String) throws {
        let world = try Self.world()
        Self.at(2.5, world)
        let error = #expect(throws: GroundTruthError.self) {
            try world.addLateConversions(
                platform: "meta", entityID: entity, day: Self.start.addingTimeInterval(day * Self.day),
                count: Int64(count), valueMicros: value)
        }
        #expect(error?.field == field)
        #expect(world.lateConversions().isEmpty)
    }

    @Test("a saved and restored state gives the same figures: budgets, targeting and truth keep their history")
    func stateRoundTrip() throws {
        let world = try Self.world()
        Self.at(1.5, world)
        world.update("meta", "s") { entity, _ in
            entity.dailyBudgetMicros = 300_000_000
            entity.fields = entity.fields.setting(
                "targeting", MockJSON.parse(#"{"geo_locations":{"countries":["US"]},"genders":[1]}"#) ?? .null)
        }
        try world.addLateConversions(
            platform: "meta", entityID: "ad1", day: Self.start, count: 4, valueMicros: 10_000_000)
        Self.at(3, world)
        let figures = (0..<3).map { Self.on($0, world) }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let restored = MockWorld(seed: 5, now: Self.start)
        restored.restore(try decoder.decode(WorldState.self, from: try encoder.encode(world.snapshot())))
        #expect((0..<3).map { Self.on($0, restored) } == figures)
    }

    @Test("campaigns sharing a Google budget entity split it rather than each spending it")
    func sharedBudget() throws {
        let world = MockWorld(seed: 3, now: Self.start)
        var budget = MockEntity(
            platform: "google", kind: "campaignBudget", id: "77", accountID: "1", parentID: nil, name: "Shared",
            fields: .object([("resourceName", .string("customers/1/campaignBudgets/77"))]), createdAt: Self.start,
            role: .passive, active: false)
        budget.dailyBudgetMicros = 100_000_000
        world.insert(budget)
        for campaign in ["c1", "c2"] {
            var entity = MockEntity(
                platform: "google", kind: "campaign", id: campaign, accountID: "1", parentID: nil, name: campaign,
                fields: .object([("campaignBudget", .string("customers/1/campaignBudgets/77"))]),
                createdAt: Self.start, role: .container, active: true)
            entity.dailyBudgetMicros = 100_000_000
            world.insert(entity)
            world.insert(
                MockEntity(
                    platform: "google", kind: "adGroup", id: campaign + "g", accountID: "1", parentID: campaign,
                    name: "G", fields: .object([]), createdAt: Self.start, role: .container, active: true))
            world.insert(
                MockEntity(
                    platform: "google", kind: "adGroupAd", id: campaign + "a", accountID: "1",
                    parentID: campaign + "g", name: "", fields: .object([]), createdAt: Self.start, role: .leaf,
                    active: true))
            try world.setPerformance(
                PerformanceTruth(from: Self.start, pacing: 1), platform: "google", entityID: campaign)
        }
        Self.at(1, world)
        let spends = ["c1", "c2"].map {
            world.delivery("google", entityID: $0, from: Self.start, to: world.now).spendMicros
        }
        #expect(spends == [50_000_000, 50_000_000])
    }

    @Test("a finished day read again comes from what was kept, and truth set over it afterwards is read as set")
    func finishedDaysFollowTruth() throws {
        let world = try Self.world()
        Self.at(3, world)
        let first = Self.on(0, world)
        #expect(Self.on(0, world) == first)
        var cheaper = Self.exact
        cheaper.cpmMicros = 5_000_000
        try world.setPerformance(cheaper, platform: "meta", entityID: "s")
        #expect(Self.on(0, world).impressions == 2 * first.impressions)
        #expect(Self.on(0, world).spendMicros == first.spendMicros)
    }

    @Test("an ad created later with a past creation time shares the budget of the days already read")
    func finishedDaysFollowNewEntities() throws {
        let world = try Self.world()
        Self.at(2, world)
        #expect(Self.on(0, world, "ad1").spendMicros == 100_000_000)
        world.insert(
            MockEntity(
                platform: "meta", kind: "ad", id: "ad2", accountID: "act_1", parentID: "s", name: "ad2",
                fields: .object([]), createdAt: Self.start, role: .leaf, active: true))
        #expect(Self.on(0, world, "ad1").spendMicros == 50_000_000)
        #expect(Self.on(0, world).spendMicros == 100_000_000)
    }

    @Test("a day not yet over is modelled up to the virtual now on every read")
    func unfinishedDayGrows() throws {
        let world = try Self.world()
        Self.at(0.5, world)
        let half = Self.on(0, world)
        Self.at(1, world)
        #expect(half.spendMicros == 50_000_000)
        #expect(Self.on(0, world).spendMicros == 100_000_000)
    }
}
