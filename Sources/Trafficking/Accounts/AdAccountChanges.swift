import AdPlatformKit

/// A partial update of an ad account: `nil` leaves a field as it is. The platform cannot change.
public struct AdAccountChanges: Sendable, Hashable {
    /// A new platform account id.
    public var platformAccountID: String?
    /// A new name.
    public var name: String?
    /// A new currency.
    public var currency: Currency?
    /// A new status.
    public var status: AdAccountStatus?
    /// A new owning team.
    public var ownerTeam: String?
    /// Settings that replace the current ones.
    public var settings: [String: String]?
    /// Credentials that replace the current ones.
    public var credentials: PlatformCredentials?

    /// Creates an update.
    public init(
        platformAccountID: String? = nil, name: String? = nil, currency: Currency? = nil,
        status: AdAccountStatus? = nil, ownerTeam: String? = nil, settings: [String: String]? = nil,
        credentials: PlatformCredentials? = nil
    ) {
        self.platformAccountID = platformAccountID
        self.name = name
        self.currency = currency
        self.status = status
        self.ownerTeam = ownerTeam
        self.settings = settings
        self.credentials = credentials
    }
}
