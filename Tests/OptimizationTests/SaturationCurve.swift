import Foundation

/// A campaign's true response in the simulations: value = ceiling × (1 − e^(−spend / scale)), concave, with
/// ROAS `ceiling / scale` on the first unit of spend and diminishing after. Amounts in minor units.
struct SaturationCurve {
    var ceiling: Double
    var scale: Double

    func value(at spend: Double) -> Double { spend > 0 ? ceiling * (1 - exp(-spend / scale)) : 0 }
}

/// A small deterministic generator for test scenarios (a linear congruential one is enough here).
struct ScenarioRandom {
    var state: UInt64

    mutating func unit() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53)
    }

    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }
}
