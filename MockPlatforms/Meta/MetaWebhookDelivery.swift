import Foundation

/// One signed POST of webhook changes to a callback, with every attempt made to deliver it; what
/// `GET /_mock/meta/webhook-deliveries` lists.
public struct MetaWebhookDelivery: Sendable, Hashable, Codable {
    /// Where a delivery stands.
    public enum State: String, Sendable, Hashable, Codable {
        /// Not delivered yet; ``MetaWebhookDelivery/nextAttemptAt`` says when it is tried next.
        case pending
        /// The callback answered 2xx.
        case delivered
        /// Every attempt of the 36-hour retry schedule failed; Meta drops such deliveries.
        case dropped
    }

    /// One try.
    public struct Attempt: Sendable, Hashable, Codable {
        /// When it was made, by the virtual clock.
        public var at: Date
        /// The callback's HTTP status, when it answered.
        public var status: Int?
        /// Why it failed without an answer (unreachable, timed out, not a loopback address).
        public var error: String?
    }

    /// A sequence number, from 1.
    public var id: Int
    /// The app whose subscription it serves.
    public var appID: String
    /// The subscription's callback URL.
    public var callbackURL: String
    /// The exact body sent (`{"object":"ad_account","entry":[…]}`).
    public var body: String
    /// The `X-Hub-Signature-256` header sent with it: `sha256=` and the hex HMAC-SHA256 of the body under the app
    /// secret.
    public var signature: String
    /// How many changes it carries, across its entries (at most 1000).
    public var changeCount: Int
    /// Where it stands.
    public var state: State
    /// When it was made, by the virtual clock.
    public var createdAt: Date
    /// When it is tried next, by the virtual clock; `nil` once delivered or dropped.
    public var nextAttemptAt: Date?
    /// The attempts so far, oldest first.
    public var attempts: [Attempt]
}
