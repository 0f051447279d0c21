import AdPlatformKit
import Foundation
import Trafficking

extension FailingStore {
    func applyWebhookChanges(
        _ changes: [WebhookChange], from platform: PlatformID, receivedAt: Date
    ) async throws -> WebhookIntakeReport { throw Failure() }
    func webhookReceiptCount(platform: PlatformID) async throws -> Int { throw Failure() }
}
