import AdPlatformKit
import Foundation
import Trafficking

/// One campaign's share of a total.
public struct CampaignAllocation: Sendable, Hashable, Codable {
    /// The campaign of ours.
    public var campaignID: UUID
    /// Its daily budget before.
    public var previousBudget: Money
    /// Its daily budget now: on its platform's grid, within its bounds.
    public var budget: Money
    /// Whether it was held at its budget because it is still learning.
    public var held: Bool
    /// The return its last unit of budget is expected to bring at the new budget, where the method estimates one.
    public var expectedMarginalROAS: Double?

    /// Creates a share.
    public init(
        campaignID: UUID, previousBudget: Money, budget: Money, held: Bool, expectedMarginalROAS: Double? = nil
    ) {
        self.campaignID = campaignID
        self.previousBudget = previousBudget
        self.budget = budget
        self.held = held
        self.expectedMarginalROAS = expectedMarginalROAS
    }
}
