import ArgumentParser
import Logging
import ServiceLifecycle
import Trafficking
import UnixSignals

/// `adops worker`: runs queued jobs (and ticket intake) until SIGINT or SIGTERM.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run queued jobs, and take in tickets when a ticket source is configured.",
        discussion: """
            Several workers, in one or many processes, can share a database: each claims jobs with a lease, and a \
            job whose worker died is resumed from its ledger once the lease runs out. The first line on standard \
            output says the worker is running; logs go to standard error. Access tokens are refreshed ahead of their \
            expiry (ADOPS_TOKEN_REFRESH_MARGIN_SECONDS), before jobs use them and every \
            ADOPS_TOKEN_REFRESH_INTERVAL_SECONDS for idle accounts. SIGINT or SIGTERM stops claiming and \
            lets running jobs finish.
            """
    )

    @OptionGroup var engine: EngineOptions

    @Option(help: "Jobs run at once (default: ADOPS_WORKER_CONCURRENCY, else 4).")
    var concurrency: Int?

    @Option(help: ArgumentHelp("Take tickets from this folder (default: ADOPS_TICKETS_DIR).", valueName: "dir"))
    var tickets: String?

    func run() async throws {
        try await CommandFailure.reporting {
            if let concurrency, !(1...256).contains(concurrency) {
                throw CommandFailure.usage("--concurrency: \(concurrency) is not in 1…256")
            }
            let context = try engine.open()
            let logger = EngineContext.logger("adops.worker")
            let tokens = context.tokenRefresher()
            let services: [any Service] =
                [
                    context.worker(concurrency: concurrency, tokens: tokens, logger: logger),
                    context.tokenRefreshService(tokens),
                    context.syncService(tokens: tokens, logger: EngineContext.logger("adops.sync")),
                ]
                + context.schedulers()
                + (try TicketSyncServices.make(
                    context: context, folder: tickets, logger: EngineContext.logger("adops.tickets")))
            let group = ServiceGroup(
                services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            Terminal.output(
                "adops worker running: concurrency \(concurrency ?? context.settings.workerConcurrency), database "
                    + (engine.database ?? context.settings.databasePath))
            try await group.run()
        }
    }
}
