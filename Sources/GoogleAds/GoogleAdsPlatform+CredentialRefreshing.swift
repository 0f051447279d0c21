import AdPlatformKit

extension GoogleAdsPlatform: CredentialRefreshing {
    /// Refreshes the access token at ``GoogleAdsConfiguration/tokenURL``; the refresh token and developer token
    /// are kept, and the
    /// expiry is `expires_in` (3599 s) after `clock`'s time on receipt.
    public func refreshCredentials(in account: AccountContext, clock: WallClock) async throws -> PlatformCredentials {
        let grant = OAuthRefreshGrant(tokenURL: configuration.tokenURL, platform: Self.id)
        let response = try await transport.send(try grant.request(for: account.credentials))
        return try grant.credentials(from: response, replacing: account.credentials, receivedAt: clock.now)
    }
}
