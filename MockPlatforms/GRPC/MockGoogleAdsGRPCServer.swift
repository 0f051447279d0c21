import GRPCCore
import GRPCNIOTransportHTTP2Posix
import MockPlatforms

/// A gRPC server for the Google Ads emulator, on a port of its own: the face the official `google-ads` library
/// talks to, in plaintext (with a channel the caller builds) or over TLS with a certificate the caller trusts.
///
/// ```swift
/// try await MockPlatforms.withRunning { running in
///     try await MockGoogleAdsGRPCServer(port: 0).withRunning(mock: running.mock) { port in
///         // point the client at 127.0.0.1:port
///     }
/// }
/// ```
public struct MockGoogleAdsGRPCServer: Sendable {
    /// The certificate and key to serve TLS with, as PEM files.
    public struct TLS: Sendable {
        /// The certificate chain, leaf first.
        public var certificateChainPath: String
        /// The leaf's private key.
        public var privateKeyPath: String

        /// Creates a TLS configuration from PEM files.
        public init(certificateChainPath: String, privateKeyPath: String) {
            self.certificateChainPath = certificateChainPath
            self.privateKeyPath = privateKeyPath
        }
    }

    /// The server could not start: the address, and why.
    public struct StartError: Error, CustomStringConvertible {
        /// `127.0.0.1:4011`.
        public var address: String
        /// What the transport reported.
        public var reason: any Error

        /// `cannot serve gRPC on 127.0.0.1:4011: …`.
        public var description: String { "cannot serve gRPC on \(address): \(reason)" }
    }

    /// The address to bind: an IPv4 or IPv6 literal, or `localhost`.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// TLS, or `nil` for plaintext HTTP/2.
    public var tls: TLS?

    /// Creates a server configuration.
    public init(host: String = "127.0.0.1", port: Int = 0, tls: TLS? = nil) {
        self.host = host
        self.port = port
        self.tls = tls
    }

    /// Serves the emulators' Google Ads services, runs `body` with the bound port once the server listens, and
    /// shuts the server down gracefully when `body` returns (or at once when it throws or the task is cancelled).
    public func withRunning<T: Sendable>(
        mock: MockPlatforms, _ body: @Sendable (Int) async throws -> T
    ) async throws -> T {
        let host = host == "localhost" ? "127.0.0.1" : host
        let address: GRPCNIOTransportCore.SocketAddress =
            host.contains(":") ? .ipv6(host: host, port: port) : .ipv4(host: host, port: port)
        let security: HTTP2ServerTransport.Posix.TransportSecurity =
            if let tls {
                .tls(
                    certificateChain: [.file(path: tls.certificateChainPath, format: .pem)],
                    privateKey: .file(path: tls.privateKeyPath, format: .pem))
            } else {
                .plaintext
            }
        // Clients may compress their messages (gzip or deflate), as Google's servers accept.
        let transport = HTTP2ServerTransport.Posix(
            address: address, transportSecurity: security,
            config: .defaults { $0.compression.enabledAlgorithms = .all })
        let server = GRPCServer(transport: transport, services: [GoogleAdsGRPCService(mock: mock)])
        let shownAddress = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.serve() }
            let bound: GRPCNIOTransportCore.SocketAddress
            do {
                bound = try await transport.listeningAddress
            } catch {
                // The transport only says it has no address; serving failed with the reason (a port in use, say).
                var reason: any Error = error
                do { try await group.waitForAll() } catch { reason = error }
                throw StartError(address: shownAddress, reason: reason)
            }
            do {
                let result = try await body(bound.ipv4?.port ?? bound.ipv6?.port ?? port)
                server.beginGracefulShutdown()
                try await group.waitForAll()
                return result
            } catch {
                server.beginGracefulShutdown()
                group.cancelAll()
                throw error
            }
        }
    }
}
