import AdOpsServer
import AdPlatformKit
import Foundation
import Trafficking

/// Everything `adops` reads from the environment and `.env`, documented in docs/configuration.md.
struct AdOpsSettings {
    /// The raw environment, for platform credentials.
    var environment: [String: String]
    /// `ADOPS_DB`: the SQLite file.
    var databasePath: String
    /// `ADOPS_HOST` / `ADOPS_PORT`: where `adops serve` listens.
    var host: String
    var port: Int
    /// `ADOPS_API_KEY_HASHES` (hex SHA-256, comma-separated) plus hashes of `ADOPS_API_KEYS` (plain keys, for
    /// development).
    var apiKeyHashes: [String]
    /// `ADOPS_WORKER_CONCURRENCY`.
    var workerConcurrency: Int
    /// `ADOPS_LEASE_SECONDS`.
    var leaseSeconds: Int
    /// `ADOPS_SYNC_INTERVAL`: seconds between scheduled metrics syncs of each account in `adops serve` and
    /// `adops worker`; 0 syncs only on request.
    var syncIntervalSeconds: Int
    /// `ADOPS_TOKEN_REFRESH_MARGIN_SECONDS`: how long before its expiry an access token is refreshed.
    var tokenRefreshMarginSeconds: Int
    /// `ADOPS_TOKEN_REFRESH_INTERVAL_SECONDS`: how often the token refresh service looks for expiring tokens.
    var tokenRefreshIntervalSeconds: Int
    /// Per-platform base URLs: `ADOPS_META_BASE_URL`, `ADOPS_TIKTOK_BASE_URL`, `ADOPS_SNAPCHAT_BASE_URL`,
    /// `ADOPS_GOOGLE_BASE_URL`, or `ADOPS_PLATFORMS_BASE_URL` for all four (an `adops mock`).
    var baseURLs: [PlatformID: URL]
    /// `ADOPS_RATE_<PLATFORM>`: `requests/second[:burst]`, e.g. `ADOPS_RATE_META=20:40`.
    var rates: [PlatformID: RateBudget.Rate]
    /// `ADOPS_TICKETS_DIR`: a folder of ticket files.
    var ticketsDirectory: String?
    /// `ADOPS_AIRTABLE_*`: the Airtable ticket table.
    var airtable: AirtableSettings?
    /// `ADOPS_META_APP_SECRET` and `ADOPS_META_WEBHOOK_VERIFY_TOKEN`: how `adops serve` verifies Meta's webhooks;
    /// `nil` when neither is set.
    var metaWebhook: MetaWebhookConfiguration?
    /// `ADOPS_RULES_TICK_SECONDS`: how often `adops serve` and `adops worker` look for due automation rules; 0
    /// runs none.
    var rulesTickSeconds: Int
    /// `ADOPS_RULES_WEBHOOK_SECRET`: the secret that signs rules' notify webhooks; without it a notify action is
    /// reported as an error.
    var rulesWebhookSecret: String?
    /// `ADOPS_OPTIMIZE`: the daily optimiser pass of `adops serve` and `adops worker`: `off`, `dry-run` (the
    /// default: decisions logged only) or `apply`.
    var optimizeMode: OptimizeSchedule
    /// `ADOPS_OPTIMIZE_HOUR`: the hour (UTC, 0–23) of the daily pass.
    var optimizeHour: Int
    /// `ADOPS_CONSOLE_SECURE_COOKIES`: `true` marks the console's cookies `Secure`, for a console served over TLS
    /// (directly or behind a proxy that terminates it).
    var consoleSecureCookies: Bool
    /// `ADOPS_NOW`: the time of day every command's engine, worker, intake and emulators read; the system's unless
    /// the variable starts it at another instant, from which it runs on.
    var clock: WallClock

    /// The Airtable ticket table.
    struct AirtableSettings {
        var baseURL: URL
        var token: String
        var baseID: String
        var table: String
    }

