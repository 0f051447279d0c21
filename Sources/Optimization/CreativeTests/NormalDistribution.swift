import AdPlatformKit
import Foundation
import Trafficking

/// The standard normal distribution's tail and quantile, for two-proportion tests.
enum NormalDistribution {
    /// The chance of a value at least `z` away from 0 in either direction.
    static func twoSidedPValue(_ z: Double) -> Double {
        guard z.isFinite else { return z.isNaN ? 1 : 0 }
        return erfc(abs(z) / 2.squareRoot())
    }

    /// The value the upper tail above which has probability `tail` (1.96 for 0.025), by bisection on the tail.
    static func upperQuantile(_ tail: Double) -> Double {
        guard tail > 0 else { return .infinity }
        guard tail < 1 else { return -.infinity }
        var low = -40.0
        var high = 40.0
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if erfc(middle / 2.squareRoot()) / 2 > tail { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
