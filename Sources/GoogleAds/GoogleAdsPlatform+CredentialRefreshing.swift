import AdPlatformKit

extension GoogleAdsPlatform: CredentialRefreshing {
    /// Refreshes the access token at ``GoogleAdsConfiguration/tokenURL``; the refresh token and developer token
    /// are kept.
    public func refreshCredentials(in account: AccountContext) async throws -> PlatformCredentials {
        let grant = OAuthRefreshGrant(tokenURL: configuration.tokenURL, platform: Self.id)
        let response = try await transport.send(try grant.request(for: account.credentials))
        return try grant.credentials(from: response, replacing: account.credentials)
    }
}
