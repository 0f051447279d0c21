import AdPlatformKit
import Foundation
import Trafficking

/// A creative test's answer: each creative's standing, the figures behind it, and, before significance, the sample
/// each creative still needs.
public struct CreativeTestResult: Sendable, Hashable, Codable {
    /// The rate compared.
    public var metric: CreativeTestMetric
    /// The creatives with their figures, in the order given.
    public var arms: [CreativeTestArm]
    /// The ad with the highest rate.
    public var leaderID: String?
    /// The leader compared with each other creative.
    public var comparisons: [ArmComparison]
    /// Each ad's standing, by ad id.
    public var statuses: [String: CreativeTestStatus]
    /// The p-value a comparison must be under: the test's, shared among the comparisons where it corrects for them.
    public var threshold: Double
    /// While no winner is called: how many more trials (impressions or clicks) each creative still needs for the
    /// differences seen so far to be told apart, or `nil` where a difference is nil and no sample would do.
    public var sampleNeededPerArm: Int64?
    /// What to do, for a person: the winner and losers, or "keep testing" with the sample needed.
    public var summary: String

    /// Creates a result.
    public init(
        metric: CreativeTestMetric, arms: [CreativeTestArm], leaderID: String?, comparisons: [ArmComparison],
        statuses: [String: CreativeTestStatus], threshold: Double, sampleNeededPerArm: Int64?, summary: String
    ) {
        self.metric = metric
        self.arms = arms
        self.leaderID = leaderID
        self.comparisons = comparisons
        self.statuses = statuses
        self.threshold = threshold
        self.sampleNeededPerArm = sampleNeededPerArm
        self.summary = summary
    }

    /// The winner's ad, once called.
    public var winnerID: String? { statuses.first { $0.value == .winner }?.key }

    /// The losers' ads, in the order given.
    public var loserIDs: [String] { arms.map(\.adID).filter { statuses[$0] == .loser } }

    /// Whether the test is still going: no winner yet.
    public var keepTesting: Bool { winnerID == nil }
}
