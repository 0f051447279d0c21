import AdPlatformKit
import Foundation

/// One change read from a platform's webhook delivery: its identity, for deduplication, and what it says about an
/// entity, when it says something the engine keeps (a status).
public struct WebhookChange: Sendable, Hashable {
    /// A digest that is the same for every copy of this change (for Meta, the SHA-256 of the entry's id and time, the field and the value).
    public var identity: String
    /// What the change says about a platform entity; `nil` for a change the engine has no use for (a field it does
    /// not follow), which is still remembered so that its replays are recognised too.
    public var observation: EntityObservation?

    /// Creates a change.
    public init(identity: String, observation: EntityObservation?) {
        self.identity = identity
        self.observation = observation
    }
}
