import AdPlatformKit
import ArgumentParser
import Foundation

/// The secret options of `accounts add` and `accounts update`. Each falls back to
/// `ADOPS_<PLATFORM>_ACCESS_TOKEN`, `…_REFRESH_TOKEN`, `…_DEVELOPER_TOKEN`, `…_CLIENT_ID` or `…_CLIENT_SECRET`, so
/// secrets can stay out of shell history.
struct CredentialOptions: ParsableArguments {
    /// `--access-token`.
    @Option(help: "The access token (default: ADOPS_<PLATFORM>_ACCESS_TOKEN).")
    var accessToken: String?

    /// `--refresh-token`.
    @Option(help: "The OAuth refresh token (default: ADOPS_<PLATFORM>_REFRESH_TOKEN).")
    var refreshToken: String?

    /// `--developer-token`.
    @Option(help: "Google's developer token (default: ADOPS_GOOGLE_DEVELOPER_TOKEN).")
    var developerToken: String?

    /// `--client-id`.
    @Option(name: .customLong("client-id"), help: "The OAuth client or app id (default: ADOPS_<PLATFORM>_CLIENT_ID).")
    var clientID: String?

    /// `--client-secret`.
    @Option(help: "The OAuth client or app secret (default: ADOPS_<PLATFORM>_CLIENT_SECRET).")
    var clientSecret: String?

    /// `--token-expires-in`.
    @Option(
        help: ArgumentHelp(
            "Seconds until the access token expires (the `expires_in` its platform gave), so it is refreshed in time.",
            valueName: "seconds"))
    var tokenExpiresIn: Int?

    /// `--token-expires-at`.
    @Option(
        help: ArgumentHelp(
            "When the access token expires, as an ISO-8601 instant (2031-06-15T12:00:00Z).", valueName: "instant"))
    var tokenExpiresAt: String?

    /// Whether any secret or expiry was given as an option.
    var isEmpty: Bool {
        [accessToken, refreshToken, developerToken, clientID, clientSecret, tokenExpiresAt].allSatisfy { $0 == nil }
            && tokenExpiresIn == nil
    }

    /// The expiry the options give, relative to `now` for `--token-expires-in`; `nil` when neither is given.
    /// Throws a usage error naming the option for both at once, a non-positive count or an unreadable instant.
    func expiry(now: Date) throws -> Date? {
        switch (tokenExpiresIn, tokenExpiresAt) {
        case (nil, nil):
            return nil
        case (.some, .some):
            throw CommandFailure.usage("--token-expires-at: give either it or --token-expires-in, not both")
        case (.some(let seconds), nil):
            guard seconds > 0 else {
                throw CommandFailure.usage("--token-expires-in: \(seconds) is not a positive number of seconds")
            }
            return now.addingTimeInterval(TimeInterval(seconds))
        case (nil, .some(let text)):
            guard let date = WallClock.parseInstant(text.trimmingCharacters(in: .whitespaces)) else {
                throw CommandFailure.usage(
                    "--token-expires-at: '\(text)' is not an ISO-8601 instant such as 2031-06-15T12:00:00Z")
            }
            return date
        }
    }

    /// The credentials for a new account: options first, then the platform's variables. Throws a usage error
    /// naming both ways when there is no access token.
    /// The expiry comes from `--token-expires-in` (after `now`) or `--token-expires-at`; without either it is not
    /// known, or, without a refresh token, the token is taken not to expire.
    func resolve(for platform: PlatformID, environment: [String: String], now: Date) throws -> PlatformCredentials {
        let value = Self.variables(for: platform, environment: environment)
        guard let token = nonEmpty(accessToken) ?? value("ACCESS_TOKEN") else {
            throw CommandFailure.usage(
                "--access-token: no access token for \(platform); pass --access-token or set "
                    + "\(Self.variable("ACCESS_TOKEN", for: platform)) in the environment or .env")
        }
        return PlatformCredentials(
            accessToken: token, refreshToken: nonEmpty(refreshToken) ?? value("REFRESH_TOKEN"),
            developerToken: nonEmpty(developerToken) ?? value("DEVELOPER_TOKEN"),
            clientID: nonEmpty(clientID) ?? value("CLIENT_ID"),
            clientSecret: nonEmpty(clientSecret) ?? value("CLIENT_SECRET"), expiresAt: try expiry(now: now))
    }

    /// The stored credentials with the secrets given as options replaced; the environment is not consulted, so an
    /// update changes only what it names. A new access token drops the old one's expiry unless an expiry option
    /// gives its own; an expiry option alone corrects the stored one.
    func applied(to stored: PlatformCredentials, now: Date) throws -> PlatformCredentials {
        var updated = stored
        let expiry = try expiry(now: now)
        if accessToken != nil || expiry != nil { updated.expiresAt = expiry }
        if let accessToken {
            guard let token = nonEmpty(accessToken) else {
                throw CommandFailure.usage("--access-token: must not be empty")
            }
            updated.accessToken = token
        }
        // An empty value removes an optional secret.
        if let refreshToken { updated.refreshToken = nonEmpty(refreshToken) }
        if let developerToken { updated.developerToken = nonEmpty(developerToken) }
        if let clientID { updated.clientID = nonEmpty(clientID) }
        if let clientSecret { updated.clientSecret = nonEmpty(clientSecret) }
        return updated
    }

    /// `ADOPS_<PLATFORM>_<NAME>`.
    static func variable(_ name: String, for platform: PlatformID) -> String {
        "ADOPS_\(platform.rawValue.uppercased())_\(name)"
    }

    private static func variables(for platform: PlatformID, environment: [String: String]) -> (String) -> String? {
        { name in environment[variable(name, for: platform)].flatMap { $0.isEmpty ? nil : $0 } }
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
