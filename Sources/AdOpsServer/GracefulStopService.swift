import Logging
import ServiceLifecycle

/// Runs a service and says when its stop was not graceful. Past the shutdown deadline the service group cancels it,
/// which closes the connections still open (and stops running jobs, which resume from their ledger) without a word
/// from Hummingbird; an operator should learn that something was cut off.
struct GracefulStopService<Wrapped: Service>: Service {
    let wrapped: Wrapped
    let shutdownTimeout: Duration
    let logger: Logger

    func run() async throws {
        try await wrapped.run()
        if Task.isCancelled {
            logger.warning("stopped by cancellation, not gracefully within \(shutdownTimeout): open connections closed")
        }
    }
}
