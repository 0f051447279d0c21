import AdPlatformKit
import Foundation
import Trafficking

/// An ad account as the API returns it. It never carries a credential value; ``credentialFields`` names which
/// secrets are stored, where the route looked them up.
struct AdAccountResource: Encodable, Sendable {
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
    /// The names of the stored secrets (`access_token`, `refresh_token`, …), never their values; absent in lists.
    var credentialFields: [String]?
    /// When it was registered.
    var createdAt: Date
    /// When it last changed.
    var updatedAt: Date
    /// Links to related resources.
    var links: [String: String]

    private enum CodingKeys: String, CodingKey {
        case id, platform
        case platformAccountID = "platform_account_id"
        case name, currency, status
        case ownerTeam = "owner_team"
        case settings
        case credentialFields = "credential_fields"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case links
    }

    /// The resource for an account, with the names of its stored secrets when known.
    init(_ account: AdAccount, credentials: PlatformCredentials? = nil) {
        id = account.id
        platform = account.platform
        platformAccountID = account.platformAccountID
        name = account.name
        currency = account.currency.code
        status = account.status
        ownerTeam = account.ownerTeam
        settings = account.settings
        credentialFields = credentials.map(Self.fieldNames)
        createdAt = account.createdAt
        updatedAt = account.updatedAt
        links = ["self": Self.path(of: account.id)]
    }

    /// `/api/v1/ad_accounts/<id>`.
    static func path(of id: UUID) -> String { "/api/v1/ad_accounts/\(id.uuidString)" }

    /// Which secrets are present, by body name.
    static func fieldNames(_ credentials: PlatformCredentials) -> [String] {
        [
            ("access_token", true), ("refresh_token", credentials.refreshToken != nil),
            ("developer_token", credentials.developerToken != nil), ("client_id", credentials.clientID != nil),
            ("client_secret", credentials.clientSecret != nil),
        ].filter(\.1).map(\.0)
    }
}
