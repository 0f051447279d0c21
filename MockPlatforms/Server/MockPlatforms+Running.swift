import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

extension MockPlatforms {
    /// A running emulator process's address.
    public struct Running: Sendable {
        /// `http://127.0.0.1:PORT`.
        public let baseURL: URL
        /// The bound port.
        public let port: Int
        /// The emulators, for direct inspection of state, journal and faults in tests.
        public let mock: MockPlatforms
    }

    /// The Hummingbird application serving these emulators.
    func application(onServerRunning: @escaping @Sendable (any Channel) async -> Void) -> some ApplicationProtocol {
        Application(
            responder: MockHTTPResponder(mock: self),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "adops-mock"),
            onServerRunning: onServerRunning, logger: logger)
    }

    /// Serves until SIGINT or SIGTERM, then saves the state file if one is configured. `onListening` is called
    /// once the port is bound, with the base URL.
    public func run(onListening: @escaping @Sendable (URL) async -> Void) async throws {
        let host = configuration.host
        let app = application { channel in
            let port = channel.localAddress?.port ?? 0
            await onListening(Self.baseURL(host: host, port: port))
        }
        try await serviceGroup(running: app, gracefulShutdownSignals: [.sigterm, .sigint]).run()
        if let path = configuration.stateFile {
            try saveState(to: path)
        }
    }

    /// Starts the emulators in-process on a free port (unless the configuration names one), runs `body` with
    /// the address, and stops them when `body` returns or throws.
    public static func withRunning<T: Sendable>(
        configuration: MockPlatformsConfiguration = MockPlatformsConfiguration(port: 0),
        logger: Logger = Logger(label: "adops-mock"), _ body: (Running) async throws -> T
    ) async throws -> T {
        let mock = try MockPlatforms(configuration: configuration, logger: logger)
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = mock.application { channel in
            continuation.yield(channel.localAddress?.port ?? 0)
            continuation.finish()
        }
        // A service group, so the end of `body` shuts the server down gracefully rather than by cancellation.
        let services = mock.serviceGroup(running: app, gracefulShutdownSignals: [])
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var iterator = stream.makeAsyncIterator()
            guard let port = await iterator.next() else {
                // The server ended before it listened: its error (a port in use, say) is the one to report.
                try await group.waitForAll()
                throw CancellationError()
            }
            let running = Running(
                baseURL: baseURL(host: configuration.host, port: port), port: port, mock: mock)
            let outcome: Result<T, any Error>
            do {
                outcome = .success(try await body(running))
            } catch {
                outcome = .failure(error)
            }
            // Whatever the body did, the server stops the same graceful way. Cancelling it instead made
            // HummingbirdCore log two errors ("Waiting on child channel: CancellationError()" and "Server shutdown
            // error: Already closed") on every stop after a failure.
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
            let result = try outcome.get()
            if let path = configuration.stateFile { try mock.saveState(to: path) }
            return result
        }
    }

    /// The group that runs `app`, and the Meta webhook dispatcher beside it, and stops them: gracefully first (no new connections; requests in flight are
    /// answered; idle connections close), then, after ``MockPlatformsConfiguration/shutdownTimeout``, by
    /// cancellation, which closes the connections still open. Without the deadline a client that never finished
    /// sending a request, or a long latency fault, kept a stopping emulator alive for good.
    func serviceGroup(running app: some Service, gracefulShutdownSignals: [UnixSignal]) -> ServiceGroup {
        let timeout = self.configuration.shutdownTimeout
        let server = MockServerService(application: app, shutdownTimeout: timeout, logger: logger)
        var services: [any Service] = [server]
        // After the server, so a graceful stop ends the deliveries first.
        if let metaWebhooks { services.append(MetaWebhookDispatcher(webhooks: metaWebhooks, world: world)) }
        var configuration = ServiceGroupConfiguration(
            services: services,
            gracefulShutdownSignals: gracefulShutdownSignals, logger: logger)
        configuration.maximumGracefulShutdownDuration = timeout
        return ServiceGroup(configuration: configuration)
    }

    static func baseURL(host: String, port: Int) -> URL {
        let shown = host.contains(":") ? "[\(host)]" : host
        return URL(string: "http://\(shown):\(port)") ?? URL(fileURLWithPath: "/")
    }
}
