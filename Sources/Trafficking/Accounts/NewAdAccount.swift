import AdPlatformKit

/// What it takes to register an ad account.
public struct NewAdAccount: Sendable, Hashable {
    /// The platform it lives on.
    public var platform: PlatformID
    /// The platform's own account id.
    public var platformAccountID: String
    /// A name people recognise.
    public var name: String
    /// The account's currency.
    public var currency: Currency
    /// Its initial status.
    public var status: AdAccountStatus
    /// The owning team, if any.
    public var ownerTeam: String?
    /// Platform-specific settings.
    public var settings: [String: String]
    /// The secrets; stored encrypted.
    public var credentials: PlatformCredentials

    /// Creates a registration.
    public init(
        platform: PlatformID, platformAccountID: String, name: String, currency: Currency,
        status: AdAccountStatus = .active, ownerTeam: String? = nil, settings: [String: String] = [:],
        credentials: PlatformCredentials
    ) {
        self.platform = platform
        self.platformAccountID = platformAccountID
        self.name = name
        self.currency = currency
        self.status = status
        self.ownerTeam = ownerTeam
        self.settings = settings
        self.credentials = credentials
    }
}
