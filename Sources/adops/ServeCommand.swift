import AdOpsServer
import ArgumentParser
import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle
import Trafficking

/// `adops serve`: the REST API, the worker and the ticket intake in one service group.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web console and the trafficking REST API, with a worker and ticket intake.",
        discussion: """
            Needs an API key: ADOPS_API_KEYS (plain keys, for development) or ADOPS_API_KEY_HASHES (SHA-256 hex). \
            The console is at http://HOST:PORT/ (sign in with an API key); the API at /api/v1. Once serving, the \
            first line on standard output is `adops serve listening on http://HOST:PORT`, then where the console \
            and the API are; logs go \
            to standard error. SIGINT or SIGTERM stops taking work and lets running jobs finish, for at most \
            --shutdown-timeout seconds; jobs still running then resume from their ledger later. See \
            docs/configuration.md.
            """
    )

    @OptionGroup var engine: EngineOptions

    @Option(help: "The address to bind (default: ADOPS_HOST, else 127.0.0.1).")
    var host: String?

    @Option(help: "The port; 0 picks a free one (default: ADOPS_PORT, else 8080).")
    var port: Int?

    @Option(help: "Jobs the worker runs at once (default: ADOPS_WORKER_CONCURRENCY, else 4).")
    var concurrency: Int?

    @Flag(help: "Serve the API only; run workers (jobs, actions, metrics syncs) elsewhere with `adops worker`.")
    var noWorker = false

    @Option(help: ArgumentHelp("Take tickets from this folder (default: ADOPS_TICKETS_DIR).", valueName: "dir"))
    var tickets: String?

    @Option(
        help: ArgumentHelp(
            "Seconds a stop (SIGINT or SIGTERM) waits for requests in flight and running jobs before it closes the "
                + "connections still open and leaves the jobs to resume later.", valueName: "seconds"))
    var shutdownTimeout = Double(AdOpsAPI.defaultShutdownTimeout.components.seconds)

    func run() async throws {
        try await CommandFailure.reporting {
            let settings = try AdOpsSettings.load()
            guard !settings.apiKeyHashes.isEmpty else {
                throw CommandFailure.usage(
                    "no API key is configured, so the API would refuse every call: set ADOPS_API_KEYS=<key> (plain "
                        + "keys, comma-separated, for development) or ADOPS_API_KEY_HASHES=<SHA-256 hex of each key> "
                        + "in the environment or .env; e.g. ADOPS_API_KEYS=$(openssl rand -hex 24)")
            }
            if let port, !(0...65_535).contains(port) {
                throw CommandFailure.usage("--port: \(port) is not in 0…65535")
            }
            if let concurrency, !(1...256).contains(concurrency) {
                throw CommandFailure.usage("--concurrency: \(concurrency) is not in 1…256")
            }
            guard shutdownTimeout > 0, shutdownTimeout <= 3_600 else {
                throw CommandFailure.usage("--shutdown-timeout: \(shutdownTimeout) is not more than 0 and at most 3600")
            }
            let context = try engine.open(settings: settings)
            let logger = EngineContext.logger("adops.serve")
            let tokens = context.tokenRefresher()
            var services: [any Service] = [context.tokenRefreshService(tokens)]
            if !noWorker {
                services.append(
                    context.worker(
                        concurrency: concurrency, tokens: tokens, logger: EngineContext.logger("adops.worker")))
                services.append(context.syncService(tokens: tokens, logger: EngineContext.logger("adops.sync")))
                services += context.schedulers()
            }
            services += try TicketSyncServices.make(
                context: context, folder: tickets, logger: EngineContext.logger("adops.tickets"))
            let host = self.host ?? settings.host
            let requestedPort = port ?? settings.port
            let application = AdOpsAPI.application(
                engine: context.engine,
                configuration: AdOpsServerConfiguration(
                    apiKeyHashes: settings.apiKeyHashes, metaWebhook: settings.metaWebhook,
                    ruleWebhookSigner: context.webhookSigner, ruleWebhookSender: context.webhookSender),
                host: host, port: requestedPort, services: services, logger: logger,
                pages: try context.consolePages(
                    apiKeyHashes: settings.apiKeyHashes, worker: !noWorker,
                    logger: EngineContext.logger("adops.console")),
                onServerRunning: { channel in
                    let bound = channel.localAddress?.port ?? requestedPort
                    Terminal.output("adops serve listening on http://\(host):\(bound)")
                    Terminal.output(
                        "   console:  http://\(host):\(bound)/   sign in with one of the API keys\n"
                            + "   REST API: http://\(host):\(bound)/api/v1   (Authorization: Bearer <key>)")
                })
            let timeout = Duration.milliseconds(Int(shutdownTimeout * 1_000))
            try await AdOpsAPI.serviceGroup(running: application, shutdownTimeout: timeout, logger: logger).run()
        }
    }
}
