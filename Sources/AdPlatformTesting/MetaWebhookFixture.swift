import AdPlatformKit
import Foundation

/// Meta webhook deliveries for tests of a receiver: the Graph body of status changes and its
/// `X-Hub-Signature-256`, made independently of the emulator's own signing.
public enum MetaWebhookFixture {
    /// One status change of an ad object.
    public struct StatusChange: Sendable {
        /// The campaign's, ad set's or ad's id.
        public var id: String
        /// Meta's configured status: `ACTIVE`, `PAUSED`, `ARCHIVED` or `DELETED`.
        public var status: String
        /// `CAMPAIGN`, `AD_SET` or `AD`.
        public var level: String

        /// Creates a change.
        public init(id: String, status: String, level: String = "CAMPAIGN") {
            self.id = id
            self.status = status
            self.level = level
        }
    }

    /// `{"object":"ad_account","entry":[{"id":account,"time":time,"changes":[…status_changed_ad_objects…]}]}`.
    public static func body(account: String = "1001", time: Int = 1_796_126_400, changes: [StatusChange]) -> Data {
        let values = changes.map { change in
            #"{"field":"status_changed_ad_objects","value":{"id":"\#(change.id)","level":"\#(change.level)","#
                + #""status":"\#(change.status)","effective_status":"\#(change.status)","account_id":"\#(account)"}}"#
        }
        let text =
            #"{"object":"ad_account","entry":[{"id":"\#(account)","time":\#(time),"changes":["#
            + values.joined(separator: ",") + "]}]}"
        return Data(text.utf8)
    }

    /// `sha256=` and the hex HMAC-SHA256 of `body` under `secret`.
    public static func signature(of body: Data, secret: String) -> String {
        "sha256=" + ContentDigest.hmacSHA256Hex(key: secret, message: String(decoding: body, as: UTF8.self))
    }
}
