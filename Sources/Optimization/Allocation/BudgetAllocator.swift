import AdPlatformKit
import Foundation
import Trafficking

/// Shares a daily total among campaigns (seed 003's `allocate_budget_across_campaigns`), pure.
///
/// Campaigns still learning are held at their budgets; the rest of the total is shared among the others by the
/// method (``AllocationMethod``): by return-on-ad-spend weight, or by equalising the marginal return. Every share is
/// at least seed 003's floor of 10 a day and the platform's minimum, within the campaign's bounds, and on the grid
/// of budgets its platform can express; the shares sum to the total exactly whenever the bounds and grids allow it.
public struct BudgetAllocator: Sendable {
    /// The rules.
    public var settings: AllocationSettings

    /// An allocator; seed 003's floor and weights, and the marginal method, by default.
    public init(settings: AllocationSettings = AllocationSettings()) {
        self.settings = settings
    }

    /// Shares `total` among `candidates`, returned in their order. Throws when a budget is in another currency,
    /// when the held campaigns take more than the total, or when the total is under the others' least budgets.
    public func allocate(
        _ total: Money, among candidates: [AllocationCandidate]
    ) throws(AllocationError)
        -> BudgetAllocation
    {
        let currency = total.currency
        if let stranger = candidates.first(where: {
            $0.currentBudget.currency != currency || $0.grid.currency != currency
        }) {
            throw AllocationError(
                .currencyMismatch,
                "campaign \(stranger.campaignID.uuidString) budgets in \(stranger.currentBudget.currency.code); the "
                    + "total is in \(currency.code)")
        }
        let held = candidates.filter(\.learning).reduce(Int64(0)) { $0 + $1.currentBudget.minorUnits }
        let free = candidates.indices.filter { !candidates[$0].learning }
        let remaining = total.minorUnits - held
        guard remaining >= 0 else {
            throw AllocationError(
                .heldExceedTotal,
                "the campaigns still learning are held at \(Money(minorUnits: held, currency: currency)), more than "
                    + "the total of \(total)")
        }
        let floor = settings.floorMajorUnits.multipliedReportingOverflow(by: currency.minorUnitsPerMajorUnit)
        let ranges = free.map { candidates[$0].grid.range(bounds: candidates[$0].bounds, floor: floor.partialValue) }
        let least = ranges.reduce(Int64(0)) { $0 + $1.lowerBound }
        guard least <= remaining else {
            throw AllocationError(
                .minimumsExceedTotal,
                "the total of \(total) is under what the campaigns need: \(Money(minorUnits: least + held, currency: currency)) "
                    + "(their floors, platform minimums and bounds, and the budgets held for learning)")
        }

        let freeCandidates = free.map { candidates[$0] }
        let models = freeCandidates.map {
            SpendResponse.fitted(
                $0.days, budget: Double($0.currentBudget.minorUnits), priorElasticity: settings.priorElasticity,
                defaultROAS: Double(settings.defaultROASBasisPoints) / 10_000)
        }
        let targets: [Double]
        switch settings.method {
        case .roasWeighted: targets = weightedTargets(freeCandidates, ranges: ranges, remaining: remaining)
        case .marginalReturn:
            targets = marginalTargets(freeCandidates, models: models, ranges: ranges, remaining: remaining)
        }
        let (shares, left) = Self.onGrid(
            targets, ranges: ranges, steps: freeCandidates.map(\.grid.step), remaining: remaining)

        var allocations = candidates.map {
            CampaignAllocation(
                campaignID: $0.campaignID, previousBudget: $0.currentBudget, budget: $0.currentBudget, held: true)
        }
        for (position, index) in free.enumerated() {
            allocations[index].budget = Money(minorUnits: shares[position], currency: currency)
            allocations[index].held = false
            if settings.method == .marginalReturn {
                allocations[index].expectedMarginalROAS =
                    models[position].marginalReturn(at: Double(shares[position]))
            }
        }
        return BudgetAllocation(
            total: total, allocations: allocations, unallocated: Money(minorUnits: left, currency: currency))
    }

    // MARK: - Targets, before the grid

    /// Seed 003: shares proportional to each campaign's return over the window, at least the minimum weight.
    private func weightedTargets(
        _ candidates: [AllocationCandidate], ranges: [ClosedRange<Int64>], remaining: Int64
    ) -> [Double] {
        let weights = candidates.map { candidate -> Double in
            let recent = candidate.days.suffix(max(1, settings.windowDays))
            let spend = recent.reduce(Int64(0)) { $0 + $1.totals.spend.minorUnits }
            let value = recent.reduce(Int64(0)) { $0 + $1.totals.conversionValue.minorUnits }
            let roas =
                spend > 0 ? Double(value) / Double(spend) : Double(settings.defaultROASBasisPoints) / 10_000
            return max(roas, Double(settings.minimumWeightBasisPoints) / 10_000)
        }
        return Self.proportional(weights, ranges: ranges.map(Self.doubles), remaining: Double(remaining))
    }

