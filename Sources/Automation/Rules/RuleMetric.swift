/// A metric a condition reads over a window: a sum the platforms report (spend, impressions, clicks, conversions,
/// conversion value) or a figure derived from sums (CTR, CPC, CPM, CPA, ROAS, conversion rate).
///
/// String-backed rather than an enum, so that a rule naming an unknown metric still decodes and the validator can
/// list it with every other problem, each with its path.
///
/// Money figures are in major units of the account currency (`spend > 50` is 50.00), as people write thresholds;
/// they are computed from integer minor units. Derived figures are always ratios of window sums, never averages of
/// daily ratios, as ``MetricTotals`` computes them.
public struct RuleMetric: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The name, e.g. `cpa`.
    public let rawValue: String

    /// Creates a metric from its name; unknown names are kept for the validator to report.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a metric from a literal.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// Spend, in major units of the account currency.
    public static let spend: RuleMetric = "spend"
    /// Times shown.
    public static let impressions: RuleMetric = "impressions"
    /// Clicks (Snapchat swipes).
    public static let clicks: RuleMetric = "clicks"
    /// Conversions in the platform's attribution window.
    public static let conversions: RuleMetric = "conversions"
    /// The value of those conversions, in major units.
    public static let conversionValue: RuleMetric = "conversionValue"
    /// Clicks per hundred impressions (a percentage, as the platforms show it); none without impressions.
    public static let ctr: RuleMetric = "ctr"
    /// Spend per click; none without clicks.
    public static let cpc: RuleMetric = "cpc"
    /// Spend per thousand impressions; none without impressions.
    public static let cpm: RuleMetric = "cpm"
    /// Spend per conversion; none without conversions.
    public static let cpa: RuleMetric = "cpa"
    /// Conversion value over spend; none without spend.
    public static let roas: RuleMetric = "roas"
    /// Conversions per hundred clicks (a percentage); none without clicks.
    public static let conversionRate: RuleMetric = "conversionRate"

    /// Every metric a rule may name, in a fixed order: a metric's position is its slot in ``MetricsIndex``.
    public static let known: [RuleMetric] = [
        .spend, .impressions, .clicks, .conversions, .conversionValue, .ctr, .cpc, .cpm, .cpa, .roas, .conversionRate,
    ]

    /// The metric's slot in ``known``, or `nil` when it is unknown.
    public var index: Int? {
        switch rawValue {
        case "spend": 0
        case "impressions": 1
        case "clicks": 2
        case "conversions": 3
        case "conversionValue": 4
        case "ctr": 5
        case "cpc": 6
        case "cpm": 7
        case "cpa": 8
        case "roas": 9
        case "conversionRate": 10
        default: nil
        }
    }

    /// Whether the name is one of ``known``.
    public var isKnown: Bool { index != nil }

    /// The name.
    public var description: String { rawValue }

    /// Decodes the name as a string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the name as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
