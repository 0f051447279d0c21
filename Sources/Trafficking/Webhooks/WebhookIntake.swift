import AdPlatformKit
import Foundation

/// Applies the changes of a platform's webhook delivery to the store at once, as a targeted sync would, and
/// processes each change once however often the platform delivers it.
///
/// A delivery is handled in three steps:
/// 1. the changes whose identity has a receipt already are dropped as replays;
/// 2. the observations of the others are applied (``CampaignStore/recordObservations(_:source:)``, which updates
///    the entity mappings' last-seen status and records drift);
/// 3. their receipts are stored.
///
/// The receipts are stored after the observations are applied, not in the same transaction, because the two are
/// separate store calls. That order is safe: a crash after step 2 leaves no receipt, so the platform's retry
/// applies the same observations again, and applying an observation is idempotent (an entity already seen in a
/// status is not drifted again by seeing it in that status). The other order could lose a change: a receipt stored
/// before a failed apply would make the retry a "replay". Two copies of a delivery handled at the same time may
/// both apply, for the same reason harmlessly; the receipts' unique key keeps one receipt.
public struct WebhookIntake: Sendable {
    /// The store.
    public let store: any TraffickingStore

    /// Creates an intake on `store`.
    public init(store: any TraffickingStore) {
        self.store = store
    }

    /// Applies the new changes of one delivery from `platform`; see the type's discussion for the order of writes.
    public func receive(_ changes: [WebhookChange], from platform: PlatformID) async throws -> WebhookIntakeReport {
        var unique: [String: WebhookChange] = [:]
        var order: [String] = []
        for change in changes where unique[change.identity] == nil {
            unique[change.identity] = change
            order.append(change.identity)
        }
        let seen = try await store.receivedWebhookChanges(platform: platform, identities: order)
        let fresh = order.filter { !seen.contains($0) }.compactMap { unique[$0] }
        let observations = fresh.compactMap(\.observation)
        let drifts = observations.isEmpty ? [] : try await store.recordObservations(observations, source: .webhook)
        let now = store.clock.now
        try await store.recordWebhookReceipts(
            fresh.map { WebhookReceipt(platform: platform, identity: $0.identity, receivedAt: now) })
        return WebhookIntakeReport(
            received: changes.count, duplicates: changes.count - fresh.count, applied: observations.count,
            drifts: drifts)
    }
}
