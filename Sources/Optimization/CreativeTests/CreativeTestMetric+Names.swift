import Foundation

extension CreativeTestMetric {
    /// The short name the CLI and the REST API use: `ctr` or `cvr`.
    public var shortName: String {
        switch self {
        case .clickThroughRate: "ctr"
        case .conversionRate: "cvr"
        }
    }

    /// The metric a short name (`ctr`, `cvr`) or the tester's own name (`clickThroughRate`) stands for, or `nil`.
    public init?(name: String) {
        guard let metric = Self.allCases.first(where: { $0.shortName == name || $0.rawValue == name }) else {
            return nil
        }
        self = metric
    }

    /// The metric's name for a person: `click-through rate` or `conversion rate`.
    public var displayName: String {
        switch self {
        case .clickThroughRate: "click-through rate"
        case .conversionRate: "conversion rate"
        }
    }
}
