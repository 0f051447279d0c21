import AdPlatformKit

extension SnapchatAdsPlatform: CredentialRefreshing {
    /// Refreshes the access token at ``SnapchatAdsConfiguration/tokenURL``; Snap rotates the refresh token too; the
    /// expiry is `expires_in` (1800 s) after `clock`'s time on receipt.
    public func refreshCredentials(in account: AccountContext, clock: WallClock) async throws -> PlatformCredentials {
        let grant = OAuthRefreshGrant(tokenURL: configuration.tokenURL, platform: Self.id)
        let response = try await transport.send(try grant.request(for: account.credentials))
        return try grant.credentials(from: response, replacing: account.credentials, receivedAt: clock.now)
    }
}
