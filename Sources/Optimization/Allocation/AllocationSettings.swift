import AdPlatformKit
import Foundation
import Trafficking

/// The allocator's rules: its method, seed 003's floor and weights, and how far and how boldly the marginal method
/// moves.
public struct AllocationSettings: Sendable, Hashable, Codable {
    /// How shares are computed.
    public var method: AllocationMethod
    /// No campaign gets less than this a day, in major units of the account currency (seed 10), nor less than
    /// its platform's minimum.
    public var floorMajorUnits: Int64
    /// The least weight a campaign gets in the ROAS-weighted method, in basis points (seed 0.1).
    public var minimumWeightBasisPoints: Int64
    /// The return assumed for a campaign with no spend yet, in basis points (seed 1.0).
    public var defaultROASBasisPoints: Int64
    /// The most a campaign's budget moves in one allocation with the marginal method, in basis points of its
    /// current budget (5,000: half). Bolder steps reach the best split sooner on clean data and swing harder on
    /// noisy data; the steps the optimiser takes alone (20%) would need far more than a week.
    public var maximumChangeBasisPoints: Int64
    /// The elasticity of value to spend assumed before a campaign's spend has moved (0.5: doubling spend brings
    /// about 1.4 times the value), the usual shape of a saturating response.
    public var priorElasticity: Double
    /// The days of delivery the ROAS-weighted method sums (seed: the window, 7).
    public var windowDays: Int

    /// Creates settings; the floor and weights are seed 003's.
    public init(
        method: AllocationMethod = .marginalReturn, floorMajorUnits: Int64 = 10,
        minimumWeightBasisPoints: Int64 = 1_000, defaultROASBasisPoints: Int64 = 10_000,
        maximumChangeBasisPoints: Int64 = 5_000, priorElasticity: Double = 0.5, windowDays: Int = 7
    ) {
        self.method = method
        self.floorMajorUnits = floorMajorUnits
        self.minimumWeightBasisPoints = minimumWeightBasisPoints
        self.defaultROASBasisPoints = defaultROASBasisPoints
        self.maximumChangeBasisPoints = maximumChangeBasisPoints
        self.priorElasticity = priorElasticity
        self.windowDays = windowDays
    }
}
