import Logging
import ServiceLifecycle

/// The emulators' HTTP application as a service that says when a stop was not graceful. Past
/// ``MockPlatformsConfiguration/shutdownTimeout`` the service group cancels it, which closes the connections still
/// open without a word from Hummingbird; a user should learn that a client's request was cut off.
struct MockServerService<Application: Service>: Service {
    let application: Application
    let shutdownTimeout: Duration
    let logger: Logger

    func run() async throws {
        try await application.run()
        if Task.isCancelled {
            logger.warning("stopped by cancellation, not gracefully within \(shutdownTimeout): open connections closed")
        }
    }
}
