import AdPlatformKit
import Foundation
import Trafficking

/// Creative tests run on what the engine keeps: for one campaign, each ad group's ads compared on a rate from their
/// synced daily metrics over a window (``CreativeTester``). Every test is stored (``CreativeTestStore``) with each
/// ad's figures and standing; in apply mode each loser's ad is paused through
/// ``TraffickingEngine/requestAction(_:)``, so the pause is durable, run by the worker exactly once and logged with
/// its old and new values, and the action's id is stored on the loser's line. The winner is marked on its line.
///
/// The window is, by default, from the campaign's first flight day through today: a test's sample is everything the
/// ads have delivered, and today's partial figures are figures too (a rate needs no whole days). `days` narrows it
/// to the last days through today. It reads the time from the store's clock, never the wall clock. The CLI and
/// the REST API share it.
public struct CreativeTestRunner: Sendable {
    /// The engine: its store and lifecycle actions.
    public let engine: TraffickingEngine
    /// The tester: 95% confidence, at least 1,000 impressions or 100 clicks per ad, by default.
    public var tester: CreativeTester

    /// The most days a window may cover: a leap year.
    public static let maximumDays = 366

    /// A runner over an engine.
    public init(engine: TraffickingEngine, settings: CreativeTestSettings = CreativeTestSettings()) {
        self.engine = engine
        self.tester = CreativeTester(settings: settings)
    }

    /// Tests the ads of each ad group of `campaign` on `metric` and stores every test; in `.apply` also requests a
    /// pause of each loser's ad that is not paused already or being paused. Ad groups with fewer than two ads
    /// delivering in the window are skipped with the reason. Throws ``CreativeTestRunError`` naming `campaign` when
    /// it does not exist and `days` when it is not 1 to ``maximumDays``.
    public func run(
        campaign id: UUID, metric: CreativeTestMetric = .clickThroughRate, mode: OptimizationMode, days: Int? = nil
    ) async throws -> CreativeTestRun {
        if let days, !(1...Self.maximumDays).contains(days) {
            throw CreativeTestRunError(
                .invalidWindow, field: "days", "\(days) is not a number of days from 1 to \(Self.maximumDays)")
        }
        let store = engine.store
        guard let detail = try await store.campaignDetail(id) else {
            throw CreativeTestRunError(.campaignNotFound, field: "campaign", "no campaign \(id.uuidString)")
        }
        let campaign = detail.campaign
        let now = store.clock.now
        let (since, until) = Self.window(flightStart: campaign.schedule.start, days: days, now: now)
        let rows = try await store.metrics(
            campaign: id, since: since.description, until: until.description, level: .ad)
        let pausing = try await pausesUnderWay(campaign: id)
        let runID = UUID.timeOrdered(at: now)

        var tests: [AdGroupCreativeTest] = []
        var skipped: [SkippedAdGroup] = []
        for group in Self.adGroups(of: detail) {
            let ids = Set(group.ads.map(\.platformID))
            let arms = CreativeTestArm.arms(from: rows.filter { ids.contains($0.platformID) })
            guard arms.count >= 2 else {
                skipped.append(
                    SkippedAdGroup(
                        adGroupID: group.id, adGroupName: group.name,
                        reason: "\(arms.count) of its \(group.ads.count) ad(s) delivered from \(since) to \(until); "
                            + "a test compares at least two"))
                continue
            }
            let result = tester.evaluate(arms, on: metric)
            let record = Self.record(
                result, group: group, campaign: campaign, runID: runID, mode: mode, since: since, until: until,
                pausing: pausing, now: now)
            tests.append(AdGroupCreativeTest(result: result, record: record))
        }
        // Every test is stored before any pause is asked for, so a result is on record even when its pause is
        // refused or the process stops half-way.
        try await store.recordCreativeTests(tests.map(\.record))
        if mode == .apply {
            try await requestPauses(for: &tests)
        }
        return CreativeTestRun(
            id: runID, campaign: campaign, metric: metric, mode: mode, ranAt: now, since: since.description,
            until: until.description, tests: tests, skipped: skipped)
    }

    /// The days a run reads: the last `days` through today, or from the flight's first day through today (today
    /// when the flight has not begun).
    public static func window(flightStart: Date, days: Int?, now: Date) -> (since: CalendarDay, until: CalendarDay) {
        let until = CalendarDay(now)
        guard let days else { return (min(CalendarDay(flightStart), until), until) }
        return (until.adding(-(max(days, 1) - 1)), until)
    }

    /// An ad group and its ads, as mapped.
    struct AdGroupAds {
        var id: String
        var name: String?
        var ads: [EntityMapping]
    }

