import AdPlatformKit

extension MetaAdsPlatform: CredentialRefreshing {
    /// Exchanges the account's user token for a long-lived one (``MetaRequestBuilder/exchangeToken(_:)``); the app
    /// id and secret are kept, and the expiry is `expires_in` (about 60 days) after `clock`'s time on receipt.
    ///
    /// Only a token that is still valid can be exchanged: an expired one is refused with Graph's code 190, which is
    /// `authExpired` or `authInvalid`, and the account then needs a person to re-authorise it. System-user tokens do
    /// not expire, so the engine, which refreshes ahead of a known expiry, never exchanges them.
    public func refreshCredentials(in account: AccountContext, clock: WallClock) async throws -> PlatformCredentials {
        let parser = MetaResponseParser(operation: "refreshCredentials")
        let body = try await send(try builder.exchangeToken(account.credentials), parser: parser)
        return try parser.exchangedCredentials(in: body, replacing: account.credentials, receivedAt: clock.now)
    }
}
