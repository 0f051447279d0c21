import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

extension AdOpsAPI {
    /// How long `adops serve` waits, once told to stop, for requests in flight and running jobs.
    public static let defaultShutdownTimeout: Duration = .seconds(30)

    /// The group that runs `application` (the server and its services, such as the worker) until one of
    /// `gracefulShutdownSignals`, or until ``ServiceGroup/triggerGracefulShutdown()``, then stops it: gracefully first
    /// (no new connections; requests in flight are answered and running jobs finish), then, after
    /// `shutdownTimeout`, by cancellation, which closes the connections still open and logs one warning. Without
    /// the deadline a client that never finished sending a request kept a stopping server alive for good.
    public static func serviceGroup(
        running application: some ApplicationProtocol, gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        shutdownTimeout: Duration = defaultShutdownTimeout, logger: Logger
    ) -> ServiceGroup {
        let server = GracefulStopService(wrapped: application, shutdownTimeout: shutdownTimeout, logger: logger)
        var configuration = ServiceGroupConfiguration(
            services: [server], gracefulShutdownSignals: gracefulShutdownSignals, logger: logger)
        configuration.maximumGracefulShutdownDuration = shutdownTimeout
        return ServiceGroup(configuration: configuration)
    }
}
