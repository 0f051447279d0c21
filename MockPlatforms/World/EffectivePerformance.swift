import Foundation

/// The performance an ad delivers with on one day, once every part is resolved: set on the ad, inherited from the
/// nearest ancestor that sets it, or seeded. What `GET /_mock/truth` reports, so tests can compute the figures
/// they expect.
public struct EffectivePerformance: Sendable, Codable, Hashable {
    /// The ad.
    public var adID: String
    /// The day: midnight UTC.
    public var day: Date
    /// Clicks per impression.
    public var clickThroughRate: Double
    /// Conversions per click.
    public var conversionRate: Double
    /// Value of each conversion, in micros.
    public var valuePerConversionMicros: Int64
    /// Cost per thousand impressions at the reference audience, in micros.
    public var cpmMicros: Int64
    /// Share of the budget spent that day; `nil` when seeded per day (0.55–0.94).
    public var pacing: Double?
    /// The saturation spend `k`, in micros; `nil` when spend does not saturate.
    public var saturationSpendMicros: Int64?
    /// The entity whose day's spend saturates: the one that set ``saturationSpendMicros``.
    public var saturationEntityID: String?
    /// The targeting in force at the start of the day, merged up the chain.
    public var targeting: DeliveryTargeting
    /// What each part came from: an entity id, or `seed`.
    public var sources: [String: String]

    /// People the targeting reaches.
    public var audience: Double { targeting.audience }
    /// The factor the audience puts on the CPM.
    public var cpmFactor: Double { targeting.cpmFactor }
}
