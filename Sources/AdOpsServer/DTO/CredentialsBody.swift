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
    /// When the access token expires, as an ISO-8601 instant; absent when it does not or is not known.
    var expiresAt: String?

    private enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case refreshToken = "refresh_token"
        case developerToken = "developer_token"
        case clientID = "client_id"
        case clientSecret = "client_secret"
        case expiresAt = "expires_at"
    }

    /// The credentials the store keeps.
    var credentials: PlatformCredentials {
        PlatformCredentials(
            accessToken: accessToken, refreshToken: refreshToken, developerToken: developerToken, clientID: clientID,
            clientSecret: clientSecret, expiresAt: expiresAt.flatMap { WallClock.parseInstant($0) })
    }

    /// Rule violations, with paths under `prefix`.
    func violations(prefix: String) -> [ProblemViolation] {
        var found: [ProblemViolation] = []
        if accessToken.trimmingCharacters(in: .whitespaces).isEmpty {
            found.append(
                ProblemViolation(field: "\(prefix).access_token", rule: "required", message: "may not be empty"))
        }
        if let expiresAt, WallClock.parseInstant(expiresAt) == nil {
            found.append(
                ProblemViolation(
                    field: "\(prefix).expires_at", rule: "format",
                    message: "'\(expiresAt)' is not an ISO-8601 instant such as 2031-06-15T12:00:00Z"))
        }
        return found
    }
}
