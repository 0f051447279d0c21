/// A platform whose access tokens expire and are renewed with a refresh token: Snapchat (tokens last 30
/// minutes) and Google (an hour).
///
/// Meta's user tokens are renewed too, by exchanging the current token for a long-lived (about 60-day) one.
///
/// The trafficking engine refreshes a token before it expires (within a margin of its
/// ``PlatformCredentials/expiresAt``), and, when a call still fails with ``AdPlatformError/Code/authExpired``,
/// once more before running the call again. Without this, every Snapchat or Google account would need a person to
/// re-authorise it each hour.
public protocol CredentialRefreshing: AdPlatform {
    /// Credentials with a new access token, from the refresh token, client id and client secret in `account`'s
    /// credentials; the other fields are kept, and a refresh token the platform rotates is replaced.
    /// ``PlatformCredentials/expiresAt`` is the answer's `expires_in` after `clock`'s time on receipt, or `nil`
    /// when the answer gives none.
    ///
    /// Throws ``AdPlatformError`` `authInvalid` when one of the three is missing or the platform refuses them, and
    /// the usual transient or rate-limit errors when the token endpoint is unavailable.
    func refreshCredentials(in account: AccountContext, clock: WallClock) async throws -> PlatformCredentials
}
