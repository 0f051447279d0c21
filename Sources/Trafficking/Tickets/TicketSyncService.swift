import Logging
import ServiceLifecycle

/// Polls a ticket source: takes in ready tickets and writes finished ones back, until graceful shutdown.
public struct TicketSyncService: Service {
    private let intake: TicketIntake
    private let interval: Duration
    private let logger: Logger

    /// Creates the service.
    public init(
        intake: TicketIntake, interval: Duration = .seconds(10), logger: Logger = Logger(label: "adops.tickets")
    ) {
        self.intake = intake
        self.interval = interval
        self.logger = logger
    }

    /// Runs passes every `interval` until graceful shutdown.
    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                let report = try await intake.intake()
                for accepted in report.accepted where !accepted.jobs.isEmpty {
                    logger.info(
                        "ticket accepted",
                        metadata: ["ticket": "\(accepted.ticket.reference)", "jobs": "\(accepted.jobs.count)"])
                }
                for problem in report.problems { logger.warning("ticket refused", metadata: ["problem": "\(problem)"]) }
                for ticket in try await intake.writeBack() {
                    logger.info("ticket written back", metadata: ["ticket": "\(ticket)"])
                }
            } catch {
                // The source or store may be briefly unavailable; the next pass tries again.
                logger.error("ticket sync failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
