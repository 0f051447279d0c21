import Crypto
import Foundation

/// Signs rule notifications as Meta signs its webhooks: an HMAC-SHA256 of the raw body with a shared secret, sent
/// as `X-AdOps-Signature-256: sha256=<hex>`. A receiver recomputes it over the bytes it got and compares in
/// constant time (``isValid(_:for:)``).
public struct WebhookSigner: Sendable {
    // The secret's bytes: `SymmetricKey` is not `Sendable`, so the key is made per use.
    private let secret: Data
    private var key: SymmetricKey { SymmetricKey(data: secret) }

    /// The signature's header.
    public static let signatureHeader = "X-AdOps-Signature-256"
    /// The delivery id's header: the same for every retry of a delivery.
    public static let deliveryHeader = "X-AdOps-Delivery"
    /// The event's header.
    public static let eventHeader = "X-AdOps-Event"

    /// A signer with the shared secret.
    public init(secret: some DataProtocol) {
        self.secret = Data(secret)
    }

    /// `sha256=<hex HMAC-SHA256 of body>`.
    public func signature(for body: Data) -> String {
        "sha256=" + Self.hex(HMAC<SHA256>.authenticationCode(for: body, using: key))
    }

    /// Whether `header` is the signature of `body`, compared in constant time.
    public func isValid(_ header: String, for body: Data) -> Bool {
        guard header.hasPrefix("sha256="), let mac = Self.bytes(hex: header.dropFirst("sha256=".count)) else {
            return false
        }
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: key)
    }

    /// The notification as a signed delivery to `url`; the body is JSON with sorted keys and ISO-8601 dates
    /// (``RuleNotification/jsonBody()``).
    public func delivery(of notification: RuleNotification, to url: String) -> WebhookDelivery {
        let body = notification.jsonBody()
        return WebhookDelivery(
            url: url,
            headers: [
                "Content-Type": "application/json",
                Self.signatureHeader: signature(for: body),
                Self.deliveryHeader: notification.deliveryID,
                Self.eventHeader: "rule.fired",
            ], body: body)
    }

    /// A delivery id from what makes a delivery unique: the rule, the run's time and the URL.
    static func deliveryID(rule: String, at date: Date, url: String) -> String {
        let text = "\(rule)|\(Int64((date.timeIntervalSince1970 * 1000).rounded()))|\(url)"
        return String(hex(SHA256.hash(data: Data(text.utf8))).prefix(32))
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func bytes(hex: Substring) -> Data? {
        let utf8 = Array(hex.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        func nibble(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var data = Data(capacity: utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            data.append(high << 4 | low)
            index += 2
        }
        return data
    }
}
