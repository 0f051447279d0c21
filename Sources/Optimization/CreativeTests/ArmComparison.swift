import AdPlatformKit
import Foundation
import Trafficking

/// The two-proportion test between the leading creative and one other.
public struct ArmComparison: Sendable, Hashable, Codable {
    /// The other creative's ad.
    public var adID: String
    /// Its rate.
    public var rate: Double
    /// The leader's rate.
    public var leaderRate: Double
    /// The z statistic of the leader's rate over this one's, with the pooled standard error.
    public var z: Double
    /// The two-sided p-value.
    public var pValue: Double
    /// Whether both arms have the least sample and the p-value is under the test's threshold.
    public var significant: Bool

    /// Creates a comparison.
    public init(adID: String, rate: Double, leaderRate: Double, z: Double, pValue: Double, significant: Bool) {
        self.adID = adID
        self.rate = rate
        self.leaderRate = leaderRate
        self.z = z
        self.pValue = pValue
        self.significant = significant
    }
}
