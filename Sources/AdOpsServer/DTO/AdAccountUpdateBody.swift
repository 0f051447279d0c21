import AdPlatformKit
import Foundation
import Trafficking

/// The body of `PUT /api/v1/ad_accounts/{id}`: every field optional; an absent (or null) field is left as it is.
/// `settings` and `credentials`, when present, replace the stored ones whole. The platform cannot change.
struct AdAccountUpdateBody: Decodable, Sendable {
    /// Must equal the account's platform when present.
    var platform: PlatformID?
    /// A new platform account id.
    var platformAccountID: String?
    /// A new name.
    var name: String?
    /// A new currency.
    var currency: Currency?
    /// A new status.
    var status: AdAccountStatus?
    /// A new owning team.
    var ownerTeam: String?
    /// New settings.
    var settings: [String: String]?
    /// New credentials.
    var credentials: CredentialsBody?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AdAccountFields.Key.self)
        platform = try container.decodeIfPresent(PlatformID.self, forKey: .platform)
        platformAccountID = try container.decodeIfPresent(String.self, forKey: .platformAccountID)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        currency = try container.decodeIfPresent(Currency.self, forKey: .currency)
        status = try AdAccountStatusField.decode(container, forKey: .status)
        ownerTeam = try container.decodeIfPresent(String.self, forKey: .ownerTeam)
        settings = try container.decodeIfPresent([String: String].self, forKey: .settings)
        credentials = try container.decodeIfPresent(CredentialsBody.self, forKey: .credentials)
    }

    /// Every rule the body breaks for an account on `current`.
    func violations(current: PlatformID) -> [ProblemViolation] {
        var found: [ProblemViolation] = []
        if let platform, platform != current {
            found.append(
                ProblemViolation(
                    field: "platform", rule: "immutable", message: "an account's platform cannot change",
                    limit: current.rawValue, actual: platform.rawValue))
        }
        found += AdAccountFields.blankViolations(platformAccountID: platformAccountID, name: name)
        return found + (credentials?.violations(prefix: "credentials") ?? [])
    }

    /// The changes the store applies.
    var changes: AdAccountChanges {
        AdAccountChanges(
            platformAccountID: platformAccountID, name: name, currency: currency, status: status, ownerTeam: ownerTeam,
            settings: settings, credentials: credentials?.credentials)
    }
}
