/// A platform whose access tokens expire and are renewed with a refresh token: Snapchat (tokens last 30
/// minutes) and Google (an hour).
///
/// When a call fails with ``AdPlatformError/Code/authExpired``, the trafficking worker asks for new credentials,
/// stores them, and runs the call again once. Without this, every Snapchat or Google account would need a person
/// to re-authorise it each hour.
public protocol CredentialRefreshing: AdPlatform {
    /// Credentials with a new access token, from the refresh token, client id and client secret in `account`'s
    /// credentials; the other fields are kept, and a refresh token the platform rotates is replaced.
    ///
    /// Throws ``AdPlatformError`` `authInvalid` when one of the three is missing or the platform refuses them, and
    /// the usual transient or rate-limit errors when the token endpoint is unavailable.
    func refreshCredentials(in account: AccountContext) async throws -> PlatformCredentials
}
