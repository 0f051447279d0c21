/// How a platform reports delivery, as the metrics sync needs it: the field map, the attribution window, how far
/// back the platform still changes past days, and the longest range one daily query may ask for.
public struct ReportingCapabilities: Sendable, Hashable, Codable {
    /// Each of our metrics, from the platform's fields.
    public var metrics: [MetricDefinition]
    /// The attribution window conversions are counted in, as stored with each row, e.g. `7d_click_1d_view`.
    public var attributionWindow: String
    /// Days before today that every sync reads again, because late conversions still change them.
    public var restatementDays: Int
    /// Where that window comes from.
    public var restatementSource: String
    /// The most days one daily report may span.
    public var maximumDaysPerQuery: Int

    /// Creates reporting capabilities.
    public init(
        metrics: [MetricDefinition], attributionWindow: String, restatementDays: Int, restatementSource: String,
        maximumDaysPerQuery: Int
    ) {
        self.metrics = metrics
        self.attributionWindow = attributionWindow
        self.restatementDays = max(1, restatementDays)
        self.restatementSource = restatementSource
        self.maximumDaysPerQuery = max(1, maximumDaysPerQuery)
    }

    /// What a platform without its own says: no field map, a 7-day window, 30 days per query.
    public static let unspecified = ReportingCapabilities(
        metrics: [], attributionWindow: "default", restatementDays: 7,
        restatementSource: "no platform documentation; a week, as most platforms settle within it",
        maximumDaysPerQuery: 30)
}
