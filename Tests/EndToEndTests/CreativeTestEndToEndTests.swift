import AdPlatformKit
import AdPlatformTesting
import Foundation
import MockPlatforms
import Optimization
import Testing
import Trafficking

/// Creative tests on the Meta emulator: one ad group with two ads, each given a click-through rate through the
/// emulator's ground truth, delivered for two days and a half, synced, then tested in apply mode. A clear difference
/// is called and the loser paused on the emulator; a slight one is not, and nothing is paused.
@Suite("Creative tests end to end")
struct CreativeTestEndToEndTests {
    /// The sample request with one ad set and two ads of two creatives in it, on one country, ages 18–65+ and both
    /// genders: the emulator's reference audience, so each ad's 100 a day at a CPM of 10 is 10,000 impressions.
    static func request(_ fixture: EngineFixture) throws -> TraffickingRequest {
        var request = try DeliveringCampaigns.request(fixture)
        let group = try #require(request.adGroups.first)
        var hero = try #require(request.creatives.first { $0.platforms?.contains(.meta) ?? true })
        var alternate = hero
        alternate.key = "social-alternate"
        alternate.name = "Winter alternate"
        alternate.headlines = ["All your favourites, one place"]
        hero.platforms = [.meta]
        alternate.platforms = [.meta]
        request.adGroups = [group]
        request.creatives = [hero, alternate]
        request.ads = [
            AdDefinition(name: "Families — winter hero", adGroup: group.key, creative: hero.key),
            AdDefinition(name: "Families — winter alternate", adGroup: group.key, creative: alternate.key),
        ]
        return request
    }

    /// Launches the request on Meta, activates it, gives its two ads the click-through rates, moves two days and a
    /// half into the flight and syncs. Returns the campaign and its two ads' platform ids, in the rates' order.
    static func delivered(
        clickThroughRates: [Double], fixture: EngineFixture, clock: ManualWallClock
    ) async throws -> (campaign: Campaign, ads: [String]) {
        let account = try #require(fixture.accounts[.meta])
        let campaign = try await DeliveringCampaigns.launchAndActivate(try request(fixture), on: account, in: fixture)

        let detail = try #require(try await fixture.store.campaignDetail(campaign.id))
        let ads = detail.mappings.filter { $0.level == .ad }
        try #require(ads.count == 2 && Set(ads.compactMap(\.parentPlatformID)).count == 1, "\(detail.mappings)")
        let world = fixture.mock.mock.world
        for (ad, rate) in zip(ads, clickThroughRates) {
            let entity = try #require(LifecycleActionTests.entity(ad.platformID, on: .meta, in: fixture))
            try world.setPerformance(
                PerformanceTruth(
                    from: world.now, clickThroughRate: rate, conversionRate: 0.1, valuePerConversionMicros: 5_000_000,
                    cpmMicros: 10_000_000, pacing: 1),
                platform: "meta", entityID: entity.id)
        }
        // The flight starts tomorrow: two whole days of delivery and half of a third.
        MetricsSyncTests.advance(days: 3, clock, fixture)
        let sync = try await MetricsSyncTests.syncer(fixture).sync(account: account.id, kind: .incremental)
        try #require(sync.status == .succeeded, "\(sync.errors)")
        return (campaign, ads.map(\.platformID))
    }

    @Test("2% against 4% on some 27,600 impressions each: the 4% ad wins, the 2% ad is paused on the emulator")
    func clearDifferenceIsCalled() async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let (campaign, ads) = try await Self.delivered(
                clickThroughRates: [0.02, 0.04], fixture: fixture, clock: clock)
            let (loser, winner) = (ads[0], ads[1])

