import AdPlatformKit
import Foundation
import GRDB

/// A row of `ad_accounts`. Credentials stay sealed here; only the store opens them, on request.
struct AdAccountRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "ad_accounts"

    var id: String
    var platform: String
    var platformAccountID: String
    var name: String
    var currency: String
    var status: String
    var ownerTeam: String?
    var settingsJSON: String
    var credentials: Data
    var createdAt: Date
    var updatedAt: Date
    var deletedAt: Date?
    /// When the sealed access token expires; `nil` when it does not or is not known (v7).
    var tokenExpiresAt: Date?
    /// Whether the sealed access token does not expire on a timer; `false` with a `nil` expiry means unknown (v7).
    var tokenNeverExpires: Bool

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case platform
        case platformAccountID = "platform_account_id"
        case name
        case currency
        case status
        case ownerTeam = "owner_team"
        case settingsJSON = "settings_json"
        case credentials
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case deletedAt = "deleted_at"
        case tokenExpiresAt = "token_expires_at"
        case tokenNeverExpires = "token_never_expires"
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// A new row for a registration.
    init(id: UUID, _ account: NewAdAccount, sealedCredentials: Data, at now: Date) throws {
        self.id = id.databaseKey
        platform = account.platform.rawValue
        platformAccountID = account.platformAccountID
        name = account.name
        currency = account.currency.code
        status = account.status.rawValue
        ownerTeam = account.ownerTeam
        settingsJSON = try StoreJSON.encode(account.settings)
        credentials = sealedCredentials
        createdAt = now
        updatedAt = now
        deletedAt = nil
        tokenExpiresAt = nil
        tokenNeverExpires = false
        record(TokenExpiry(of: account.credentials))
    }

    /// Records the expiry of the credentials just sealed into the row, in its two non-secret columns.
    mutating func record(_ expiry: TokenExpiry) {
        tokenExpiresAt = expiry.date
        tokenNeverExpires = expiry == .never
    }

    /// The expiry the two columns record.
    var tokenExpiry: TokenExpiry {
        if let tokenExpiresAt { return .at(tokenExpiresAt) }
        return tokenNeverExpires ? .never : .unknown
    }

    /// Applies a partial update; credentials, when changed, arrive already sealed, and their expiry is recorded.
    /// New credentials given to a REQUIRES_REAUTH account without a status make it ACTIVE again: they are the
    /// re-authorisation it waited for.
    mutating func apply(_ changes: AdAccountChanges, sealedCredentials: Data?, at now: Date) throws {
        if let value = changes.platformAccountID { platformAccountID = value }
        if let value = changes.name { name = value }
        if let value = changes.currency { currency = value.code }
        if let value = changes.status { status = value.rawValue }
        if let value = changes.ownerTeam { ownerTeam = value }
        if let value = changes.settings { settingsJSON = try StoreJSON.encode(value) }
        if let sealedCredentials, let fresh = changes.credentials {
            credentials = sealedCredentials
            record(TokenExpiry(of: fresh))
            if changes.status == nil, status == AdAccountStatus.requiresReauth.rawValue {
                status = AdAccountStatus.active.rawValue
            }
        }
        updatedAt = now
    }

    /// The public value, or ``StoreError`` `corrupt` naming the column that cannot be read.
    func account() throws -> AdAccount {
        let table = Self.databaseTableName
        guard let accountStatus = AdAccountStatus(rawValue: status) else {
            throw StoreError.corrupt(table: table, row: id, column: "status", "holds unknown status '\(status)'")
        }
        guard let accountCurrency = Currency(code: currency) else {
            throw StoreError.corrupt(
                table: table, row: id, column: "currency", "holds '\(currency)', which is not an ISO-4217 code")
        }
        return AdAccount(
            id: try UUID.stored(id, table: table, row: id, column: "id"),
            platform: PlatformID(rawValue: platform),
            platformAccountID: platformAccountID,
            name: name,
            currency: accountCurrency,
            status: accountStatus,
            ownerTeam: ownerTeam,
            settings: try StoreJSON.decode(
                [String: String].self, from: settingsJSON, table: table, row: id, column: "settings_json"),
            createdAt: createdAt,
            updatedAt: updatedAt,
            deletedAt: deletedAt,
            tokenExpiry: tokenExpiry)
    }
}
