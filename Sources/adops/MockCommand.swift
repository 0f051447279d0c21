import AdPlatformKit
import ArgumentParser
import Foundation
import Logging
import MockPlatforms
import MockPlatformsGRPC

/// `adops mock`: every platform emulator, the control plane and the landing pages on one port.
struct MockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock",
        abstract: "Run the Meta, TikTok, Snapchat and Google Ads emulators and the demo landing pages.",
        discussion: """
            Once serving, the first line on standard output is exactly
            `adops-mock listening on http://HOST:PORT`. SIGINT or SIGTERM stops it gracefully, closing connections
            still open after --shutdown-timeout; with --state-file the world is saved then and loaded at the next
            start.

            With --grpc-port, the Google Ads emulator also speaks gRPC (what the official google-ads library
            uses) on that port, and the second line is `adops-mock grpc listening on HOST:PORT`. It serves
            plaintext HTTP/2, or TLS with --grpc-tls-cert and --grpc-tls-key. See docs/mock-platforms.md.
            """
    )

    @Option(help: "The address to bind.")
    var host = "127.0.0.1"

    @Option(help: "The port; 0 picks a free one.")
    var port = 4010

    @Option(help: "Write the bound port to this file once serving.")
    var portFile: String?

    @Option(help: "The seed ids and synthetic delivery derive from.")
    var seed: UInt64 = 1

    @Option(help: "Load the world from this file at start (if it exists) and save it on shutdown.")
    var stateFile: String?

    @Option(help: "How many requests the journal keeps.")
    var journalCapacity = 10_000

    @Option(help: "Serve the landing pages from this LandingPages folder (default: the copy built into adops).")
    var landingPages: String?

    @Option(
        help: ArgumentHelp(
            "Seconds a stop (SIGINT or SIGTERM) waits for requests in flight before it closes the connections still "
                + "open.", valueName: "seconds"))
    var shutdownTimeout: Double = 10

    @Option(help: "Also serve Google Ads over gRPC on this port (0 picks a free one).")
    var grpcPort: Int?

    @Option(help: "Write the bound gRPC port to this file once serving.")
    var grpcPortFile: String?

    @Option(help: "Serve gRPC over TLS with this PEM certificate chain (needs --grpc-tls-key).")
    var grpcTlsCert: String?

    @Option(help: "The PEM private key of --grpc-tls-cert.")
    var grpcTlsKey: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0–65535, not \(port)") }
        guard journalCapacity > 0 else { throw ValidationError("--journal-capacity must be at least 1") }
        guard shutdownTimeout > 0, shutdownTimeout <= 3_600 else {
            throw ValidationError(
                "--shutdown-timeout must be more than 0 and at most 3600 seconds, not \(shutdownTimeout)")
        }
        if let grpcPort, !(0...65_535).contains(grpcPort) {
            throw ValidationError("--grpc-port must be 0–65535, not \(grpcPort)")
        }
        if grpcPort == nil, grpcPortFile != nil || grpcTlsCert != nil || grpcTlsKey != nil {
            throw ValidationError("--grpc-port-file, --grpc-tls-cert and --grpc-tls-key need --grpc-port")
        }
        if (grpcTlsCert == nil) != (grpcTlsKey == nil) {
            throw ValidationError("--grpc-tls-cert and --grpc-tls-key go together; give both or neither")
        }
        for (option, path) in [("--grpc-tls-cert", grpcTlsCert), ("--grpc-tls-key", grpcTlsKey)] {
            if let path, !FileManager.default.isReadableFile(atPath: path) {
                throw ValidationError("\(option): cannot read \(path)")
            }
        }
    }

    func run() async throws {
        let clock: WallClock
        do {
            clock = try WallClock.fromEnvironment(EnvironmentFile.merged())
        } catch let error as WallClockError {
            throw ValidationError(error.description)
        }
        let configuration = MockPlatformsConfiguration(
            host: host, port: port, seed: seed, stateFile: stateFile, journalCapacity: journalCapacity,
            landingPagesDirectory: landingPages, livePixelIDs: PixelIDs.fromEnvironment(), clock: clock,
            shutdownTimeout: .milliseconds(Int(shutdownTimeout * 1_000)))
        // Logs go to standard error: standard output's first line is the readiness line scripts wait for.
        let logger = Logger(label: "adops-mock") { StreamLogHandler.standardError(label: $0) }
        let mock = try MockPlatforms(configuration: configuration, logger: logger)
        let portFile = portFile
        guard let grpcPort else {
            try await mock.run { url in Self.announce(url, portFile: portFile) }
            return
        }
        let tls = grpcTlsCert.flatMap { cert in
            grpcTlsKey.map { MockGoogleAdsGRPCServer.TLS(certificateChainPath: cert, privateKeyPath: $0) }
        }
        let grpc = MockGoogleAdsGRPCServer(host: host, port: grpcPort, tls: tls)
        let grpcPortFile = grpcPortFile
        let host = host
        // The two faces start side by side (the gRPC stack's first start costs tens of milliseconds of runtime
        // type lookups); the readiness lines wait for both, so both answer once the first line is printed.
        let (grpcPorts, grpcPortSink) = AsyncStream.makeStream(of: Int.self)
        let (httpStopped, httpStoppedSink) = AsyncStream.makeStream(of: Void.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { grpcPortSink.finish() }
                try await grpc.withRunning(mock: mock) { boundPort in
                    grpcPortSink.yield(boundPort)
                    for await _ in httpStopped {}
                }
            }
            group.addTask {
                defer { httpStoppedSink.finish() }
                try await mock.run { url in
                    var ports = grpcPorts.makeAsyncIterator()
                    // No port means the gRPC face failed to start; its error ends the command.
                    guard let boundPort = await ports.next() else { return }
                    if let grpcPortFile {
                        try? String(boundPort).write(toFile: grpcPortFile, atomically: true, encoding: .utf8)
                    }
                    Self.announce(url, portFile: portFile)
                    let shown = host.contains(":") ? "[\(host)]" : host
                    let scheme = tls == nil ? "plaintext" : "TLS"
                    FileHandle.standardOutput.write(
                        Data("adops-mock grpc listening on \(shown):\(boundPort) (\(scheme))\n".utf8))
                }
            }
            do {
                while try await group.next() != nil {}
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }

    /// Writes the port file, then prints the readiness line, so a script that waits for the line finds the file.
    private static func announce(_ url: URL, portFile: String?) {
        if let portFile, let port = url.port {
            try? String(port).write(toFile: portFile, atomically: true, encoding: .utf8)
        }
        FileHandle.standardOutput.write(Data("adops-mock listening on \(url.absoluteString)\n".utf8))
    }
}

/// Live pixel ids from `ADOPS_PIXEL_META`, `ADOPS_PIXEL_TIKTOK`, `ADOPS_PIXEL_SNAPCHAT` and `ADOPS_PIXEL_GOOGLE`.
enum PixelIDs {
    static func fromEnvironment() -> [String: String] {
        var ids: [String: String] = [:]
        for platform in ["meta", "tiktok", "snapchat", "google"] {
            if let value = ProcessInfo.processInfo.environment["ADOPS_PIXEL_\(platform.uppercased())"], !value.isEmpty {
                ids[platform] = value
            }
        }
        return ids
    }
}