    /// The campaign's ad groups in the order they were created, each with its ads (by their parent); ads whose ad
    /// group is not mapped come last, grouped by the parent the platform reported.
    static func adGroups(of detail: CampaignDetail) -> [AdGroupAds] {
        let ads = detail.mappings.filter { $0.level == .ad }
        var groups = detail.mappings.filter { $0.level == .adGroup }.map {
            AdGroupAds(id: $0.platformID, name: $0.name, ads: [])
        }
        for ad in ads {
            guard let parent = ad.parentPlatformID else { continue }
            if let index = groups.firstIndex(where: { $0.id == parent }) {
                groups[index].ads.append(ad)
            } else {
                groups.append(AdGroupAds(id: parent, name: nil, ads: [ad]))
            }
        }
        return groups.filter { !$0.ads.isEmpty }
    }

    /// The stored form of an ad group's test, with a note on each loser that will not be paused (already paused, or
    /// a pause under way).
    static func record(
        _ result: CreativeTestResult, group: AdGroupAds, campaign: Campaign, runID: UUID, mode: OptimizationMode,
        since: CalendarDay, until: CalendarDay, pausing: [String: UUID], now: Date
    ) -> CreativeTestRecord {
        let comparisons = Dictionary(result.comparisons.map { ($0.adID, $0) }, uniquingKeysWith: { first, _ in first })
        let mappings = Dictionary(group.ads.map { ($0.platformID, $0) }, uniquingKeysWith: { first, _ in first })
        let arms = result.arms.map { arm -> CreativeTestArmRecord in
            let status = result.statuses[arm.adID] ?? .testing
            let mapping = mappings[arm.adID]
            var note: String?
            if status == .loser {
                if let seen = mapping?.lastSeenStatus, seen != .active {
                    note = "already \(seen.rawValue) on the platform"
                } else if let action = pausing[arm.adID] {
                    note = "a pause is already under way (action \(action.uuidString))"
                }
            }
            return CreativeTestArmRecord(
                adID: arm.adID, adName: mapping?.name, impressions: arm.impressions, clicks: arm.clicks,
                conversions: arm.conversions, rate: arm.rate(result.metric), z: comparisons[arm.adID]?.z,
                pValue: comparisons[arm.adID]?.pValue, status: status.rawValue, note: note)
        }
        return CreativeTestRecord(
            id: .timeOrdered(at: now), runID: runID, campaignID: campaign.id, accountID: campaign.accountID,
            platform: campaign.platform, adGroupID: group.id, adGroupName: group.name,
            metric: result.metric.rawValue, mode: mode.rawValue, since: since.description,
            until: until.description, leaderAdID: result.leaderID, winnerAdID: result.winnerID,
            threshold: result.threshold, sampleNeededPerArm: result.sampleNeededPerArm,
            summary: result.summary, arms: arms, createdAt: now)
    }

    /// The ads of the campaign with a pause at the ad level still waiting or running, and the action's id.
    private func pausesUnderWay(campaign: UUID) async throws -> [String: UUID] {
        let recent = try await engine.store.actions(campaign: campaign, page: PageRequest(limit: 100))
        var pausing: [String: UUID] = [:]
        for action in recent.items where !action.status.isTerminal && action.kind == .pause && action.level == .ad {
            for target in action.targets { pausing[target] = pausing[target] ?? action.id }
        }
        return pausing
    }

    /// Requests a pause of each loser not already paused or being paused, and records on its line the action's id
    /// or the engine's refusal. A failure other than a refusal (the store) stops the run after recording what was
    /// requested so far.
    private func requestPauses(for tests: inout [AdGroupCreativeTest]) async throws {
        var links: [CreativeTestActionLink] = []
        var failure: (any Error)?
        loop: for testIndex in tests.indices {
            let record = tests[testIndex].record
            for (armIndex, arm) in record.arms.enumerated()
            where arm.status == CreativeTestStatus.loser.rawValue && arm.note == nil {
                do {
                    let action = try await engine.requestAction(
                        ActionRequest(
                            campaignID: record.campaignID, kind: .pause, level: .ad, entityIDs: [arm.adID],
                            requestedBy: tester.settings.requestedBy))
                    tests[testIndex].record.arms[armIndex].actionID = action.id
                    links.append(CreativeTestActionLink(testID: record.id, adID: arm.adID, actionID: action.id))
                } catch let error as ActionError {
                    tests[testIndex].record.arms[armIndex].actionError = error.message
                    links.append(CreativeTestActionLink(testID: record.id, adID: arm.adID, error: error.message))
                } catch {
                    failure = error
                    break loop
                }
            }
        }
        try await engine.store.linkCreativeTests(links)
        if let failure { throw failure }
    }
}
