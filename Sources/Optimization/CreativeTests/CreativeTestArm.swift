import AdPlatformKit
import Foundation
import Trafficking

/// One creative in a test, by the ad that shows it: its impressions, clicks and conversions.
public struct CreativeTestArm: Sendable, Hashable, Codable {
    /// The platform id of the ad.
    public var adID: String
    /// Times shown.
    public var impressions: Int64
    /// Clicks.
    public var clicks: Int64
    /// Conversions, whole (a platform's fractional conversions are rounded down).
    public var conversions: Int64

    /// Creates an arm.
    public init(adID: String, impressions: Int64, clicks: Int64, conversions: Int64) {
        self.adID = adID
        self.impressions = impressions
        self.clicks = clicks
        self.conversions = conversions
    }

    /// The arms of a campaign's ads from its synced rows: each ad's sums over the rows given, in ad id order.
    public static func arms(from rows: [DailyMetric]) -> [CreativeTestArm] {
        var sums: [String: CreativeTestArm] = [:]
        var conversions: [String: Double] = [:]
        for row in rows where row.level == .ad {
            var arm =
                sums[row.platformID] ?? CreativeTestArm(adID: row.platformID, impressions: 0, clicks: 0, conversions: 0)
            arm.impressions += row.totals.impressions
            arm.clicks += row.totals.clicks
            sums[row.platformID] = arm
            conversions[row.platformID, default: 0] += row.totals.conversions
        }
        return sums.keys.sorted().compactMap { id in
            guard var arm = sums[id] else { return nil }
            arm.conversions = Int64(max(0, min((conversions[id] ?? 0).rounded(.down), 9e18)))
            return arm
        }
    }

    /// The trials of a metric: impressions for the click-through rate, clicks for the conversion rate.
    public func trials(_ metric: CreativeTestMetric) -> Int64 {
        metric == .clickThroughRate ? impressions : clicks
    }

    /// The successes of a metric: clicks, or conversions.
    public func successes(_ metric: CreativeTestMetric) -> Int64 {
        metric == .clickThroughRate ? clicks : conversions
    }

    /// Successes over trials, or 0 without trials.
    public func rate(_ metric: CreativeTestMetric) -> Double {
        let trials = trials(metric)
        return trials > 0 ? Double(min(successes(metric), trials)) / Double(trials) : 0
    }
}