            let runner = CreativeTestRunner(engine: fixture.engine)
            let run = try await runner.run(campaign: campaign.id, metric: .clickThroughRate, mode: .apply)
            #expect(run.skipped.isEmpty, "\(run.skipped)")
            let test = try #require(run.tests.first)
            #expect(run.tests.count == 1)
            let record = test.record
            #expect(record.winnerAdID == winner, "\(record.summary)")
            #expect(record.leaderAdID == winner && record.sampleNeededPerArm == 0)
            let losing = try #require(record.arms.first { $0.adID == loser })
            let winning = try #require(record.arms.first { $0.adID == winner })
            #expect(losing.status == "LOSER" && winning.status == "WINNER")
            #expect(losing.impressions > 20_000 && winning.impressions > 20_000, "\(record.arms)")
            #expect(abs(losing.rate - 0.02) < 0.003 && abs(winning.rate - 0.04) < 0.004, "\(record.arms)")
            #expect((losing.z ?? 0) > 5 && (losing.pValue ?? 1) < 0.0001, "\(losing)")
            #expect(winning.z == nil && winning.actionID == nil)
            let actionID = try #require(losing.actionID, "\(losing.actionError ?? "no action")")
            #expect(run.actionIDs == [actionID])

            let store = fixture.store
            try await fixture.run { try await store.action(actionID)?.status.isTerminal == true }
            let action = try #require(try await store.action(actionID))
            #expect(action.status == .done, "\(action.error?.description ?? "")")
            #expect(action.kind == .pause && action.level == .ad && action.targets == [loser])
            #expect(action.requestedBy == "optimizer:creative-test")

            // The emulator holds the result: the loser paused, the winner still delivering.
            let pausedAd = try #require(LifecycleActionTests.entity(loser, on: .meta, in: fixture))
            let liveAd = try #require(LifecycleActionTests.entity(winner, on: .meta, in: fixture))
            #expect(!pausedAd.isActive, "the loser is paused on the emulator")
            #expect(liveAd.isActive, "the winner keeps delivering")

            // The test is stored with its figures and the pause's id.
            let stored = try await store.creativeTests(campaign: campaign.id, page: PageRequest())
            #expect(stored.total == 1)
            #expect(stored.items.first?.id == record.id && stored.items.first?.arms.count == 2)
            #expect(stored.items.first?.winnerAdID == winner && stored.items.first?.mode == "apply")
            #expect(stored.items.first?.arms.map(\.status) == record.arms.map(\.status))
            #expect(stored.items.first?.arms.first { $0.adID == loser }?.actionID == actionID)

            // Run again: the loser is already paused, so nothing more is asked of the platform.
            let again = try await runner.run(campaign: campaign.id, metric: .clickThroughRate, mode: .apply)
            #expect(again.actionIDs.isEmpty)
            let note = again.tests.first?.record.arms.first { $0.adID == loser }?.note
            #expect(note == "already PAUSED on the platform", "\(again.tests)")
            #expect(try await store.creativeTests(campaign: campaign.id, page: PageRequest()).total == 2)
        }
    }

    @Test("2.0% against 2.1%: not called, keep testing with the sample still needed, nothing paused")
    func slightDifferenceKeepsTesting() async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let (campaign, ads) = try await Self.delivered(
                clickThroughRates: [0.020, 0.021], fixture: fixture, clock: clock)

            let run = try await CreativeTestRunner(engine: fixture.engine).run(
                campaign: campaign.id, metric: .clickThroughRate, mode: .apply)
            let record = try #require(run.tests.first?.record)
            #expect(record.winnerAdID == nil, "\(record.summary)")
            #expect(record.arms.allSatisfy { $0.status == "TESTING" && $0.actionID == nil }, "\(record.arms)")
            #expect(record.arms.allSatisfy { $0.impressions > 20_000 }, "\(record.arms)")
            let needed = try #require(record.sampleNeededPerArm, "\(record.summary)")
            #expect(needed > 100_000, "the sample still needed: \(needed)")
            #expect(record.summary.hasPrefix("keep testing"), "\(record.summary)")
            #expect(run.actionIDs.isEmpty)
            #expect(try await fixture.store.actions(campaign: campaign.id, page: PageRequest()).items.count == 1)
            for ad in ads {
                let entity = try #require(LifecycleActionTests.entity(ad, on: .meta, in: fixture))
                #expect(entity.isActive, "\(ad) still delivers")
            }
            let stored = try await fixture.store.creativeTests(campaign: campaign.id, page: PageRequest())
            #expect(stored.items.map(\.id) == [record.id])
            #expect(stored.items.first?.sampleNeededPerArm == needed && stored.items.first?.winnerAdID == nil)
        }
    }
}
