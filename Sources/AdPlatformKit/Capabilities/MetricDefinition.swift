/// How one platform reports one of our metrics: the fields it is read from and their unit there.
public struct MetricDefinition: Sendable, Hashable, Codable {
    /// Our metric.
    public var metric: Metric
    /// The platform's fields, summed where there are several (e.g. Meta's purchase action types).
    public var platformFields: [String]
    /// The platform's unit, e.g. `micro-currency`, `decimal string, major units`, `count`.
    public var unit: String

    /// Creates a definition.
    public init(_ metric: Metric, from platformFields: [String], unit: String) {
        self.metric = metric
        self.platformFields = platformFields
        self.unit = unit
    }
}
