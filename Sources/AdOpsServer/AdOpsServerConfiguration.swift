import AdPlatformKit
import Automation
import Foundation
import Trafficking

/// How the REST API authenticates callers, how large a request body it reads, how it verifies platform webhooks,
/// and how its automation rules sign and send their notifications.
///
/// The server never holds API keys, only their SHA-256 hashes, so a leaked configuration file does not leak a key.
public struct AdOpsServerConfiguration: Sendable {
    /// The lowercase hex SHA-256 of each accepted API key (see ``hash(apiKey:)``). An empty list refuses every
    /// authenticated route: the server fails closed rather than open.
    public var apiKeyHashes: [String]
    /// The largest request body read, in bytes; larger bodies get 413. The default, 12 MiB, leaves room for a
    /// 10 MiB image sent as a `data:` URI (base64 adds a third).
    public var maximumBodyBytes: Int
    /// How Meta's webhooks are verified (`/api/v1/webhooks/meta`); `nil` leaves the route answering 503.
    public var metaWebhook: MetaWebhookConfiguration?
    /// The limits every automation rule run through the API is held to.
    public var guardrails: Guardrails
    /// Signs the notifications of rules run through the API (`POST /api/v1/rules/{id}/run`); `nil` makes a notify
    /// action error, as the ``Automator`` reports it, rather than send an unsigned webhook.
    public var ruleWebhookSigner: WebhookSigner?
    /// Sends those notifications; `nil` reports them as not sent.
    public var ruleWebhookSender: WebhookSender?

    /// Creates a configuration.
    public init(
        apiKeyHashes: [String], maximumBodyBytes: Int = 12 << 20, metaWebhook: MetaWebhookConfiguration? = nil,
        guardrails: Guardrails = .standard, ruleWebhookSigner: WebhookSigner? = nil,
        ruleWebhookSender: WebhookSender? = nil
    ) {
        self.apiKeyHashes = apiKeyHashes
        self.maximumBodyBytes = maximumBodyBytes
        self.metaWebhook = metaWebhook
        self.guardrails = guardrails
        self.ruleWebhookSigner = ruleWebhookSigner
        self.ruleWebhookSender = ruleWebhookSender
    }

    /// The automator the rule routes use: the engine's, with these guardrails, signer and sender.
    public func automator(engine: TraffickingEngine) -> Automator {
        Automator(engine: engine, guardrails: guardrails, signer: ruleWebhookSigner, sender: ruleWebhookSender)
    }

    /// The lowercase hex SHA-256 of an API key, as ``apiKeyHashes`` lists it.
    public static func hash(apiKey: String) -> String {
        ContentDigest.sha256Hex(Data(apiKey.utf8))
    }
}
