import AdPlatformKit
import Foundation

/// How the REST API authenticates callers, how large a request body it reads, and how it verifies platform
/// webhooks.
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

    /// Creates a configuration.
    public init(
        apiKeyHashes: [String], maximumBodyBytes: Int = 12 << 20, metaWebhook: MetaWebhookConfiguration? = nil
    ) {
        self.apiKeyHashes = apiKeyHashes
        self.maximumBodyBytes = maximumBodyBytes
        self.metaWebhook = metaWebhook
    }

    /// The lowercase hex SHA-256 of an API key, as ``apiKeyHashes`` lists it.
    public static func hash(apiKey: String) -> String {
        ContentDigest.sha256Hex(Data(apiKey.utf8))
    }
}
