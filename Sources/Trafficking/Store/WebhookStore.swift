import AdPlatformKit
import Foundation

/// Platform webhook changes, applied at once and once only: each change's receipt is kept, so a change the platform
/// delivers again (Meta retries for 36 hours, and batches as it likes) is recognised as a replay.
public protocol WebhookStore: Sendable {
    /// Applies the changes of one delivery from `platform` whose identity has no receipt yet, and stores their
    /// receipts (stamped `receivedAt`), in one write: a crash leaves either both or neither, so no change is lost
    /// or applied twice. Each new change's observation is applied as a sync's is
    /// (``CampaignStore/recordObservations(_:source:)`` with source `webhook`). Changes repeated within the
    /// delivery count once.
    func applyWebhookChanges(
        _ changes: [WebhookChange], from platform: PlatformID, receivedAt: Date
    ) async throws
        -> WebhookIntakeReport
    /// How many receipts are stored for `platform`.
    func webhookReceiptCount(platform: PlatformID) async throws -> Int
}
