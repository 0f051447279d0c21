import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Foundation
import Trafficking

extension AccountsCommand {
    /// `adops accounts add`: registers an ad account with its credentials.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register an ad account.",
            discussion: """
                Credentials not given as options are read from ADOPS_<PLATFORM>_ACCESS_TOKEN, _REFRESH_TOKEN, \
                _DEVELOPER_TOKEN, _CLIENT_ID and _CLIENT_SECRET (the environment or .env), so they need not be in \
                your shell history. An access token is required. Settings each platform module reads: Meta \
                page_id (and pixel_id for conversions), Snapchat profile_id, TikTok identity_id (optional), Google \
                login_customer_id (for manager accounts) and time_zone; Google also needs --developer-token.
                """
        )

        @OptionGroup var engine: EngineOptions

        @Option(help: "The platform: meta, tiktok, snapchat or google.")
        var platform: String

        @Option(
            name: .customLong("account-id"),
            help: ArgumentHelp(
                "The platform's account id: act_1001 (Meta), the advertiser id (TikTok), the ad account UUID "
                    + "(Snapchat), 1234567890 (Google)."))
        var accountID: String

        @Option(help: "A name people recognise, e.g. \"Disney+ US — Meta\".")
        var name: String

        @Option(help: "The account's ISO-4217 currency, e.g. USD.")
        var currency: String

        @Option(help: "The owning team.")
        var ownerTeam: String?

        @Option(
            name: .customLong("setting"),
            help: ArgumentHelp("A platform setting, e.g. page_id=1000000001; repeatable.", valueName: "key=value"))
        var settings: [String] = []

        @OptionGroup var credentials: CredentialOptions

        @Flag(help: "Print the new account as JSON.")
        var json = false

        func run() async throws {
            try await CommandFailure.reporting {
                let settings = try AdOpsSettings.load()
                let registry = try BuiltInPlatforms.registry()
                let platform = try AccountsCommand.platform(self.platform, in: registry)
                guard let accountCurrency = Currency(code: currency) else {
                    throw CommandFailure.usage(
                        "--currency: unknown currency '\(currency)'; use an ISO-4217 code such as USD")
                }
                let accountSettings = try SettingAssignment.parse(self.settings).filter { !$0.value.isEmpty }
                guard !accountID.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw CommandFailure.usage("--account-id: must not be empty")
                }
                guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw CommandFailure.usage("--name: must not be empty")
                }
                let secrets = try credentials.resolve(
                    for: platform, environment: settings.environment, now: settings.clock.now)
                for note in Self.missingSetupNotes(platform, settings: accountSettings, credentials: secrets) {
                    Terminal.error("note: \(note)")
                }
                let context = try engine.open(settings: settings)
                let account = try await context.store.createAccount(
                    NewAdAccount(
                        platform: platform, platformAccountID: accountID, name: name, currency: accountCurrency,
                        ownerTeam: ownerTeam, settings: accountSettings, credentials: secrets))
                if json {
                    try Terminal.json(AdAccountResource(account, credentials: secrets))
                } else {
                    Terminal.output("Added \(platform) account \(account.platformAccountID).")
                    Terminal.output(
                        AccountsCommand.describe(account, credentials: secrets, now: context.store.clock.now))
                }
            }
        }

        /// What the platform module will ask for at trafficking time that this account lacks, so people learn
        /// now rather than from a FAILED job.
        static func missingSetupNotes(
            _ platform: PlatformID, settings: [String: String], credentials: PlatformCredentials
        ) -> [String] {
            switch platform {
            case .meta where settings["page_id"] == nil:
                return ["Meta creatives need the Facebook Page id: add --setting page_id=<id>"]
            case .snapchat where settings["profile_id"] == nil:
                return ["Snapchat creatives need the public profile id: add --setting profile_id=<uuid>"]
            case .google where credentials.developerToken == nil:
                return [
                    "Google Ads calls need a developer token: add --developer-token or set "
                        + "ADOPS_GOOGLE_DEVELOPER_TOKEN"
                ]
            default:
                return []
            }
        }
    }
}
