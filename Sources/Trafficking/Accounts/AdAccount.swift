import AdPlatformKit
import Foundation

/// An ad account on one platform that jobs run against. Its credentials are kept apart, encrypted, and are
/// never part of this value.
public struct AdAccount: Sendable, Hashable, Codable, Identifiable {
    /// Our id.
    public var id: UUID
    /// The platform it lives on.
    public var platform: PlatformID
    /// The platform's own account id, e.g. Meta `act_1001`.
    public var platformAccountID: String
    /// A name people recognise, e.g. "Disney+ US — Meta".
    public var name: String
    /// The account's currency; budgets are converted into it.
    public var currency: Currency
    /// Whether it can be used.
    public var status: AdAccountStatus
    /// The team that owns it, if recorded.
    public var ownerTeam: String?
    /// Platform-specific settings the module reads, e.g. Meta `page_id`, Snapchat `profile_id`.
    public var settings: [String: String]
    /// When its access token expires, as recorded with its credentials.
    public var tokenExpiry: TokenExpiry
    /// When it was registered.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date
    /// When it was deleted; deleted accounts are hidden and take no new jobs.
    public var deletedAt: Date?

    /// Creates an account value.
    public init(
        id: UUID, platform: PlatformID, platformAccountID: String, name: String, currency: Currency,
        status: AdAccountStatus, ownerTeam: String?, settings: [String: String], createdAt: Date, updatedAt: Date,
        deletedAt: Date? = nil, tokenExpiry: TokenExpiry = .unknown
    ) {
        self.id = id
        self.platform = platform
        self.platformAccountID = platformAccountID
        self.name = name
        self.currency = currency
        self.status = status
        self.ownerTeam = ownerTeam
        self.settings = settings
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.deletedAt = deletedAt
        self.tokenExpiry = tokenExpiry
    }

    /// The context a platform call needs, with the account's decrypted credentials.
    public func context(credentials: PlatformCredentials) -> AccountContext {
        AccountContext(accountID: platformAccountID, currency: currency, credentials: credentials, settings: settings)
    }
}
