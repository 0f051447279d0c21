import AdPlatformKit
import Foundation
import Trafficking

/// How sure the optimiser is of each kind of decision, from 0 to 1: seed 003's values by default.
public struct DecisionConfidences: Sendable, Hashable, Codable {
    /// Still learning: maintain (seed 0.5).
    public var learning: Double
    /// Excellent return: increase strongly (seed 0.9).
    public var excellent: Double
    /// Good return: increase gently (seed 0.75).
    public var good: Double
    /// Acceptable return: maintain (seed 0.7).
    public var acceptable: Double
    /// Below break-even: decrease (seed 0.7).
    public var suboptimal: Double
    /// Poor return: pause (seed 0.85).
    public var poor: Double

    /// Creates confidences; every default is seed 003's.
    public init(
        learning: Double = 0.5, excellent: Double = 0.9, good: Double = 0.75, acceptable: Double = 0.7,
        suboptimal: Double = 0.7, poor: Double = 0.85
    ) {
        self.learning = learning
        self.excellent = excellent
        self.good = good
        self.acceptable = acceptable
        self.suboptimal = suboptimal
        self.poor = poor
    }

    /// The confidence of a band.
    public func value(for band: PerformanceBand) -> Double {
        switch band {
        case .learning, .noSpend: learning
        case .excellent: excellent
        case .good: good
        case .acceptable: acceptable
        case .suboptimal: suboptimal
        case .poor: poor
        }
    }
}
