import AdPlatformKit
import Foundation

/// The receipts of platform webhook changes, so that a change delivered again is recognised (``WebhookIntake``).
public protocol WebhookStore: Sendable {
    /// Which of `identities` from `platform` have a receipt already.
    func receivedWebhookChanges(platform: PlatformID, identities: [String]) async throws -> Set<String>
    /// Stores receipts in one write; a receipt whose platform and identity are stored already is left as it was.
    func recordWebhookReceipts(_ receipts: [WebhookReceipt]) async throws
    /// How many receipts are stored for `platform`.
    func webhookReceiptCount(platform: PlatformID) async throws -> Int
}
