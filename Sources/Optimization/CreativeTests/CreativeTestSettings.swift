import AdPlatformKit
import Foundation
import Trafficking

/// The rules of a creative test: the confidence to call a result, the least sample, and the power the sample still
/// needed is computed for.
public struct CreativeTestSettings: Sendable, Hashable, Codable {
    /// The confidence a difference must reach, two-sided (0.95).
    public var confidenceLevel: Double
    /// The least impressions each arm needs before its click-through rate is judged (1,000).
    public var minimumImpressions: Int64
    /// The least clicks each arm needs before its conversion rate is judged (100).
    public var minimumClicks: Int64
    /// The chance of detecting the difference seen so far that the sample still needed is sized for (0.8).
    public var power: Double
    /// Whether the confidence is shared among the leader's comparisons with the others (Bonferroni), so a test of
    /// many creatives is no likelier to call a false winner than a test of two. On by default.
    public var correctsForMultipleComparisons: Bool
    /// Who the pauses are requested by, as the engine logs it.
    public var requestedBy: String

    /// Creates settings.
    public init(
        confidenceLevel: Double = 0.95, minimumImpressions: Int64 = 1_000, minimumClicks: Int64 = 100,
        power: Double = 0.8, correctsForMultipleComparisons: Bool = true,
        requestedBy: String = "optimizer:creative-test"
    ) {
        self.confidenceLevel = confidenceLevel
        self.minimumImpressions = minimumImpressions
        self.minimumClicks = minimumClicks
        self.power = power
        self.correctsForMultipleComparisons = correctsForMultipleComparisons
        self.requestedBy = requestedBy
    }

    /// The least trials of a metric.
    public func minimumTrials(_ metric: CreativeTestMetric) -> Int64 {
        metric == .clickThroughRate ? minimumImpressions : minimumClicks
    }
}
