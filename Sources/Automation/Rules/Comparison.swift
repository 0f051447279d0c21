/// A condition's leaf: two expressions and how they relate, such as `cpa over last3Days > 50` or
/// `cpa over last7Days > 2 × target cpa`.
///
/// In the rule format, a comparison whose left side is a metric is written flat:
/// `{"metric": "cpa", "window": "last3Days", "op": ">", "value": 50}`, where `value` is any expression. Otherwise
/// `{"left": …, "op": …, "right": …}`.
public struct Comparison: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The left side.
    public var left: MetricExpression
    /// How the sides relate.
    public var op: ComparisonOperator
    /// The right side.
    public var right: MetricExpression

    /// Creates a comparison.
    public init(_ left: MetricExpression, _ op: ComparisonOperator, _ right: MetricExpression) {
        self.left = left
        self.op = op
        self.right = right
    }

    /// `metric over window op value`: the common shape.
    public init(
        _ metric: RuleMetric, over window: MetricWindow? = nil, _ op: ComparisonOperator, _ value: Double
    ) {
        self.init(.metric(metric, window: window), op, .number(value))
    }

    /// Whether the format writes it flat (its left side is a metric): validation paths follow the same shape.
    public var isFlat: Bool {
        if case .metric = left { return true }
        return false
    }

    /// `cpa over last3Days > 50`.
    public var description: String { "\(left.description) \(op) \(right.description)" }

    private enum CodingKeys: String, CodingKey {
        case left, op, right, metric, window, value
    }

    /// Decodes the flat or the `left`/`right` shape.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        op = try container.decode(ComparisonOperator.self, forKey: .op)
        if let metric = try container.decodeIfPresent(RuleMetric.self, forKey: .metric) {
            left = .metric(metric, window: try container.decodeIfPresent(MetricWindow.self, forKey: .window))
        } else {
            left = try container.decode(MetricExpression.self, forKey: .left)
        }
        if container.contains(.value) {
            right = try container.decode(MetricExpression.self, forKey: .value)
        } else {
            right = try container.decode(MetricExpression.self, forKey: .right)
        }
    }

    /// Encodes the flat shape when the left side is a metric, else `left`, `op`, `right`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if case .metric(let metric, let window) = left {
            try container.encode(metric, forKey: .metric)
            try container.encodeIfPresent(window, forKey: .window)
            try container.encode(op, forKey: .op)
            try container.encode(right, forKey: .value)
        } else {
            try container.encode(left, forKey: .left)
            try container.encode(op, forKey: .op)
            try container.encode(right, forKey: .right)
        }
    }
}
