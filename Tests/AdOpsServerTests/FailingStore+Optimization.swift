import AdPlatformKit
import Foundation
import Trafficking

extension FailingStore {
    func recordOptimizations(_ records: [OptimizationRecord]) async throws { throw Failure() }
    func linkOptimizations(_ links: [OptimizationActionLink]) async throws { throw Failure() }
    func optimizationLog(campaign: UUID?, account: UUID?, page: PageRequest) async throws -> Page<OptimizationRecord> {
        throw Failure()
    }
    func optimizationSettings(campaigns: [UUID]) async throws -> [UUID: CampaignOptimizationSettings] {
        throw Failure()
    }
    func setOptimizationSettings(
        _ settings: CampaignOptimizationSettings, campaign: UUID
    ) async throws -> CampaignOptimizationSettings { throw Failure() }
}
