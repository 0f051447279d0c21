import AdPlatformKit
import Foundation

/// The secrets of an ad account as a request sends them. They are stored encrypted and never sent back.
struct CredentialsBody: Decodable, Sendable {
    /// The access token; required.
    var accessToken: String
    /// The refresh token, where the platform issues one.
    var refreshToken: String?
    /// Google's developer token.
    var developerToken: String?
    /// The OAuth client id.
    var clientID: String?
    /// The OAuth client secret.
    var clientSecret: String?

    private enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case refreshToken = "refresh_token"
        case developerToken = "developer_token"
        case clientID = "client_id"
        case clientSecret = "client_secret"
    }

    /// The credentials the store keeps.
    var credentials: PlatformCredentials {
        PlatformCredentials(
            accessToken: accessToken, refreshToken: refreshToken, developerToken: developerToken, clientID: clientID,
            clientSecret: clientSecret)
    }

    /// Rule violations, with paths under `prefix`.
    func violations(prefix: String) -> [ProblemViolation] {
        accessToken.trimmingCharacters(in: .whitespaces).isEmpty
            ? [ProblemViolation(field: "\(prefix).access_token", rule: "required", message: "may not be empty")] : []
    }
}
