import AdPlatformKit
import Foundation
import Trafficking

extension Optimizer {
    /// A campaign's optimisation settings and its budget currency. Throws ``OptimizerError`` `campaignNotFound`
    /// naming `campaign` when it does not exist.
    public func settings(
        of campaignID: UUID
    ) async throws -> (settings: CampaignOptimizationSettings, campaign: Campaign) {
        guard let campaign = try await engine.store.campaign(campaignID) else {
            throw OptimizerError(.campaignNotFound, field: "campaign", "no campaign \(campaignID.uuidString)")
        }
        let stored = try await engine.store.optimizationSettings(campaigns: [campaignID])
        return (stored[campaignID] ?? .default, campaign)
    }

    /// Makes `change` to a campaign's settings and returns them as stored. Throws ``OptimizerError``:
    /// `campaignNotFound` naming `campaign`, or `invalidSettings` naming the first field at fault (each edge lists
    /// every one first with ``OptimizationSettingsChange/violations(against:currency:)``).
    public func updateSettings(
        _ change: OptimizationSettingsChange, of campaignID: UUID
    ) async throws -> CampaignOptimizationSettings {
        let (current, campaign) = try await settings(of: campaignID)
        if let first = change.violations(against: current, currency: campaign.budget.amount.currency).first {
            throw first
        }
        do {
            return try await engine.store.setOptimizationSettings(change.applied(to: current), campaign: campaignID)
        } catch let error as StoreError where error.code == .notFound {
            throw OptimizerError(.campaignNotFound, field: "campaign", "no campaign \(campaignID.uuidString)")
        }
    }
}
