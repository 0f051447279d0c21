import AdPlatformKit
import Foundation
import Trafficking

/// A change of budget: a share of the current budget, optionally capped at an amount of the account currency's
/// major unit (seed 003: "+20%, at most 100").
public struct BudgetStep: Sendable, Hashable, Codable {
    /// The share of the current budget, in basis points: 2,000 is 20%.
    public var basisPoints: Int64
    /// The most the budget may change by in one step, in major units of the account currency (100 is 100 USD or
    /// 100 JPY); `nil` for no cap.
    public var capMajorUnits: Int64?

    /// Creates a step.
    public init(basisPoints: Int64, capMajorUnits: Int64? = nil) {
        self.basisPoints = basisPoints
        self.capMajorUnits = capMajorUnits
    }

    /// The change for a budget of `minorUnits`, in minor units: the share rounded half up, then capped.
    func change(of minorUnits: Int64, minorUnitsPerMajorUnit: Int64) -> Int64 {
        let (high, low) = minorUnits.multipliedFullWidth(by: basisPoints)
        let product = Int64(truncatingIfNeeded: low)
        // Budgets times a percentage stay far inside 64 bits; beyond that, take the cap or the whole budget.
        var share = high == 0 && product >= 0 ? (product + 5_000) / 10_000 : minorUnits
        if let cap = capMajorUnits {
            let (limit, overflow) = cap.multipliedReportingOverflow(by: minorUnitsPerMajorUnit)
            if !overflow { share = min(share, limit) }
        }
        return share
    }
}
