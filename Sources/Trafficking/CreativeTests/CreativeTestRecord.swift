import AdPlatformKit
import Foundation

/// One stored creative test: the ads of one ad group compared on a rate over a window, by one run, with each ad's
/// figures and standing (``CreativeTestArmRecord``), the winner once called, and the sample still needed before then.
///
/// The engine keeps these without interpreting them: the metric, the mode and the statuses are the `Optimization`
/// module's names for them (`clickThroughRate`, `dryRun`, `WINNER`…), as with ``OptimizationRecord``.
public struct CreativeTestRecord: Sendable, Hashable, Codable, Identifiable {
    /// Our id for the test, time-ordered.
    public var id: UUID
    /// The run it was part of: one run tests every ad group of a campaign.
    public var runID: UUID
    /// The campaign of ours.
    public var campaignID: UUID
    /// The campaign's ad account.
    public var accountID: UUID
    /// The campaign's platform.
    public var platform: PlatformID
    /// The platform id of the ad group whose ads were compared.
    public var adGroupID: String
    /// The ad group's name on the platform, as mapped.
    public var adGroupName: String?
    /// The rate compared, as the tester names it: `clickThroughRate` or `conversionRate`.
    public var metric: String
    /// The mode of the run: `dryRun` or `apply`.
    public var mode: String
    /// The first day of the window, `YYYY-MM-DD`.
    public var since: String
    /// The last day of the window, `YYYY-MM-DD`.
    public var until: String
    /// The ad with the highest rate.
    public var leaderAdID: String?
    /// The winner's ad, once called; `nil` while the test should keep going.
    public var winnerAdID: String?
    /// The p-value a comparison had to be under (the test's, shared among its comparisons).
    public var threshold: Double
    /// While no winner is called: the trials (impressions or clicks) each ad still needs; `nil` where no sample
    /// would tell the ads apart (equal rates).
    public var sampleNeededPerArm: Int64?
    /// The answer, for a person.
    public var summary: String
    /// Each ad's figures and standing, in ad id order.
    public var arms: [CreativeTestArmRecord]
    /// When the run ran, on the store's clock.
    public var createdAt: Date

    /// Creates a test's record.
    public init(
        id: UUID, runID: UUID, campaignID: UUID, accountID: UUID, platform: PlatformID, adGroupID: String,
        adGroupName: String?, metric: String, mode: String, since: String, until: String, leaderAdID: String?,
        winnerAdID: String?, threshold: Double, sampleNeededPerArm: Int64?, summary: String,
        arms: [CreativeTestArmRecord], createdAt: Date
    ) {
        self.id = id
        self.runID = runID
        self.campaignID = campaignID
        self.accountID = accountID
        self.platform = platform
        self.adGroupID = adGroupID
        self.adGroupName = adGroupName
        self.metric = metric
        self.mode = mode
        self.since = since
        self.until = until
        self.leaderAdID = leaderAdID
        self.winnerAdID = winnerAdID
        self.threshold = threshold
        self.sampleNeededPerArm = sampleNeededPerArm
        self.summary = summary
        self.arms = arms
        self.createdAt = createdAt
    }

    /// The lifecycle actions requested for its losers.
    public var actionIDs: [UUID] { arms.compactMap(\.actionID) }
}
