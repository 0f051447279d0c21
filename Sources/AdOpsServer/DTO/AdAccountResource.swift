import AdPlatformKit
import Foundation
import Trafficking

/// An ad account as the API returns it, and as `adops accounts … --json` prints it. It never carries a
/// credential value; ``credentialFields`` names which secrets are stored, where the caller looked them up.
public struct AdAccountResource: Encodable, Sendable {
    /// Our id.
    public var id: UUID
    /// The platform.
    public var platform: PlatformID
    /// The platform's account id.
    public var platformAccountID: String
    /// The name.
    public var name: String
    /// The currency code.
    public var currency: String
    /// `ACTIVE`, `INACTIVE`, `REQUIRES_REAUTH` or `SUSPENDED`.
    public var status: AdAccountStatus
    /// The owning team.
    public var ownerTeam: String?
    /// Platform-specific settings.
    public var settings: [String: String]
    /// The names of the stored secrets (`access_token`, `refresh_token`, …), never their values; absent in lists.
    public var credentialFields: [String]?
    /// When its access token expires; `null` when it does not or is not known (see ``tokenExpiry``).
    public var tokenExpiresAt: ExpiryInstant
    /// `expires` (at ``tokenExpiresAt``), `never` (a long-lived token) or `unknown`.
    public var tokenExpiry: String
    /// When it was registered.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date
    /// Links to related resources.
    public var links: [String: String]

    private enum CodingKeys: String, CodingKey {
        case id, platform
        case platformAccountID = "platform_account_id"
        case name, currency, status
        case ownerTeam = "owner_team"
        case settings
        case credentialFields = "credential_fields"
        case tokenExpiresAt = "token_expires_at"
        case tokenExpiry = "token_expiry"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case links
    }

    /// The resource for an account, with the names of its stored secrets when known.
    public init(_ account: AdAccount, credentials: PlatformCredentials? = nil) {
        id = account.id
        platform = account.platform
        platformAccountID = account.platformAccountID
        name = account.name
        currency = account.currency.code
        status = account.status
        ownerTeam = account.ownerTeam
        settings = account.settings
        credentialFields = credentials.map(Self.fieldNames)
        tokenExpiresAt = ExpiryInstant(date: account.tokenExpiry.date)
        tokenExpiry = account.tokenExpiry.date == nil ? account.tokenExpiry.description : "expires"
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

    /// An instant that is written as `null` when absent, rather than left out, so `token_expires_at` is always
    /// in the resource.
    public struct ExpiryInstant: Encodable, Sendable {
        /// The instant, if any.
        public var date: Date?

        /// Writes the instant as the encoder writes dates, or `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if let date { try container.encode(date) } else { try container.encodeNil() }
        }
    }
}
