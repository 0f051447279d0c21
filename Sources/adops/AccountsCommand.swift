import AdPlatformKit
import ArgumentParser
import Foundation
import Trafficking

/// `adops accounts`: the ad accounts jobs run against, with their credentials stored encrypted.
struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "Register, list, change and delete the ad accounts jobs run against.",
        discussion: """
            Credentials are encrypted with the key from --key-file, ADOPS_SECRET_KEY or ADOPS_SECRET_KEY_FILE and \
            are never printed. An account is named by our id or by its platform account id (act_1001). See \
            docs/configuration.md.
            """,
        subcommands: [List.self, Add.self, Show.self, Update.self, Delete.self]
    )

    /// The names of the secrets an account has stored, never their values.
    static func credentialNames(_ credentials: PlatformCredentials?) -> [String] {
        guard let credentials else { return [] }
        return [
            ("access-token", true), ("refresh-token", credentials.refreshToken != nil),
            ("developer-token", credentials.developerToken != nil), ("client-id", credentials.clientID != nil),
            ("client-secret", credentials.clientSecret != nil),
        ].filter(\.1).map(\.0)
    }

    /// An account as `show`, `add` and `update` print it: its fields, then the names of its stored secrets.
    static func describe(_ account: AdAccount, credentials: PlatformCredentials?, now: Date) -> String {
        var lines = [
            "id           \(account.id.uuidString)",
            "platform     \(account.platform)",
            "account id   \(account.platformAccountID)",
            "name         \(account.name)",
            "currency     \(account.currency.code)",
            "status       \(account.status.rawValue)\(reauthHint(account))",
            "token        expires \(tokenExpiry(account.tokenExpiry, now: now))",
            "owner team   \(account.ownerTeam ?? "-")",
        ]
        let settings = account.settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        lines.append("settings     \(settings.isEmpty ? "-" : settings.joined(separator: ", "))")
        let names = credentialNames(credentials)
        lines.append("credentials  \(names.isEmpty ? "-" : names.joined(separator: ", ")) (stored encrypted)")
        return lines.joined(separator: "\n")
    }

    /// When the token expires, for people: the instant with `(expired)` once past, `never` or `unknown`.
    static func tokenExpiry(_ expiry: TokenExpiry, now: Date) -> String {
        guard let date = expiry.date else { return expiry.description }
        return expiry.description + (date <= now ? " (expired)" : "")
    }

    /// What a REQUIRES_REAUTH account's owner does next.
    static func reauthHint(_ account: AdAccount) -> String {
        guard account.status == .requiresReauth else { return "" }
        return " (its jobs and actions wait: update its credentials with `adops accounts update "
            + "\(account.id.uuidString.lowercased()) --access-token … --refresh-token …`)"
    }

    /// The platform a `--platform` value names, or a usage error listing the known ones.
    static func platform(
        _ name: String, in registry: PlatformRegistry, option: String = "--platform"
    ) throws
        -> PlatformID
    {
        do {
            return try registry.registered(PlatformID(rawValue: name.trimmingCharacters(in: .whitespaces))).id
        } catch {
            throw CommandFailure.usage("\(option): \(error.message)")
        }
    }

    /// The status a `--status` value names, or a usage error listing the valid ones.
    static func status(_ text: String) throws -> AdAccountStatus {
        guard let status = AdAccountStatus(rawValue: text.uppercased()) else {
            throw CommandFailure.usage(
                "--status: '\(text)' is not an account status; use one of "
                    + AdAccountStatus.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return status
    }
}