    /// The rates a healthy run keeps under by default, per ad account. Only Snapchat's limit is quoted in the
    /// reference (about 10 requests/second per token, third-party and unverified); the others are conservative
    /// choices of ours, below what a standard-access app sees in practice. `ADOPS_RATE_<PLATFORM>` overrides them.
    static let defaultRates: [PlatformID: RateBudget.Rate] = [
        .meta: RateBudget.Rate(requestsPerSecond: 10, burst: 20),
        .tiktok: RateBudget.Rate(requestsPerSecond: 10, burst: 10),
        .snapchat: RateBudget.Rate(requestsPerSecond: 10, burst: 10),
        .google: RateBudget.Rate(requestsPerSecond: 10, burst: 20),
    ]

    /// Reads the settings; every malformed value names its variable.
    init(environment: [String: String]) throws {
        self.environment = environment
        do {
            clock = try WallClock.fromEnvironment(environment)
        } catch let error as WallClockError {
            throw ConfigurationError(variable: error.variable, message: error.message)
        }
        databasePath = environment["ADOPS_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? ".adops/adops.sqlite"
        host = environment["ADOPS_HOST"] ?? "127.0.0.1"
        port = try Self.integer(environment, "ADOPS_PORT", default: 8080, in: 0...65_535)
        workerConcurrency = try Self.integer(environment, "ADOPS_WORKER_CONCURRENCY", default: 4, in: 1...256)
        leaseSeconds = try Self.integer(environment, "ADOPS_LEASE_SECONDS", default: 60, in: 3...3_600)
        syncIntervalSeconds = try Self.integer(environment, "ADOPS_SYNC_INTERVAL", default: 900, in: 0...86_400)
        tokenRefreshMarginSeconds = try Self.integer(
            environment, "ADOPS_TOKEN_REFRESH_MARGIN_SECONDS", default: 600, in: 0...86_400)
        tokenRefreshIntervalSeconds = try Self.integer(
            environment, "ADOPS_TOKEN_REFRESH_INTERVAL_SECONDS", default: 60, in: 1...3_600)
        var hashes = Self.list(environment["ADOPS_API_KEY_HASHES"]).map { $0.lowercased() }
        for (index, hash) in hashes.enumerated()
        where hash.count != 64 || !hash.allSatisfy({ $0.isHexDigit }) {
            throw ConfigurationError(
                variable: "ADOPS_API_KEY_HASHES", message: "entry \(index + 1) is not 64 hex characters (SHA-256)")
        }
        hashes += Self.list(environment["ADOPS_API_KEYS"]).map { AdOpsServerConfiguration.hash(apiKey: $0) }
        apiKeyHashes = hashes
        var urls: [PlatformID: URL] = [:]
        if let shared = environment["ADOPS_PLATFORMS_BASE_URL"], !shared.isEmpty {
            let url = try Self.url(shared, variable: "ADOPS_PLATFORMS_BASE_URL")
            for platform in PlatformID.builtIn { urls[platform] = url }
        }
        for platform in PlatformID.builtIn {
            let variable = "ADOPS_\(platform.rawValue.uppercased())_BASE_URL"
            if let value = environment[variable], !value.isEmpty {
                urls[platform] = try Self.url(value, variable: variable)
            }
        }
        baseURLs = urls
        var rates = Self.defaultRates
        for platform in PlatformID.builtIn {
            let variable = "ADOPS_RATE_\(platform.rawValue.uppercased())"
            guard let value = environment[variable], !value.isEmpty else { continue }
            rates[platform] = try Self.rate(value, variable: variable)
        }
        self.rates = rates
        metaWebhook = try Self.metaWebhook(environment)
        rulesTickSeconds = try Self.integer(environment, "ADOPS_RULES_TICK_SECONDS", default: 15, in: 0...60)
        rulesWebhookSecret = environment["ADOPS_RULES_WEBHOOK_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        let optimize = environment["ADOPS_OPTIMIZE"].flatMap { $0.isEmpty ? nil : $0 } ?? "dry-run"
        guard let mode = OptimizeSchedule(rawValue: optimize) else {
            throw ConfigurationError(
                variable: "ADOPS_OPTIMIZE", message: "'\(optimize)' is not one of off, dry-run or apply")
        }
        optimizeMode = mode
        optimizeHour = try Self.integer(environment, "ADOPS_OPTIMIZE_HOUR", default: 6, in: 0...23)
        switch environment["ADOPS_CONSOLE_SECURE_COOKIES"]?.lowercased() ?? "" {
        case "", "false", "0": consoleSecureCookies = false
        case "true", "1": consoleSecureCookies = true
        case let other:
            throw ConfigurationError(
                variable: "ADOPS_CONSOLE_SECURE_COOKIES", message: "'\(other)' is not true or false")
        }
        ticketsDirectory = environment["ADOPS_TICKETS_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        if let baseID = environment["ADOPS_AIRTABLE_BASE_ID"], !baseID.isEmpty {
            guard let token = environment["ADOPS_AIRTABLE_TOKEN"], !token.isEmpty else {
                throw ConfigurationError(
                    variable: "ADOPS_AIRTABLE_TOKEN", message: "set it when ADOPS_AIRTABLE_BASE_ID is set")
            }
            airtable = AirtableSettings(
                baseURL: try Self.url(
                    environment["ADOPS_AIRTABLE_BASE_URL"] ?? "https://api.airtable.com",
                    variable: "ADOPS_AIRTABLE_BASE_URL"),
                token: token, baseID: baseID, table: environment["ADOPS_AIRTABLE_TABLE"] ?? "Campaign Tickets")
        } else {
            airtable = nil
        }
    }

    /// Both Meta webhook settings, or neither; one without the other names the missing one.
    private static func metaWebhook(_ environment: [String: String]) throws -> MetaWebhookConfiguration? {
        let secret = environment["ADOPS_META_APP_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        let token = environment["ADOPS_META_WEBHOOK_VERIFY_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        switch (secret, token) {
        case (nil, nil):
            return nil
        case (let secret?, let token?):
            return MetaWebhookConfiguration(appSecret: secret, verifyToken: token)
        case (nil, _):
            throw ConfigurationError(
                variable: "ADOPS_META_APP_SECRET",
                message: "set it (the Meta app secret that signs webhooks) when ADOPS_META_WEBHOOK_VERIFY_TOKEN is set")
        case (_, nil):
            throw ConfigurationError(
                variable: "ADOPS_META_WEBHOOK_VERIFY_TOKEN",
                message: "set it (the token the webhook handshake checks) when ADOPS_META_APP_SECRET is set")
        }
    }

    /// Reads the process environment merged with `.env`.
    static func load() throws -> AdOpsSettings { try AdOpsSettings(environment: EnvironmentFile.merged()) }

    /// The platform credentials a new account gets when none are given on the command line:
    /// `ADOPS_<PLATFORM>_ACCESS_TOKEN`, `…_REFRESH_TOKEN`, `…_DEVELOPER_TOKEN`, `…_CLIENT_ID`, `…_CLIENT_SECRET`.
    func credentials(for platform: PlatformID) -> PlatformCredentials? {
        let prefix = "ADOPS_\(platform.rawValue.uppercased())_"
        func value(_ name: String) -> String? { environment[prefix + name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let token = value("ACCESS_TOKEN") else { return nil }
        return PlatformCredentials(
            accessToken: token, refreshToken: value("REFRESH_TOKEN"), developerToken: value("DEVELOPER_TOKEN"),
            clientID: value("CLIENT_ID"), clientSecret: value("CLIENT_SECRET"))
    }

    private static func integer(
        _ environment: [String: String], _ variable: String, default fallback: Int, in range: ClosedRange<Int>
    ) throws -> Int {
        guard let text = environment[variable], !text.isEmpty else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw ConfigurationError(
                variable: variable,
                message: "'\(text)' is not a whole number in \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    private static func url(_ text: String, variable: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil
        else {
            throw ConfigurationError(variable: variable, message: "'\(text)' is not an http(s) URL")
        }
        return url
    }

    private static func rate(_ text: String, variable: String) throws -> RateBudget.Rate {
        let parts = text.split(separator: ":")
        guard (1...2).contains(parts.count), let perSecond = Double(parts[0]), perSecond > 0,
            let burst = parts.count == 2 ? Int(parts[1]) : Int(perSecond.rounded(.up)), burst > 0
        else {
            throw ConfigurationError(
                variable: variable, message: "'\(text)' is not requests-per-second[:burst], e.g. 20:40")
        }
        return RateBudget.Rate(requestsPerSecond: perSecond, burst: burst)
    }

    private static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
