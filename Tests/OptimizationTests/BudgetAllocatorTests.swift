import AdPlatformKit
import Foundation
import MetaAds
import Optimization
import SnapchatAds
import Testing
import Trafficking

/// Seed 003's allocation across campaigns, made exact: shares sum to the total, respect floors, platform minimums,
/// bounds and grids, hold learning campaigns, and (the marginal method) converge on the best split.
@Suite("Budget allocator")
struct BudgetAllocatorTests {
    static let meta = BudgetGrid(capabilities: MetaCapabilities.capabilities, currency: .usd)

    static func candidate(
        _ number: Int, budget: Int64, roas: Int64, grid: BudgetGrid = meta, bounds: BudgetBounds = .open,
        learning: Bool = false
    ) -> AllocationCandidate {
        AllocationCandidate(
            campaignID: Fixtures.campaign(number).id, currentBudget: Money(minorUnits: budget, currency: grid.currency),
            grid: grid, bounds: bounds,
            days: Fixtures.days(7, spend: budget, roasBasisPoints: roas, currency: grid.currency),
            learning: learning)
    }

    static let weighted = BudgetAllocator(settings: AllocationSettings(method: .roasWeighted))

    @Test("ROAS-weighted (seed 003): shares follow ROAS, a weight is at least 0.1, and the sum is exact")
    func weightedSplit() throws {
        let allocation = try Self.weighted.allocate(
            Fixtures.usd(30_000),
            among: [
                Self.candidate(1, budget: 20_000, roas: 30_000), Self.candidate(2, budget: 20_000, roas: 10_000),
                Self.candidate(3, budget: 20_000, roas: 10_000), Self.candidate(4, budget: 20_000, roas: 0),
            ])
        let shares = allocation.allocations.map(\.budget.minorUnits)
        #expect(shares.reduce(0, +) == 30_000 && allocation.unallocated.minorUnits == 0)
        // Weights 3 : 1 : 1 : 0.1 of 300.00 would give the zero-return campaign 5.88; it is lifted to the 10.00
        // floor, and the other three share the 290.00 left 3 : 1 : 1.
        #expect(shares[3] == 1_000)
        #expect(zip(shares, [17_400, 5_800, 5_800, 1_000]).allSatisfy { abs($0 - $1) <= 1 }, "\(shares)")
    }

    @Test("floors, platform minimums, bounds and grids hold, learning campaigns are held, and the sum is exact")
    func constraints() throws {
        let twd = try #require(Currency(code: "TWD"))
        let snap = BudgetGrid(capabilities: SnapchatCapabilities.capabilities, currency: .usd, holders: 3)
        for method in AllocationMethod.allCases {
            let allocator = BudgetAllocator(settings: AllocationSettings(method: method))
            let allocation = try allocator.allocate(
                Fixtures.usd(50_003),
                among: [
                    Self.candidate(
                        1, budget: 10_000, roas: 40_000, bounds: BudgetBounds(maximum: Fixtures.usd(12_345))),
                    Self.candidate(2, budget: 10_000, roas: 2_000, grid: snap),
                    Self.candidate(3, budget: 7_777, roas: 50_000, learning: true),
                    Self.candidate(4, budget: 10_000, roas: 500, bounds: BudgetBounds(minimum: Fixtures.usd(4_000))),
                    Self.candidate(5, budget: 10_000, roas: 25_000),
                ])
            let shares = allocation.allocations.map(\.budget.minorUnits)
            #expect(shares.reduce(0, +) == 50_003, "\(method): \(shares)")
            #expect(shares[0] <= 12_345, "\(method): the ceiling holds")
            #expect(shares[1] >= 1_500 && shares[1] % 3 == 0, "\(method): 5.00 per ad squad, shared evenly by three")
            #expect(shares[2] == 7_777 && allocation.allocations[2].held, "\(method): learning is held")
            #expect(shares[3] >= 4_000, "\(method): the campaign's own least")
            #expect(shares.allSatisfy { $0 >= 1_000 }, "\(method): seed 003's 10-a-day floor")
        }
        // A currency whose platform steps are whole units: no combination makes 0.50, so it is left over.
        let grid = BudgetGrid(capabilities: MetaCapabilities.capabilities, currency: twd)
        let steps = try BudgetAllocator().allocate(
            Money(minorUnits: 1_000_050, currency: twd),
            among: [
                Self.candidate(1, budget: 500_000, roas: 20_000, grid: grid),
                Self.candidate(2, budget: 500_000, roas: 30_000, grid: grid),
            ])
        #expect(steps.allocations.allSatisfy { $0.budget.minorUnits % 100 == 0 })
        #expect(steps.allocations.reduce(0) { $0 + $1.budget.minorUnits } + steps.unallocated.minorUnits == 1_000_050)
        #expect(steps.unallocated.minorUnits == 50)
    }

