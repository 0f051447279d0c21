/// The metrics every platform's reporting is mapped onto (seed 002's `MetricDefinition` vocabulary).
public enum Metric: String, Sendable, Hashable, Codable, CaseIterable {
    /// Times shown.
    case impressions
    /// Clicks (Snapchat swipes).
    case clicks
    /// Spend, in the account currency.
    case spend
    /// Conversions in the platform's attribution window.
    case conversions
    /// The value of those conversions, in the account currency.
    case conversionValue
}
