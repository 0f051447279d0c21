/// One side of a comparison: a metric over a window, a number, a named target of the rule, or a number times one
/// of these (`2 × target cpa`, `1.5 × cpa over last30Days`).
///
/// In the rule format: `50`; `{"metric": "cpa", "window": "last3Days"}` (the window may be left to the rule's
/// default window); `{"target": "cpa"}`; `{"factor": 2, "of": {"target": "cpa"}}`.
public indirect enum MetricExpression: Sendable, Hashable {
    /// A constant.
    case number(Double)
    /// A metric summed over a window; without a window, the rule's ``Rule/window``.
    case metric(RuleMetric, window: MetricWindow?)
    /// A target the rule names in ``Rule/targets``; an entity's own target of that name
    /// (``RuleEntity/targets``) replaces the rule's.
    case target(String)
    /// A number times an expression.
    case product(factor: Double, MetricExpression)

    /// `cpa over last3Days`, `2 × target cpa`, `50`.
    public var description: String {
        switch self {
        case .number(let value): Self.format(value)
        case .metric(let metric, let window): "\(metric) over \(window?.rawValue ?? "the rule's window")"
        case .target(let name): "target \(name)"
        case .product(let factor, let expression): "\(Self.format(factor)) × \(expression.description)"
        }
    }

    /// A number without a trailing `.0`.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

extension MetricExpression: Codable {
    private enum CodingKeys: String, CodingKey {
        case metric, window, target, factor, of
    }

    /// Decodes a number, or an object with `metric` (and `window`), `target`, or `factor` and `of`.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let number = try? single.decode(Double.self) {
            self = .number(number)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let metric = try container.decodeIfPresent(RuleMetric.self, forKey: .metric) {
            self = .metric(metric, window: try container.decodeIfPresent(MetricWindow.self, forKey: .window))
        } else if let target = try container.decodeIfPresent(String.self, forKey: .target) {
            self = .target(target)
        } else if let factor = try container.decodeIfPresent(Double.self, forKey: .factor) {
            self = .product(factor: factor, try container.decode(MetricExpression.self, forKey: .of))
        } else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: container.codingPath,
                    debugDescription: "expected a number, {metric, window}, {target} or {factor, of}"))
        }
    }

    /// Encodes the shapes ``init(from:)`` reads.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .number(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .metric(let metric, let window):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(metric, forKey: .metric)
            try container.encodeIfPresent(window, forKey: .window)
        case .target(let name):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .target)
        case .product(let factor, let expression):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(factor, forKey: .factor)
            try container.encode(expression, forKey: .of)
        }
    }
}
