import AdPlatformKit
import Foundation
import Trafficking

/// How the allocator shares a total among campaigns.
public enum AllocationMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// Seed 003's `allocate_budget_across_campaigns`: shares proportional to each campaign's return on ad spend
    /// over the window (at least 0.1), in one step. Simple, but a campaign's average return is not what its next
    /// unit of budget earns, so repeating it does not reach the best split.
    case roasWeighted
    /// Shares that equalise each campaign's return on its last unit of budget (its marginal ROAS), estimated from how
    /// its value moved when its spend moved, and moved at most a set share a day. Run day after day, it converges
    /// on the best split of the total for campaigns whose returns diminish.
    case marginalReturn
}
