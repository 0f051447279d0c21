import AdPlatformKit
import Foundation
import Trafficking

/// A total split among campaigns: the shares, in the order the campaigns were given, sum to the total exactly
/// unless the campaigns cannot hold it (their ceilings, or steps no combination of which makes it), and then the
/// rest is ``unallocated``.
public struct BudgetAllocation: Sendable, Hashable, Codable {
    /// The total shared.
    public var total: Money
    /// Each campaign's share.
    public var allocations: [CampaignAllocation]
    /// What no campaign could take: zero whenever the total fits the campaigns' bounds and steps.
    public var unallocated: Money

    /// Creates an allocation.
    public init(total: Money, allocations: [CampaignAllocation], unallocated: Money) {
        self.total = total
        self.allocations = allocations
        self.unallocated = unallocated
    }
}
