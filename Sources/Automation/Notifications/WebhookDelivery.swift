import Foundation

/// A signed webhook ready to send: the URL, the headers (signature included) and the exact bytes signed. Sending,
/// with retries, is the engine's; this is a value.
public struct WebhookDelivery: Sendable, Hashable {
    /// Where to POST it.
    public var url: String
    /// The headers: `Content-Type`, ``WebhookSigner/signatureHeader``, `X-AdOps-Delivery` and `X-AdOps-Event`.
    public var headers: [String: String]
    /// The body, exactly as signed.
    public var body: Data

    /// Creates a delivery.
    public init(url: String, headers: [String: String], body: Data) {
        self.url = url
        self.headers = headers
        self.body = body
    }
}
