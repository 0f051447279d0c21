import AdPlatformKit
import Foundation

extension MetaResponseParser {
    /// The credentials a long-lived token exchange gives, from `{"access_token","token_type","expires_in"}`: the
    /// new token, expiring `expires_in` seconds after `receivedAt` (`nil` when Graph gives no `expires_in`); the
    /// other fields of `credentials` are kept.
    public func exchangedCredentials(
        in body: JSONValue, replacing credentials: PlatformCredentials, receivedAt: Date
    ) throws(AdPlatformError) -> PlatformCredentials {
        guard let token = body["access_token"]?.stringValue, !token.isEmpty else {
            throw malformed("expected {\"access_token\":\"…\"} from the token exchange, got a body without one")
        }
        var exchanged = credentials
        exchanged.accessToken = token
        exchanged.expiresAt = PlatformCredentials.expiry(expiresIn: body["expires_in"], receivedAt: receivedAt)
        return exchanged
    }
}
