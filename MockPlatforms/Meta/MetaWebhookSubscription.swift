/// One app's webhook subscription to a Graph object type, as `POST /{app_id}/subscriptions` made it.
public struct MetaWebhookSubscription: Sendable, Hashable, Codable {
    /// The object type: `ad_account` or `application`.
    public var object: String
    /// Where deliveries go; always a loopback address in the emulator.
    public var callbackURL: String
    /// The fields subscribed to, in the order first given.
    public var fields: [String]
    /// The token the handshake sent as `hub.verify_token`.
    public var verifyToken: String
    /// The Graph version the subscription was made with, reported per field as Graph does.
    public var version: String
}
