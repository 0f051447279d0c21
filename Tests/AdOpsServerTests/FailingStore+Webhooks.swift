import AdPlatformKit
import Foundation
import Trafficking

extension FailingStore {
    func receivedWebhookChanges(platform: PlatformID, identities: [String]) async throws -> Set<String> {
        throw Failure()
    }
    func recordWebhookReceipts(_ receipts: [WebhookReceipt]) async throws { throw Failure() }
    func webhookReceiptCount(platform: PlatformID) async throws -> Int { throw Failure() }
}
