import Automation

/// A value a rule's conditions read for an entity, in rule plans and the rule history: a metric over a window
/// (`{"metric": "cpa", "window": "last3Days", "value": 61.5}`) or a target (`{"target": "cpa", "value": 40}`);
/// `value` is `null` where the metric has none (a CPA without conversions).
public struct ObservedValueResource: Encodable, Sendable {
    var metric: String?
    var window: String?
    var target: String?
    var value: Double?

    private enum CodingKeys: String, CodingKey {
        case metric, window, target, value
    }

    /// The resource of an observed value.
    public init(_ observed: ObservedValue) {
        metric = observed.metric?.rawValue
        window = observed.window?.rawValue
        target = observed.target
        value = observed.value.flatMap { $0.isFinite ? $0 : nil }
    }

    /// Leaves out `metric` and `window` for a target and `target` for a metric; `value` is always there.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(metric, forKey: .metric)
        try container.encodeIfPresent(window, forKey: .window)
        try container.encodeIfPresent(target, forKey: .target)
        try container.encode(value, forKey: .value)
    }
}
