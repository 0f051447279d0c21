/// What `adops serve` needs to receive Meta's webhooks: the app secret that signs deliveries and the verify token
/// that the subscription handshake echoes (`ADOPS_META_APP_SECRET`, `ADOPS_META_WEBHOOK_VERIFY_TOKEN`).
public struct MetaWebhookConfiguration: Sendable {
    /// The Meta app's secret: every delivery's `X-Hub-Signature-256` is the HMAC-SHA256 of its body under it.
    public var appSecret: String
    /// The token given as `verify_token` when subscribing; Meta's handshake sends it back as `hub.verify_token`.
    public var verifyToken: String

    /// Creates a configuration.
    public init(appSecret: String, verifyToken: String) {
        self.appSecret = appSecret
        self.verifyToken = verifyToken
    }
}
