import AdPlatformKit

extension SnapchatAdsPlatform: CredentialRefreshing {
    /// Refreshes the access token at ``SnapchatAdsConfiguration/tokenURL``; Snap rotates the refresh token too.
    public func refreshCredentials(in account: AccountContext) async throws -> PlatformCredentials {
        let grant = OAuthRefreshGrant(tokenURL: configuration.tokenURL, platform: Self.id)
        let response = try await transport.send(try grant.request(for: account.credentials))
        return try grant.credentials(from: response, replacing: account.credentials)
    }
}
