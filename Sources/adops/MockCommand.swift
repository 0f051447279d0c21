import ArgumentParser
import Foundation
import Logging
import MockPlatforms

/// `adops mock`: every platform emulator, the control plane and the landing pages on one port.
struct MockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock",
        abstract: "Run the Meta, TikTok, Snapchat and Google Ads emulators and the demo landing pages.",
        discussion: """
            Once serving, the first line on standard output is exactly
            `adops-mock listening on http://HOST:PORT`. SIGINT or SIGTERM stops it gracefully; with
            --state-file the world is saved then and loaded at the next start. See docs/mock-platforms.md.
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

    @Option(help: "The LandingPages directory (default: found from the current directory).")
    var landingPages: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0–65535, not \(port)") }
        guard journalCapacity > 0 else { throw ValidationError("--journal-capacity must be at least 1") }
    }

    func run() async throws {
        let configuration = MockPlatformsConfiguration(
            host: host, port: port, seed: seed, stateFile: stateFile, journalCapacity: journalCapacity,
            landingPagesDirectory: landingPages, livePixelIDs: PixelIDs.fromEnvironment())
        // Logs go to standard error: standard output's first line is the readiness line scripts wait for.
        let logger = Logger(label: "adops-mock") { StreamLogHandler.standardError(label: $0) }
        let mock = try MockPlatforms(configuration: configuration, logger: logger)
        let portFile = portFile
        try await mock.run { url in
            FileHandle.standardOutput.write(Data("adops-mock listening on \(url.absoluteString)\n".utf8))
            if let portFile, let port = url.port {
                try? String(port).write(toFile: portFile, atomically: true, encoding: .utf8)
            }
        }
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
