import AdPlatformKit
import ArgumentParser
import Foundation
import Logging
import MockPlatforms
import Trafficking

/// `adops benchmark`: the engine's throughput and latency against the in-process emulators, on a durable SQLite
/// file (WAL, synchronous=NORMAL). Recorded in docs/benchmarks.md.
struct BenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Measure the engine: hierarchies per second, per-ticket latency, SQLite transactions per job.",
        discussion: """
            Phase 1 submits --requests tickets to all four platforms at once and runs the worker until every job is
            over: full hierarchies (campaign, ad groups, media, creatives, ads) per second. Phase 2 sends
            --latency-tickets tickets one at a time, each to four platforms at once, and reports the p50 and p99
            time from submission to the fourth job's end. Build with -c release for meaningful figures.
            """
    )

    @Option(help: "Tickets in the throughput phase; each becomes four jobs.")
    var requests = 1_000

    @Option(help: "Tickets in the latency phase, one at a time.")
    var latencyTickets = 200

    @Option(help: "Jobs the worker runs at once in the throughput phase.")
    var concurrency = 16

    @Option(
        help: ArgumentHelp(
            "The ticket each request copies, renamed per request. Its media paths are relative to its folder.",
            discussion:
                "docs/examples/single-hierarchy.json is one campaign, ad group, creative and ad per platform, the "
                + "shape of seed 001's request; the default sample has two ad groups and two ads per platform."))
    var ticket = "docs/examples/disneyplus-signup.json"

    @Option(help: "Where the SQLite file goes (a temporary folder by default; it is deleted afterwards).")
    var directory: String?

    @Flag(help: "Go through real sockets (AsyncHTTPClient to the emulators on a port) instead of in-process calls.")
    var sockets = false

    @Flag(help: "Print the results as JSON.")
    var json = false

    func validate() throws {
        guard requests > 0, latencyTickets > 0 else {
            throw ValidationError("--requests and --latency-tickets must be ≥ 1")
        }
        guard (1...256).contains(concurrency) else { throw ValidationError("--concurrency must be 1–256") }
        guard FileManager.default.isReadableFile(atPath: ticket) else {
            throw ValidationError("--ticket: cannot read \(ticket); run from the repository root or pass a path")
        }
    }

    func run() async throws {
        let folder = URL(
            fileURLWithPath: directory
                ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                    "adops-benchmark-\(UUID().uuidString)"
                ).path)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(at: folder) } }
        let store = try SQLiteTraffickingStore.open(
            path: folder.appendingPathComponent("benchmark.sqlite").path,
            cipher: try CredentialCipher(key: CredentialCipher.generateKey()))
        let mockConfiguration = MockPlatformsConfiguration(port: 0, seed: 11, journalCapacity: 1_000)
        let logger = EngineContext.logger("adops-mock", level: .error)
        let results = try await MockPlatforms.withRunning(configuration: mockConfiguration, logger: logger) { running in
            var settings = try AdOpsSettings(environment: [:])
            for platform in PlatformID.builtIn { settings.baseURLs[platform] = running.baseURL }
            let transport: any HTTPTransport =
                sockets ? AsyncHTTPClientTransport() : MockPlatformsTransport(mock: running.mock)
            let context = try EngineContext(settings: settings, store: store, transport: transport)
            let bench = EngineBenchmark(
                context: context, mockPort: running.port, ticketFile: URL(fileURLWithPath: ticket))
            return try await bench.run(tickets: requests, latencyTickets: latencyTickets, concurrency: concurrency)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        } else {
            print(results.summary(transport: sockets ? "sockets (AsyncHTTPClient)" : "in-process"))
        }
    }
}
