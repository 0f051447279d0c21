import AdPlatformKit
import Foundation
import Trafficking

/// One campaign as a pass sees it: the campaign, its platform's capabilities, how many ad groups share its budget,
/// its daily delivery, whether it is optimised automatically, and its bounds.
public struct OptimizationCandidate: Sendable, Hashable {
    /// The campaign.
    public var campaign: Campaign
    /// Its platform's capabilities: the budget unit, minimum and placement.
    public var capabilities: PlatformCapabilities
    /// The ad groups its budget is shared among, where the platform budgets ad groups.
    public var adGroupCount: Int
    /// Its daily delivery, oldest first.
    public var days: [DailyPerformance]
    /// Whether the optimiser may act on it; a campaign with it off is left out of the pass.
    public var autoOptimize: Bool
    /// The least and most budget it may be given.
    public var bounds: BudgetBounds

    /// Creates a candidate.
    public init(
        campaign: Campaign, capabilities: PlatformCapabilities, adGroupCount: Int = 1, days: [DailyPerformance],
        autoOptimize: Bool = true, bounds: BudgetBounds = .open
    ) {
        self.campaign = campaign
        self.capabilities = capabilities
        self.adGroupCount = adGroupCount
        self.days = days
        self.autoOptimize = autoOptimize
        self.bounds = bounds
    }

    /// A candidate from what the store keeps: the campaign with its mappings, and its synced rows.
    public init(
        detail: CampaignDetail, capabilities: PlatformCapabilities, metrics: [DailyMetric], autoOptimize: Bool = true,
        bounds: BudgetBounds = .open
    ) {
        let campaign = detail.campaign
        self.init(
            campaign: campaign, capabilities: capabilities,
            adGroupCount: max(1, detail.mappings.filter { $0.level == .adGroup }.count),
            days: DailyPerformance.days(
                from: metrics, campaignID: campaign.id, currency: campaign.budget.amount.currency),
            autoOptimize: autoOptimize, bounds: bounds)
    }

    /// The budgets its platform can express for it.
    public var grid: BudgetGrid {
        BudgetGrid(capabilities: capabilities, currency: campaign.budget.amount.currency, holders: adGroupCount)
    }

    /// The level its budget actions work on: where the platform holds budgets.
    public var budgetLevel: ActionLevel { capabilities.budget.placement == .campaign ? .campaign : .adGroup }
}
