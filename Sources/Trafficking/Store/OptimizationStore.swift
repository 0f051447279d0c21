import AdPlatformKit
import Foundation

/// The optimisation log (seed 003's `CampaignOptimizationLog`) and each campaign's optimisation settings
/// (`autoOptimize` and budget bounds, kept on the campaign).
public protocol OptimizationStore: Sendable {
    /// Stores log lines in one write. Throws ``StoreError`` `notFound` when a line's campaign does not exist, and
    /// then stores none.
    func recordOptimizations(_ records: [OptimizationRecord]) async throws
    /// Records, in one write, the action requested for each applied line or why it was refused. Links to lines that
    /// do not exist change nothing.
    func linkOptimizations(_ links: [OptimizationActionLink]) async throws
    /// Log lines, newest first, of one campaign, one account's campaigns, or all (both `nil`), with their total.
    func optimizationLog(campaign: UUID?, account: UUID?, page: PageRequest) async throws -> Page<OptimizationRecord>
    /// The settings of each campaign asked for that exists.
    func optimizationSettings(campaigns: [UUID]) async throws -> [UUID: CampaignOptimizationSettings]
    /// Replaces a campaign's settings and returns them as stored. Throws ``StoreError`` `notFound` when the campaign
    /// does not exist, and `conflict`, naming the field, when a bound is not in the campaign's budget currency, is
    /// negative, or the minimum is above the maximum.
    func setOptimizationSettings(
        _ settings: CampaignOptimizationSettings, campaign: UUID
    ) async throws
        -> CampaignOptimizationSettings
}
