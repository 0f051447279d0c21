import AdPlatformKit
import Foundation

/// One platform change a webhook delivered, remembered so that a replay of it is recognised and applied once.
///
/// Platforms deliver at least once (Meta retries a delivery it thinks failed for 36 hours), so the same change may
/// arrive several times, alone or batched with others. Its ``identity`` is what tells the copies apart from new
/// changes.
public struct WebhookReceipt: Sendable, Hashable {
    /// The platform that sent it.
    public var platform: PlatformID
    /// A digest of what identifies the change on that platform (for Meta: the entry's id and time, the field and
    /// the value), the same for every copy of it.
    public var identity: String
    /// When it was first received, by the store's clock.
    public var receivedAt: Date

    /// Creates a receipt.
    public init(platform: PlatformID, identity: String, receivedAt: Date) {
        self.platform = platform
        self.identity = identity
        self.receivedAt = receivedAt
    }
}
