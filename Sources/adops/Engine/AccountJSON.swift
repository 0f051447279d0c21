import AdPlatformKit
import Foundation
import Trafficking

/// An ad account as `adops accounts … --json` prints it: its fields, and the names (never the values) of the
/// secrets stored for it.
struct AccountJSON: Encodable {
    /// Our id.
    var id: UUID
    /// The platform.
    var platform: PlatformID
    /// The platform's account id.
    var platformAccountID: String
    /// The name.
    var name: String
    /// The currency code.
    var currency: String
    /// `ACTIVE`, `INACTIVE`, `REQUIRES_REAUTH` or `SUSPENDED`.
    var status: AdAccountStatus
    /// The owning team.
    var ownerTeam: String?
    /// Platform-specific settings.
    var settings: [String: String]
    /// The names of the stored secrets (`access-token`, …); absent in lists, which do not decrypt them.
    var credentials: [String]?
    /// When it was registered.
    var createdAt: Date
    /// When it last changed.
    var updatedAt: Date

    /// The JSON form of an account; pass its credentials to list their names.
    init(_ account: AdAccount, credentials: PlatformCredentials? = nil) {
        id = account.id
        platform = account.platform
        platformAccountID = account.platformAccountID
        name = account.name
        currency = account.currency.code
        status = account.status
        ownerTeam = account.ownerTeam
        settings = account.settings
        self.credentials = credentials.map { AccountsCommand.credentialNames($0) }
        createdAt = account.createdAt
        updatedAt = account.updatedAt
    }
}