    @Test("a total under the floors, or under what learning holds, is refused with the amounts")
    func refusals() {
        let low = #expect(throws: AllocationError.self) {
            try BudgetAllocator().allocate(
                Fixtures.usd(1_500),
                among: [Self.candidate(1, budget: 5_000, roas: 1), Self.candidate(2, budget: 5_000, roas: 1)])
        }
        #expect(low?.kind == .minimumsExceedTotal && low?.message.contains("20.00 USD") == true)
        let held = #expect(throws: AllocationError.self) {
            try BudgetAllocator().allocate(
                Fixtures.usd(4_000), among: [Self.candidate(1, budget: 5_000, roas: 1, learning: true)])
        }
        #expect(held?.kind == .heldExceedTotal)
        let euros = #expect(throws: AllocationError.self) {
            try BudgetAllocator().allocate(
                Money(minorUnits: 10_000, currency: .eur), among: [Self.candidate(1, budget: 5_000, roas: 1)])
        }
        #expect(euros?.kind == .currencyMismatch)
    }

    // MARK: - Convergence on known response curves

    /// The best split of `total` for the curves, by greedy steps of one unit from the floors: exact to a unit for
    /// concave curves, where the next unit's return only falls.
    static func oracle(_ curves: [SaturationCurve], total: Int64, floor: Int64, unit: Int64 = 100) -> Double {
        var budgets = Array(repeating: Double(floor), count: curves.count)
        var left = total - floor * Int64(curves.count)
        while left > 0 {
            let step = Double(min(unit, left))
            let best =
                curves.indices.max {
                    curves[$0].value(at: budgets[$0] + step) - curves[$0].value(at: budgets[$0])
                        < curves[$1].value(at: budgets[$1] + step) - curves[$1].value(at: budgets[$1])
                } ?? 0
            budgets[best] += step
            left -= Int64(step)
        }
        return zip(curves, budgets).reduce(0) { $0 + $1.0.value(at: $1.1) }
    }

    /// Runs `days` simulated days: each morning the allocator splits the total from the days so far, and the day
    /// delivers each campaign's curve at its share. Returns each day's value over the total, as a share of the best.
    static func simulate(
        _ curves: [SaturationCurve], initial: [Int64], days: Int, method: AllocationMethod
    ) throws -> [Double] {
        let total = initial.reduce(0, +)
        let best = oracle(curves, total: total, floor: 1_000) / Double(total)
        var budgets = initial
        var history: [[DailyPerformance]] = Array(repeating: [], count: curves.count)
        func deliver(on day: CalendarDay) {
            for index in curves.indices {
                let value = Int64(curves[index].value(at: Double(budgets[index])).rounded())
                history[index].append(
                    DailyPerformance(
                        date: day.description,
                        totals: MetricTotals(
                            impressions: 0, clicks: 0, spend: Fixtures.usd(budgets[index]), conversions: 0,
                            conversionValue: Fixtures.usd(value))))
            }
        }
        // Three days at the starting budgets: the campaigns have left learning before the allocator starts.
        for offset in 0..<3 { deliver(on: Fixtures.today.adding(offset - 10)) }
        var shares: [Double] = []
        let allocator = BudgetAllocator(settings: AllocationSettings(method: method))
        for day in 0..<days {
            let candidates = curves.indices.map { index in
                AllocationCandidate(
                    campaignID: Fixtures.campaign(index).id, currentBudget: Fixtures.usd(budgets[index]), grid: meta,
                    days: history[index])
            }
            let allocation = try allocator.allocate(Fixtures.usd(total), among: candidates)
            budgets = allocation.allocations.map(\.budget.minorUnits)
            #expect(budgets.reduce(0, +) == total, "the total is conserved to the minor unit every day")
            deliver(on: Fixtures.today.adding(day - 7))
            let value = zip(curves, budgets).reduce(0) { $0 + $1.0.value(at: Double($1.1)) }
            shares.append(value / Double(total) / best)
        }
        return shares
    }

    /// Scenarios like the offline anchor's: 3 to 10 campaigns whose first-unit ROAS is 1 to 6 and which saturate
    /// between 20 and 300 a day, started on budgets of 20 to 200 a day that ignore their curves.
    static func scenario(_ seed: UInt64) -> (curves: [SaturationCurve], initial: [Int64]) {
        var random = ScenarioRandom(state: seed &* 7_919 &+ 17)
        let count = 3 + Int(random.unit() * 8)
        let curves = (0..<count).map { _ -> SaturationCurve in
            let scale = random.uniform(2_000...30_000)
            return SaturationCurve(ceiling: random.uniform(1...6) * scale, scale: scale)
        }
        return (curves, curves.map { _ in Int64(random.uniform(2_000...20_000)) })
    }

    @Test("on known saturation curves the marginal method reaches 95% of the best ROAS within 7 simulated days")
    func convergence() throws {
        var seventh: [Double] = []
        var weightedSeventh: [Double] = []
        var first: [Double] = []
        for seed in UInt64(1)...40 {
            let (curves, initial) = Self.scenario(seed)
            let total = initial.reduce(0, +)
            let start = zip(curves, initial).reduce(0) { $0 + $1.0.value(at: Double($1.1)) }
            first.append(start / Double(total) / (Self.oracle(curves, total: total, floor: 1_000) / Double(total)))
            let shares = try Self.simulate(curves, initial: initial, days: 7, method: .marginalReturn)
            #expect(shares[6] >= 0.95, "scenario \(seed): \(shares.map { String(format: "%.3f", $0) })")
            seventh.append(shares[6])
            weightedSeventh.append(try Self.simulate(curves, initial: initial, days: 7, method: .roasWeighted)[6])
        }
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
        print(
            "allocator, 40 scenarios, share of the best ROAS: at the start worst \(String(format: "%.3f", first.min() ?? 0)) "
                + "mean \(String(format: "%.3f", mean(first))); marginal method on day 7 worst "
                + "\(String(format: "%.3f", seventh.min() ?? 0)) mean \(String(format: "%.3f", mean(seventh))); "
                + "ROAS-weighted on day 7 worst \(String(format: "%.3f", weightedSeventh.min() ?? 0)) mean "
                + "\(String(format: "%.3f", mean(weightedSeventh)))")
        #expect(mean(seventh) > mean(weightedSeventh), "the marginal method beats seed 003's weights")
    }
}
