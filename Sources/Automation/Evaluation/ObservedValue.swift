/// A value a condition read for an entity: a metric over a window, or a target. `value` is `nil` where the metric
/// has none (a CPA without conversions).
public struct ObservedValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The metric read, for a metric.
    public var metric: RuleMetric?
    /// Its window, for a metric.
    public var window: MetricWindow?
    /// The target's name, for a target.
    public var target: String?
    /// The value.
    public var value: Double?

    /// A metric's value.
    public init(metric: RuleMetric, window: MetricWindow, value: Double?) {
        self.metric = metric
        self.window = window
        self.value = value
    }

    /// A target's value.
    public init(target: String, value: Double?) {
        self.target = target
        self.value = value
    }

    /// `cpa over last3Days = 61.5`, `target cpa = 40`.
    public var description: String {
        let name =
            if let metric, let window { "\(metric) over \(window)" } else { "target \(target ?? "")" }
        return "\(name) = \(value.map(MetricExpression.format) ?? "none")"
    }
}
