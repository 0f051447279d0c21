import AdOpsConsole
import AdPlatformKit
import Automation
import Crypto
import Foundation
import Logging
import Optimization
import ServiceLifecycle
import Trafficking

/// What the engine commands share: settings, the opened store, the platform modules and the engine.
struct EngineContext {
    let settings: AdOpsSettings
    let store: SQLiteTraffickingStore
    let registry: PlatformRegistry
    let engine: TraffickingEngine
    /// The transport media downloads and ticket sources use; platform calls go through it too, behind each unit of
    /// work's pipeline.
    let transport: any HTTPTransport
    /// The per-account rate budgets of this process, shared by its worker, syncer and token refreshes.
    let rateBudget: RateBudget
    /// The platforms' reported usage in this process, shared like the rate budgets.
    let usage: UsageThrottle
    /// Signs the console's sessions: derived from the installation's secret key, so every process serving one
    /// database accepts the same sessions and a restart signs no one out.
    let consoleSessionKey: Data

    /// Opens the database at `database` (else `ADOPS_DB`, else `.adops/adops.sqlite`) with the key from `keyFile`
    /// (`--key-file`), else `ADOPS_SECRET_KEY`, else `ADOPS_SECRET_KEY_FILE`. Platform calls are recorded
    /// (redacted) in the API call log of the job, action or sync that made them.
    static func open(database: String?, keyFile: String?, settings: AdOpsSettings? = nil) throws -> EngineContext {
        let settings = try settings ?? AdOpsSettings.load()
        // SecretKeySource prefers ADOPS_SECRET_KEY to a key file; an explicit --key-file should win over both.
        var keyEnvironment = settings.environment
        if let keyFile, !keyFile.isEmpty { keyEnvironment[SecretKeySource.keyVariable] = nil }
        let key = try SecretKeySource.load(
            environment: keyEnvironment, keyFile: keyFile, allowGenerated: false, generatedKeyPath: nil)
        let store = try SQLiteTraffickingStore.open(
            path: database ?? settings.databasePath, cipher: try CredentialCipher(key: key), clock: settings.clock)
        let transport = AsyncHTTPClientTransport()
        return try EngineContext(settings: settings, store: store, transport: transport, secretKey: key)
    }

    /// A context on an opened store; `secretKey` is the one its credentials are sealed with, from which the
    /// console's session key is derived (a random one without it).
    init(
        settings: AdOpsSettings, store: SQLiteTraffickingStore, transport: any HTTPTransport,
        secretKey: SymmetricKey? = nil
    ) throws {
        self.settings = settings
        consoleSessionKey =
            secretKey.map {
                HKDF<SHA256>.deriveKey(
                    inputKeyMaterial: $0, info: Data("adops console sessions".utf8), outputByteCount: 32
                ).withUnsafeBytes { Data($0) }
            } ?? ConsoleConfiguration.randomKey()
        self.store = store
        self.transport = transport
        rateBudget = RateBudget(rates: settings.rates)
        usage = UsageThrottle()
        registry = try BuiltInPlatforms.registry(transport: transport, baseURLs: settings.baseURLs)
        engine = TraffickingEngine(store: store, registry: registry)
    }

    /// The configuration platform calls share: the settings' token margin, the process's rate budgets and usage.
    func configuration(concurrency: Int? = nil) -> WorkerConfiguration {
        WorkerConfiguration(
            concurrency: concurrency ?? settings.workerConcurrency, lease: .seconds(settings.leaseSeconds),
            tokenRefreshMargin: .seconds(settings.tokenRefreshMarginSeconds), rateBudget: rateBudget, usage: usage)
    }

    /// The engine's pipeline on this context's registry, budgets and clock, for calls that are no job's, action's
    /// or sync's (the demo's reads).
    var pipeline: EnginePipeline {
        EnginePipeline(registry: registry, configuration: configuration(), clock: store.clock)
    }

    /// A worker with the settings' concurrency, lease, token refresh margin and rate budgets; `tokens` is the
    /// refresher it shares with the ``TokenRefreshService``, if one runs beside it.
    func worker(concurrency: Int? = nil, tokens: TokenRefresher? = nil, logger: Logger) -> TraffickingWorker {
        TraffickingWorker(
            store: store, registry: registry, transport: transport,
            configuration: configuration(concurrency: concurrency),
            tokens: tokens, logger: logger)
    }

    /// The token refresher of this process, with the settings' margin.
    func tokenRefresher() -> TokenRefresher {
        TokenRefresher(store: store, registry: registry, configuration: configuration())
    }

    /// The service that refreshes expiring tokens every `ADOPS_TOKEN_REFRESH_INTERVAL_SECONDS`.
    func tokenRefreshService(_ tokens: TokenRefresher) -> TokenRefreshService {
        TokenRefreshService(
            tokens: tokens, interval: .seconds(settings.tokenRefreshIntervalSeconds),
            logger: Self.logger("adops.tokens"))
    }

    /// A metrics syncer with the process's rate budgets and usage, and the settings' token margin.
    func syncer(tokens: TokenRefresher? = nil) -> MetricsSyncer {
        MetricsSyncer(store: store, registry: registry, configuration: configuration(), tokens: tokens)
    }

    /// The metrics sync service, scheduled every `ADOPS_SYNC_INTERVAL` seconds (0: only runs asked for).
    func syncService(tokens: TokenRefresher? = nil, logger: Logger) -> MetricsSyncService {
        let seconds = settings.syncIntervalSeconds
        return MetricsSyncService(
            syncer: syncer(tokens: tokens), interval: seconds > 0 ? .seconds(seconds) : nil, logger: logger)
    }

    /// The automation rules over this engine, signing notify webhooks with `ADOPS_RULES_WEBHOOK_SECRET` and sending
    /// them through the process's transport.
    func automator() -> Automator {
        Automator(engine: engine, signer: webhookSigner, sender: webhookSender)
    }

    /// Signs rules' notify webhooks with `ADOPS_RULES_WEBHOOK_SECRET`; `nil` when it is not set.
    var webhookSigner: WebhookSigner? { settings.rulesWebhookSecret.map { WebhookSigner(secret: Data($0.utf8)) } }

    /// Sends rules' notify webhooks through the process's transport, with retries.
    var webhookSender: WebhookSender { WebhookSender(transport: transport) }

    /// The services that run rules and the daily optimiser pass, as `ADOPS_RULES_TICK_SECONDS` and
    /// `ADOPS_OPTIMIZE` ask.
    func schedulers() -> [any Service] {
        var services: [any Service] = []
        if settings.rulesTickSeconds > 0 {
            services.append(
                AutomationScheduler(
                    automator: automator(), tick: .seconds(settings.rulesTickSeconds),
                    logger: Self.logger("adops.rules")))
        }
        let mode: OptimizationMode? =
            switch settings.optimizeMode {
            case .off: nil
            case .dryRun: .dryRun
            case .apply: .apply
            }
        if let mode {
            services.append(
                OptimizationService(
                    optimizer: Optimizer(engine: engine), mode: mode, hour: settings.optimizeHour,
                    logger: Self.logger("adops.optimize")))
        }
        return services
    }

    /// Logs to standard error, so standard output stays for results and `--json`.
    static func logger(_ label: String, level: Logger.Level = .info) -> Logger {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = level
        return logger
    }
}
