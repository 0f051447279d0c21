import AdPlatformKit
import Foundation
import Trafficking

/// A campaign's optimisation settings as `GET` and `PUT /api/v1/campaigns/{id}/optimization` (and
/// `adops optimize settings --json`) give them: whether the optimiser decides for it, and its daily budget bounds,
/// each left out when unset.
public struct OptimizationSettingsResource: Encodable, Sendable {
    /// The campaign of ours.
    var campaignID: UUID
    /// Whether the optimiser decides for the campaign.
    var autoOptimize: Bool
    /// The least daily budget the optimiser may give it, beyond the platform's minimum.
    var budgetMinimum: Money?
    /// The most daily budget the optimiser may give it.
    var budgetMaximum: Money?

    private enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id"
        case autoOptimize = "auto_optimize"
        case budgetMinimum = "budget_minimum"
        case budgetMaximum = "budget_maximum"
    }

    /// The resource of one campaign's settings.
    public init(campaignID: UUID, _ settings: CampaignOptimizationSettings) {
        self.campaignID = campaignID
        autoOptimize = settings.autoOptimize
        budgetMinimum = settings.minimumBudget
        budgetMaximum = settings.maximumBudget
    }
}