    /// Shares that equalise the models' marginal returns, each within its trust region around its current budget.
    private func marginalTargets(
        _ candidates: [AllocationCandidate], models: [SpendResponse], ranges: [ClosedRange<Int64>],
        remaining: Int64
    ) -> [Double] {
        let hard = ranges.map(Self.doubles)
        let step = Double(max(0, settings.maximumChangeBasisPoints)) / 10_000
        var trusted = zip(candidates, hard).map { candidate, range -> ClosedRange<Double> in
            let current = Double(candidate.currentBudget.minorUnits)
            guard current > 0 else { return range }
            let lower = min(max(current * (1 - step), range.lowerBound), range.upperBound)
            let upper = max(min(current * (1 + step), range.upperBound), lower)
            return lower...upper
        }
        let total = Double(remaining)
        // A trust region that cannot hold the total (the total moved more than a step) gives way to the bounds.
        if trusted.reduce(0, { $0 + $1.lowerBound }) > total || trusted.reduce(0, { $0 + $1.upperBound }) < total {
            trusted = hard
        }
        return Self.equalMarginal(models, ranges: trusted, remaining: total)
    }

    /// The spends where every model's marginal return is the same, clamped to its range, summing to `remaining`
    /// (as near as the ranges allow): bisection on the common marginal return.
    static func equalMarginal(_ models: [SpendResponse], ranges: [ClosedRange<Double>], remaining: Double) -> [Double] {
        func spends(at marginal: Double) -> [Double] {
            zip(models, ranges).map { model, range in
                min(max(model.spend(atMarginal: marginal), range.lowerBound), range.upperBound)
            }
        }
        var low = -30.0
        var high = 30.0
        for _ in 0..<120 {
            let middle = (low + high) / 2
            if spends(at: exp(middle)).reduce(0, +) > remaining { low = middle } else { high = middle }
        }
        return spends(at: exp((low + high) / 2))
    }

    /// Shares proportional to weights, clamped to ranges, with what clamping frees or takes shared again among the
    /// unclamped (water-filling).
    static func proportional(_ weights: [Double], ranges: [ClosedRange<Double>], remaining: Double) -> [Double] {
        var shares = ranges.map(\.lowerBound)
        var open = Array(weights.indices)
        var pinned = 0.0
        // Each round pins the shares that fall outside their range; the rest share what is left. Open shrinks every
        // round that does not settle, so it ends.
        while !open.isEmpty {
            let available = remaining - pinned
            let weightSum = open.reduce(0) { $0 + weights[$1] }
            guard weightSum > 0 else { break }
            var stillOpen: [Int] = []
            for index in open {
                let wanted = available * weights[index] / weightSum
                let range = ranges[index]
                shares[index] = min(max(wanted, range.lowerBound), range.upperBound)
                if range.contains(wanted) {
                    stillOpen.append(index)
                } else {
                    pinned += shares[index]
                }
            }
            if stillOpen.count == open.count { break }
            open = stillOpen
        }
        return shares
    }

    // MARK: - The grid

    /// Whole steps within each range whose sum is `remaining`: each target rounded down, then the steps left given
    /// one at a time to the largest shortfalls (or taken from the largest excesses), and what still cannot be given
    /// returned as left over.
    static func onGrid(
        _ targets: [Double], ranges: [ClosedRange<Int64>], steps: [Int64], remaining: Int64
    ) -> (shares: [Int64], left: Int64) {
        var shares = targets.indices.map { index -> Int64 in
            let range = ranges[index]
            let step = steps[index]
            let target = targets[index].isFinite ? targets[index] : Double(range.lowerBound)
            let clamped = min(max(target, Double(range.lowerBound)), Double(range.upperBound))
            let down = Int64(clamped / Double(step)) * step
            return min(max(down, range.lowerBound), range.upperBound)
        }
        var left = remaining - shares.reduce(0, +)
        // One pass of single steps by largest shortfall settles the rounding; bulk moves settle anything else.
        let byShortfall = shares.indices.sorted {
            (targets[$0] - Double(shares[$0])) > (targets[$1] - Double(shares[$1]))
        }
        for index in byShortfall where left >= steps[index] && shares[index] + steps[index] <= ranges[index].upperBound
        {
            shares[index] += steps[index]
            left -= steps[index]
        }
        if left > 0 {
            for index in byShortfall where left >= steps[index] {
                let room = (ranges[index].upperBound - shares[index]) / steps[index]
                let taken = min(room, left / steps[index]) * steps[index]
                shares[index] += taken
                left -= taken
            }
        }
        if left < 0 {
            for index in byShortfall.reversed() where left < 0 {
                let spare = (shares[index] - ranges[index].lowerBound) / steps[index]
                let needed = (-left + steps[index] - 1) / steps[index]
                let given = min(spare, needed) * steps[index]
                shares[index] -= given
                left += given
            }
        }
        return (shares, left)
    }

    private static func doubles(_ range: ClosedRange<Int64>) -> ClosedRange<Double> {
        Double(range.lowerBound)...Double(range.upperBound)
    }
}
