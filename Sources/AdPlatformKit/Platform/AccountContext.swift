/// The ad account a call acts on, with its credentials and platform-specific settings.
public struct AccountContext: Sendable, Hashable, CustomStringConvertible {
    /// The platform's account id as the platform writes it: Meta `act_123` or `123`, TikTok advertiser id,
    /// Snapchat ad account UUID, Google customer id (digits; dashes are removed by the module).
    public var accountID: String
    /// The account's currency; budgets are converted into it.
    public var currency: Currency
    /// The secrets for the calls.
    public var credentials: PlatformCredentials
    /// Platform-specific settings, e.g. Meta `page_id`, Snapchat `profile_id`, Google `login_customer_id`,
    /// TikTok `identity_id`. Each module documents the keys it reads.
    public var settings: [String: String]

    /// Creates a context.
    public init(
        accountID: String, currency: Currency, credentials: PlatformCredentials, settings: [String: String] = [:]
    ) {
        self.accountID = accountID
        self.currency = currency
        self.credentials = credentials
        self.settings = settings
    }

    /// The account id and currency; credentials are redacted.
    public var description: String { "AccountContext(\(accountID), \(currency), \(credentials))" }
}
