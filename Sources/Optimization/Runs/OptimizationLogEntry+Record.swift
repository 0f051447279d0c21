import AdPlatformKit
import Foundation
import Trafficking

extension OptimizationLogEntry {
    /// The line the engine's store keeps for this entry (``OptimizationStore``), with the campaign's account and
    /// platform, its figures as JSON and the seed's names for the action and the mode.
    public func record(id: UUID, campaign: Campaign) throws -> OptimizationRecord {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return OptimizationRecord(
            id: id, campaignID: campaignID, accountID: campaign.accountID, platform: campaign.platform,
            entityID: entityID, action: action.rawValue, previousValue: previousValue, newValue: newValue,
            reason: reason, confidence: confidence,
            metricsJSON: String(decoding: try encoder.encode(metrics), as: UTF8.self), mode: mode.rawValue,
            createdAt: createdAt)
    }

    /// The entry a stored line holds, or `nil` when its action, mode or figures are not ones this module knows (a
    /// line written by a later version).
    public init?(record: OptimizationRecord) {
        guard let action = OptimizationAction(rawValue: record.action),
            let mode = OptimizationMode(rawValue: record.mode),
            let metrics = try? JSONDecoder().decode(LoggedMetrics.self, from: Data(record.metricsJSON.utf8))
        else { return nil }
        self.init(
            campaignID: record.campaignID, entityID: record.entityID, action: action,
            previousValue: record.previousValue, newValue: record.newValue, reason: record.reason,
            confidence: record.confidence, metrics: metrics, mode: mode, createdAt: record.createdAt)
    }
}
