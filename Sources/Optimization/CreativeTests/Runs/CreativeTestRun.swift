import AdPlatformKit
import Foundation
import Trafficking

/// What one creative-test run over a campaign did: a test per ad group with at least two ads delivering, each
/// stored, with the losers' pauses in apply mode, and the ad groups left untested with the reason.
public struct CreativeTestRun: Sendable, Hashable {
    /// Our id for the run, shared by its tests' records.
    public var id: UUID
    /// The campaign, as the run found it.
    public var campaign: Campaign
    /// The rate compared.
    public var metric: CreativeTestMetric
    /// Dry run or apply.
    public var mode: OptimizationMode
    /// When it ran, on the store's clock.
    public var ranAt: Date
    /// The first day of the window, `YYYY-MM-DD`.
    public var since: String
    /// The last day of the window (today), `YYYY-MM-DD`.
    public var until: String
    /// One test per ad group tested, in the order the ad groups were created.
    public var tests: [AdGroupCreativeTest]
    /// The ad groups not tested, and why.
    public var skipped: [SkippedAdGroup]

    /// Creates a run's result.
    public init(
        id: UUID, campaign: Campaign, metric: CreativeTestMetric, mode: OptimizationMode, ranAt: Date, since: String,
        until: String, tests: [AdGroupCreativeTest], skipped: [SkippedAdGroup]
    ) {
        self.id = id
        self.campaign = campaign
        self.metric = metric
        self.mode = mode
        self.ranAt = ranAt
        self.since = since
        self.until = until
        self.tests = tests
        self.skipped = skipped
    }

    /// The lifecycle actions the run requested, in order.
    public var actionIDs: [UUID] { tests.flatMap(\.record.actionIDs) }

    /// Why the engine refused each pause it refused, as `ad id: reason`.
    public var actionErrors: [String] {
        tests.flatMap { test in test.record.arms.compactMap { arm in arm.actionError.map { "\(arm.adID): \($0)" } } }
    }
}
