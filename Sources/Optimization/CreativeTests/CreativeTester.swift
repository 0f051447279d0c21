import AdPlatformKit
import Foundation
import Trafficking

/// Tells creatives apart by a two-proportion z-test (seed 003's `ab_tester`), pure.
///
/// The creative with the highest rate leads. It is compared with each other creative: a creative whose rate is
/// below the leader's at the test's confidence, with both past the least sample, is a loser and its ad is paused;
/// the leader is the winner once every other creative is a loser. Until then the answer is "keep testing", with the
/// trials each creative still needs to tell apart the differences seen so far at the same confidence and the set
/// power.
public struct CreativeTester: Sendable {
    /// The rules.
    public var settings: CreativeTestSettings

    /// A tester; 95% confidence, 1,000 impressions or 100 clicks at least, by default.
    public init(settings: CreativeTestSettings = CreativeTestSettings()) {
        self.settings = settings
    }

    /// Compares the creatives on a rate.
    public func evaluate(_ arms: [CreativeTestArm], on metric: CreativeTestMetric) -> CreativeTestResult {
        let alpha = max(1 - settings.confidenceLevel, 0)
        let threshold =
            settings.correctsForMultipleComparisons && arms.count > 2 ? alpha / Double(arms.count - 1) : alpha
        var statuses = Dictionary(arms.map { ($0.adID, CreativeTestStatus.testing) }, uniquingKeysWith: { a, _ in a })
        guard arms.count >= 2,
            let leader = arms.enumerated().max(by: {
                ($0.element.rate(metric), $1.offset) < ($1.element.rate(metric), $0.offset)
            })?.element
        else {
            return CreativeTestResult(
                metric: metric, arms: arms, leaderID: arms.first?.adID, comparisons: [], statuses: statuses,
                threshold: threshold, sampleNeededPerArm: nil, summary: "keep testing: a test needs two creatives")
        }
        let minimum = settings.minimumTrials(metric)
        var comparisons: [ArmComparison] = []
        var needed: Int64? = 0
        for arm in arms where arm.adID != leader.adID {
            let comparison = compare(leader, arm, metric: metric, threshold: threshold, minimum: minimum)
            comparisons.append(comparison)
            if comparison.significant {
                statuses[arm.adID] = .loser
            } else if let more = sampleNeeded(leader, arm, metric: metric, threshold: threshold, minimum: minimum),
                let sofar = needed
            {
                needed = max(sofar, more)
            } else {
                needed = nil
            }
        }
        let allBeaten = comparisons.allSatisfy(\.significant)
        if allBeaten { statuses[leader.adID] = .winner }
        let name = metric == .clickThroughRate ? "click-through rate" : "conversion rate"
        let percent = Self.percent(leader.rate(metric))
        let losers = comparisons.filter(\.significant).map(\.adID)
        let summary: String
        if allBeaten {
            summary =
                "winner \(leader.adID): \(name) \(percent) beats every other creative at "
                + "\(Self.percent(settings.confidenceLevel)) confidence; losers \(losers.joined(separator: ", "))"
        } else {
            let still =
                needed.map { "\($0) more \(metric == .clickThroughRate ? "impressions" : "clicks") per creative" }
                ?? "no difference seen yet to size a sample for"
            summary =
                "keep testing: \(leader.adID) leads at \(name) \(percent), not yet told apart at "
                + "\(Self.percent(settings.confidenceLevel)) confidence; needs \(still)"
                + (losers.isEmpty ? "" : "; losers so far \(losers.joined(separator: ", "))")
        }
        return CreativeTestResult(
            metric: metric, arms: arms, leaderID: leader.adID, comparisons: comparisons, statuses: statuses,
            threshold: threshold, sampleNeededPerArm: allBeaten ? 0 : needed, summary: summary)
    }

