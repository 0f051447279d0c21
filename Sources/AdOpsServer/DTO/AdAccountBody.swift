import AdPlatformKit
import Foundation
import Trafficking

/// The body of `POST /api/v1/ad_accounts`: an ad account to register, with its credentials.
struct AdAccountBody: Decodable, Sendable {
    /// The platform it lives on.
    var platform: PlatformID
    /// The platform's own account id, e.g. `act_1001`.
    var platformAccountID: String
    /// A name people recognise.
    var name: String
    /// Its currency.
    var currency: Currency
    /// Its initial status; `ACTIVE` when absent.
    var status: AdAccountStatus?
    /// The owning team.
    var ownerTeam: String?
    /// Platform-specific settings, e.g. Meta `page_id`.
    var settings: [String: String]?
    /// The secrets.
    var credentials: CredentialsBody

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AdAccountFields.Key.self)
        platform = try container.decode(PlatformID.self, forKey: .platform)
        platformAccountID = try container.decode(String.self, forKey: .platformAccountID)
        name = try container.decode(String.self, forKey: .name)
        currency = try container.decode(Currency.self, forKey: .currency)
        status = try AdAccountStatusField.decode(container, forKey: .status)
        ownerTeam = try container.decodeIfPresent(String.self, forKey: .ownerTeam)
        settings = try container.decodeIfPresent([String: String].self, forKey: .settings)
        credentials = try container.decode(CredentialsBody.self, forKey: .credentials)
    }

    /// Every rule the body breaks: an unknown platform, empty names and ids, an empty access token.
    func violations(knownPlatforms: [PlatformID]) -> [ProblemViolation] {
        var found: [ProblemViolation] = []
        if !knownPlatforms.contains(platform) {
            found.append(
                ProblemViolation(
                    field: "platform", rule: "unknownPlatform",
                    message: "no platform module for '\(platform)'",
                    limit: knownPlatforms.map(\.rawValue).joined(separator: ", "), actual: platform.rawValue))
        }
        found += AdAccountFields.blankViolations(platformAccountID: platformAccountID, name: name)
        return found + credentials.violations(prefix: "credentials")
    }

    /// The registration the store takes.
    var newAccount: NewAdAccount {
        NewAdAccount(
            platform: platform, platformAccountID: platformAccountID, name: name, currency: currency,
            status: status ?? .active, ownerTeam: ownerTeam, settings: settings ?? [:],
            credentials: credentials.credentials)
    }
}
