import AdPlatformKit
import Foundation
import GoogleAds
import MetaAds
import Optimization
import SnapchatAds
import TikTokAds

// Times one optimiser pass (apply mode) and one allocation over synthetic campaigns on the four platforms: the
// best of several runs, so a cold cache or a busy neighbour does not count. Usage: optimization-benchmark [count].
let count = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000
let now = Date(timeIntervalSince1970: 1_800_000_000)
let platforms = [
    MetaCapabilities.capabilities, TikTokCapabilities.capabilities, SnapchatCapabilities.capabilities,
    GoogleCapabilities.capabilities,
]
let candidates = SyntheticPortfolio.candidates(count: count, platforms: platforms, at: now)
let clock = ContinuousClock()

var best = Duration.seconds(1_000)
var result: OptimizationPassResult?
for _ in 0..<5 {
    let started = clock.now
    result = OptimizationPass(mode: .apply).run(candidates, at: now)
    best = min(best, clock.now - started)
}
let decisions = result?.decisions ?? []
print(
    "optimiser pass over \(count) campaigns: \(best) (best of 5); \(decisions.count) decisions, "
        + "\(result?.actions.count ?? 0) actions, \(result?.skipped.count ?? 0) skipped")

let optimizer = BudgetOptimizer()
let allocationCandidates = candidates.filter(\.autoOptimize).map {
    AllocationCandidate($0, optimizer: optimizer, at: now)
}
let total = Money(
    minorUnits: allocationCandidates.reduce(Int64(0)) { $0 + $1.currentBudget.minorUnits }, currency: .usd)
var bestAllocation = Duration.seconds(1_000)
for _ in 0..<5 {
    let started = clock.now
    _ = try BudgetAllocator().allocate(total, among: allocationCandidates)
    bestAllocation = min(bestAllocation, clock.now - started)
}
print("allocation of \(total) over \(allocationCandidates.count) campaigns: \(bestAllocation) (best of 5)")