    /// The log entries and, in apply mode, the pause requests of a result: each loser's ad paused, the winner
    /// marked, both with the test's figures. Nothing while every creative is still testing.
    public func plan(
        _ result: CreativeTestResult, campaignID: UUID, mode: OptimizationMode, at now: Date
    ) -> (log: [OptimizationLogEntry], actions: [ActionRequest]) {
        var log: [OptimizationLogEntry] = []
        var actions: [ActionRequest] = []
        for comparison in result.comparisons where comparison.significant {
            log.append(
                OptimizationLogEntry(
                    campaignID: campaignID, entityID: comparison.adID, action: .creativePaused,
                    previousValue: .status(.active), newValue: .status(.paused),
                    reason: "loser: \(Self.percent(comparison.rate)) against the leader's "
                        + "\(Self.percent(comparison.leaderRate)) (z \(Self.decimal(comparison.z)), p "
                        + "\(Self.decimal(comparison.pValue, digits: 4)))",
                    confidence: 1 - comparison.pValue, metrics: .creativeTest(result), mode: mode, createdAt: now))
            if mode == .apply {
                actions.append(
                    ActionRequest(
                        campaignID: campaignID, kind: .pause, level: .ad, entityIDs: [comparison.adID],
                        requestedBy: settings.requestedBy))
            }
        }
        if let winner = result.winnerID {
            let weakest = result.comparisons.map(\.pValue).max() ?? 1
            log.append(
                OptimizationLogEntry(
                    campaignID: campaignID, entityID: winner, action: .creativeWinner, previousValue: nil,
                    newValue: nil, reason: result.summary, confidence: 1 - weakest, metrics: .creativeTest(result),
                    mode: mode, createdAt: now))
        }
        return (log, actions)
    }

    // MARK: - Statistics

    private func compare(
        _ leader: CreativeTestArm, _ other: CreativeTestArm, metric: CreativeTestMetric, threshold: Double,
        minimum: Int64
    ) -> ArmComparison {
        let n1 = Double(leader.trials(metric))
        let n2 = Double(other.trials(metric))
        let p1 = leader.rate(metric)
        let p2 = other.rate(metric)
        var z = 0.0
        if n1 > 0, n2 > 0 {
            let pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
            let error = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
            z = error > 0 ? (p1 - p2) / error : 0
        }
        let pValue = NormalDistribution.twoSidedPValue(z)
        let enough = leader.trials(metric) >= minimum && other.trials(metric) >= minimum
        return ArmComparison(
            adID: other.adID, rate: p2, leaderRate: p1, z: z, pValue: pValue,
            significant: enough && p1 > p2 && pValue < threshold)
    }

    /// The trials each of two arms still needs for their difference to be significant with the set power, or `nil`
    /// when their rates are equal.
    private func sampleNeeded(
        _ leader: CreativeTestArm, _ other: CreativeTestArm, metric: CreativeTestMetric, threshold: Double,
        minimum: Int64
    ) -> Int64? {
        let p1 = leader.rate(metric)
        let p2 = other.rate(metric)
        let difference = abs(p1 - p2)
        guard difference > 0 else { return nil }
        let average = (p1 + p2) / 2
        let zAlpha = NormalDistribution.upperQuantile(threshold / 2)
        let zBeta = NormalDistribution.upperQuantile(1 - settings.power)
        let root =
            zAlpha * (2 * average * (1 - average)).squareRoot() + zBeta * (p1 * (1 - p1) + p2 * (1 - p2)).squareRoot()
        let perArm = (root * root / (difference * difference)).rounded(.up)
        guard perArm.isFinite else { return nil }
        let required = max(Int64(min(perArm, 9e18)), minimum)
        return max(0, required - min(leader.trials(metric), other.trials(metric)))
    }

    static func percent(_ rate: Double) -> String { "\(decimal(rate * 100, digits: 2))%" }

    static func decimal(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : value < 0 ? "-∞" : "n/a" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return "\(rounded)"
    }
}
