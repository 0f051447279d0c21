import AdPlatformKit
import AdPlatformTesting
import Foundation
import MockPlatforms
import Testing
import Trafficking

/// The metrics sync against the emulators over sockets: daily rows at every level equal the emulator's ground
/// truth, late conversions restate past days without duplicating a row, spend follows a budget change, and a pause
/// made outside AdOps Lab is found as drift.
@Suite("Metrics sync end to end")
struct MetricsSyncTests {
    /// A syncer with the test worker's fast retries.
    static func syncer(_ fixture: EngineFixture) -> MetricsSyncer {
        MetricsSyncer(
            store: fixture.store, registry: fixture.registry,
            configuration: WorkerConfiguration(
                retry: RetryPolicy(maximumAttempts: 12, baseDelay: .milliseconds(1), maximumDelay: .milliseconds(5)),
                rateBudget: .unlimited, sleep: { _ in }))
    }

    /// Moves the emulators and the store, which share no clock object, on together.
    static func advance(days: Double, _ clock: ManualWallClock, _ fixture: EngineFixture) {
        _ = clock.advance(by: days * 86_400)
        fixture.mock.mock.world.advance(by: days * 86_400)
    }

    /// Every stored row of the campaign compared with what the emulator's world delivered that day; returns the
    /// differences, and the number of rows compared.
    static func differences(
        _ campaign: Campaign, in fixture: EngineFixture, since: String, until: String
    ) async throws -> (mismatches: [String], compared: Int) {
        let rows = try await fixture.store.metrics(campaign: campaign.id, since: since, until: until, level: nil)
        var mismatches: [String] = []
        for row in rows {
            let entity = try #require(
                LifecycleActionTests.entity(row.platformID, on: campaign.platform, in: fixture))
            let day = try #require(ISO8601DateFormatter.day(row.date))
            let truth = fixture.mock.mock.world.delivery(
                campaign.platform.rawValue, entityID: entity.id, from: day, to: day.addingTimeInterval(86_400))
            let spend = Money.rounding(micros: truth.spendMicros, currency: .usd)
            let value = Money.rounding(micros: truth.revenueMicros, currency: .usd)
            let stored = row.totals
            if stored.impressions != truth.impressions || stored.clicks != truth.clicks || stored.spend != spend
                || stored.conversions != Double(truth.conversions) || stored.conversionValue != value
            {
                mismatches.append(
                    "\(row.level) \(row.platformID) \(row.date): stored \(stored.impressions)/\(stored.clicks)/"
                        + "\(stored.spend)/\(stored.conversions)/\(stored.conversionValue), truth \(truth.impressions)/"
                        + "\(truth.clicks)/\(spend)/\(truth.conversions)/\(value)")
            }
        }
        return (mismatches, rows.count)
    }

    /// Launches the sample paused, activates it, and moves four days on, three of them in its flight.
    static func delivering(
        _ platform: PlatformID, in fixture: EngineFixture, clock: ManualWallClock, launches: Int = 1
    ) async throws -> [Campaign] {
        var campaigns: [Campaign] = []
        for _ in 0..<launches {
            let campaign = try await LifecycleActionTests.launch(platform, in: fixture)
            let activated = try await LifecycleActionTests.run(
                try await LifecycleActionTests.request(.activate, on: campaign, in: fixture), in: fixture)
            try #require(activated.status == .done, "\(activated.error?.description ?? "")")
            campaigns.append(campaign)
        }
        advance(days: 4, clock, fixture)
        return campaigns
    }

    @Test(
        "30% transient faults and rate limits: every sync completes within its retries, rows right",
        arguments: PlatformID.builtIn)
    func faults(platform: PlatformID) async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let campaign = try #require(try await Self.delivering(platform, in: fixture, clock: clock).first)
            _ = mock.mock.faults.add(
                FaultRule(platform: platform.rawValue, path: "*", kind: .status, status: 503, probability: 0.3))
            _ = mock.mock.faults.add(
                FaultRule(platform: platform.rawValue, path: "*", kind: .status, status: 429, probability: 0.1))
            let account = try #require(fixture.accounts[platform])
            for _ in 0..<3 {
                let run = try await Self.syncer(fixture).sync(account: account.id, kind: .incremental)
                #expect(run.status == .succeeded, "\(run.errors)")
                let check = try await Self.differences(campaign, in: fixture, since: run.since, until: run.until)
                #expect(check.mismatches.isEmpty && check.compared > 0, "\(check.mismatches)")
            }
            #expect(mock.mock.faults.rules.reduce(0) { $0 + $1.fired } > 0, "faults fired")
        }
    }

    @Test("a sync stopped between chunks is resumed by the next run, after the campaigns it wrote")
    func resumesAfterAStop() async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let campaigns = try await Self.delivering(.meta, in: fixture, clock: clock, launches: 3)
            let account = try #require(fixture.accounts[.meta])
            var syncer = Self.syncer(fixture)
            syncer.campaignsPerChunk = 1
            // The process "dies" after the first chunk: its task is cancelled, its run left running.
            await #expect(throws: CancellationError.self) {
                try await syncer.sync(account: account.id, kind: .incremental) { _ in
                    withUnsafeCurrentTask { $0?.cancel() }
                }
            }
            let first = try #require(
                try await fixture.store.syncRuns(account: account.id, page: PageRequest()).items.first)
            try #require(first.status == .running && first.campaigns == 1)
            // Another run is refused while the first may still be alive; once stale, it is taken over.
            await #expect(throws: SyncError.self) { try await syncer.sync(account: account.id, kind: .incremental) }
            _ = clock.advance(by: 601)
            let resumed = try await syncer.sync(account: account.id, kind: .incremental)
            #expect(resumed.status == .succeeded)
            #expect(resumed.campaigns == campaigns.count - 1, "campaigns synced before the stop are not read again")
            let runs = try await fixture.store.syncRuns(account: account.id, page: PageRequest()).items
            #expect(runs.contains { $0.id == first.id && $0.status == .interrupted })
            for campaign in campaigns {
                let check = try await Self.differences(
                    campaign, in: fixture, since: first.since, until: first.until)
                #expect(check.mismatches.isEmpty && check.compared > 0, "\(check.mismatches)")
            }
        }
    }

    @Test("an account's restatement_days setting replaces the platform's window; a bad one is refused, named")
    func restatementSetting() async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            _ = try await Self.delivering(.google, in: fixture, clock: clock)
            let account = try #require(fixture.accounts[.google])
            var settings = account.settings
            settings[MetricsSyncer.restatementSetting] = "30"
            _ = try await fixture.store.updateAccount(account.id, AdAccountChanges(settings: settings))
            let run = try await Self.syncer(fixture).sync(account: account.id, kind: .incremental)
            #expect(run.status == .succeeded)
            let today = try #require(CalendarDay(run.until))
            #expect(run.since == today.adding(-29).description, "30 days, not Google's 14")
            settings[MetricsSyncer.restatementSetting] = "forever"
            _ = try await fixture.store.updateAccount(account.id, AdAccountChanges(settings: settings))
            await #expect {
                try await Self.syncer(fixture).sync(account: account.id, kind: .incremental)
            } throws: { error in
                (error as? SyncError)?.message.contains("restatement_days is 'forever'") == true
            }
        }
    }

    @Test(
        "rows equal ground truth at every level; late conversions restate without duplicates; drift by sync",
        arguments: PlatformID.builtIn)
    func syncMatchesTruth(platform: PlatformID) async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let campaign = try #require(try await Self.delivering(platform, in: fixture, clock: clock).first)
            let account = try #require(fixture.accounts[platform])
            let syncer = Self.syncer(fixture)

            let first = try await syncer.sync(account: account.id, kind: .incremental)
            #expect(first.status == .succeeded, "\(first.errors)")
            #expect(first.campaigns == 1 && first.rows > 0 && first.calls > 0)
            let since = first.since
            let until = first.until
            var check = try await Self.differences(campaign, in: fixture, since: since, until: until)
            #expect(check.mismatches.isEmpty, "\(check.mismatches.joined(separator: "\n"))")
            let levels = Set(
                try await fixture.store.metrics(campaign: campaign.id, since: since, until: until, level: nil).map(
                    \.level))
            #expect(levels == [.campaign, .adGroup, .ad])
            let stored = try #require(try await fixture.store.campaign(campaign.id))
            #expect(
                stored.lastSyncedAt.map { $0 >= first.startedAt && $0 <= (first.finishedAt ?? .distantPast) } == true)

            // Late conversions on the first day of delivery, for one ad.
            let ad = try #require(
                try await fixture.store.campaignDetail(campaign.id)?.mappings.first { $0.level == .ad })
            let adEntity = try #require(LifecycleActionTests.entity(ad.platformID, on: platform, in: fixture))
            let firstDay = try #require(
                try await fixture.store.metrics(campaign: campaign.id, since: since, until: until, level: .ad).first?
                    .date)
            _ = try mock.mock.world.addLateConversions(
                platform: platform.rawValue, entityID: adEntity.id,
                day: try #require(ISO8601DateFormatter.day(firstDay)), count: 7, valueMicros: 70_000_000)
            let before = check.compared
            let second = try await syncer.sync(account: account.id, kind: .incremental)
            #expect(second.status == .succeeded, "\(second.errors)")
            check = try await Self.differences(campaign, in: fixture, since: since, until: until)
            #expect(check.mismatches.isEmpty, "\(check.mismatches.joined(separator: "\n"))")
            #expect(check.compared == before, "a re-sync replaces rows, never adds")
            let restated = try await fixture.store.metrics(
                campaign: campaign.id, since: firstDay, until: firstDay, level: .ad)
            #expect(restated.contains { $0.platformID == ad.platformID && $0.totals.conversions >= 7 })

            // Someone pauses the campaign in the platform's own tools: the next sync finds it.
            let module = try #require(fixture.module(platform) as? any StatusChanging)
            let credentials = try #require(try await fixture.store.credentials(ofAccount: account.id))
            let mapping = try #require(
                try await fixture.store.campaignDetail(campaign.id)?.mappings.first { $0.level == .campaign })
            try await module.setStatus(
                .paused,
                of: PlatformEntity(
                    platform: platform, kind: .campaign, id: mapping.platformID, name: mapping.name),
                in: account.context(credentials: credentials))
            let third = try await syncer.sync(account: account.id, kind: .incremental)
            #expect(third.drifts == 1, "\(third)")
            let drifted = try #require(try await fixture.store.campaign(campaign.id))
            #expect(drifted.drifted && drifted.status == .paused)
            let drifts = try await fixture.store.drifts(campaign: campaign.id)
            #expect(
                drifts.first?.ours == "ACTIVE" && drifts.first?.platforms == "PAUSED" && drifts.first?.source == .sync)
            #expect(try await fixture.store.syncRuns(account: account.id, page: PageRequest()).total == 3)
        }
    }

    @Test(
        "a budget changed in the platform's own tools reads back, and the next sync finds it as drift",
        arguments: PlatformID.builtIn
    )
    func budgetDriftBySync(platform: PlatformID) async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let campaign = try #require(try await Self.delivering(platform, in: fixture, clock: clock).first)
            let account = try #require(fixture.accounts[platform])
            let syncer = Self.syncer(fixture)
            let first = try await syncer.sync(account: account.id, kind: .incremental)
            #expect(first.status == .succeeded && first.drifts == 0, "\(first)")

            // The level that holds the budget reads back what we launched with (or shared out), so no drift yet.
            let placement = try #require(fixture.registry[platform]).capabilities.budget.placement
            let level: EntityKind = placement == .campaign ? .campaign : .adGroup
            let holder = try #require(
                try await fixture.store.campaignDetail(campaign.id)?.mappings.first { $0.level == level })
            let seen = try #require(holder.lastSeenBudget, "the sync reads the \(level)'s budget")

            let raised = Budget(
                seen.period, Money(minorUnits: seen.amount.minorUnits * 2, currency: seen.amount.currency))
            let module = try #require(fixture.module(platform) as? any BudgetChanging)
            let credentials = try #require(try await fixture.store.credentials(ofAccount: account.id))
            let context = account.context(credentials: credentials)
            try await module.setBudget(
                raised, of: PlatformEntity(platform: platform, kind: level, id: holder.platformID, name: holder.name),
                in: context)
            // Reading the entity shows the new budget too: what a worker taking a half-done budget step over checks.
            let reader = try #require(fixture.module(platform) as? any EntityReading)
            #expect(try await reader.readEntity(level, id: holder.platformID, in: context).budget == raised)
            let second = try await syncer.sync(account: account.id, kind: .incremental)
            #expect(second.drifts == 1, "\(second)")
            let drifts = try await fixture.store.drifts(campaign: campaign.id)
            #expect(drifts.first?.field == .budget && drifts.first?.source == .sync)
            #expect(drifts.first?.ours == seen.description && drifts.first?.platforms == raised.description)
            let after = try #require(
                try await fixture.store.campaignDetail(campaign.id)?.mappings.first {
                    $0.platformID == holder.platformID
                })
            #expect(after.lastSeenBudget == raised, "our records follow the platform")
            #expect(try await fixture.store.campaign(campaign.id)?.drifted == true)
        }
    }
}

extension ISO8601DateFormatter {
    /// Midnight UTC of a `YYYY-MM-DD` day.
    static func day(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)
    }
}
