import AdOpsSamples
import AdPlatformKit
import ArgumentParser
import Foundation
import Logging
import MockPlatforms
import Trafficking

/// `adops demo`: the whole loop offline, with zero configuration — tickets in the Airtable emulator, the real
/// worker trafficking them to all four platform emulators, ids written back, a landing-page visit and signup per
/// platform, and each platform's insights with those conversions.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Traffic the sample Disney+ and Hulu tickets to all four platform emulators, end to end.",
        discussion: """
            Needs no configuration. Starts the emulators in-process, opens a fresh SQLite database under
            --directory (a demo key is created there too), registers one ad account per platform, files the two
            sample tickets in the Airtable emulator, runs the worker, writes the ids back, simulates a visit and
            signup on each campaign's landing page, and prints each platform's insights. It closes with one pass of
            the budget optimiser: each live campaign is given a return on ad spend in one of seed 003's bands
            through the emulator's ground truth, the virtual clock moves past the learning window, and a dry run
            prints every decision; then the first increase is applied (every change with --apply-optimization) and
            read back from the platform. The sample tickets and their media are built into the binary, so it runs
            from any folder; each flight is moved to start tomorrow (by ADOPS_NOW when set), keeping its length.
            """
    )

    @Flag(
        help: """
            Then serve the web console and the REST API over the demo's database (with a worker), and leave them, \
            the emulators and the landing pages running until Ctrl-C; prints the console's URL and an API key to \
            sign in with.
            """)
    var keepRunning = false

    @Option(help: "The console's port with --keep-running; 0 picks a free one.")
    var consolePort = 0

    @Option(help: "The emulators' port; 0 picks a free one.")
    var port = 0

    @Option(help: "Where the demo database and key go.")
    var directory = ".adops"

    @Option(
        help: "A folder with disneyplus-signup.json, hulu-promo.json and their media (default: the built-in samples).")
    var examples: String?

    @Option(help: "Jobs the worker runs at once.")
    var concurrency = 4

    @Flag(
        help: """
            Apply every decision of the closing optimiser pass; by default the dry run's decisions are printed and \
            only the first increase is applied.
            """)
    var applyOptimization = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0–65535, not \(port)") }
        guard (0...65_535).contains(consolePort) else {
            throw ValidationError("--console-port must be 0–65535, not \(consolePort)")
        }
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be 1–64") }
        // Every input is checked before anything starts: no emulator, database or account for a demo that cannot run.
        do {
            try samples.check(SampleLibrary.demoTickets)
        } catch let error as SampleError {
            throw ValidationError("--examples: \(error)")
        }
    }

    /// The samples to file: the built-in ones, or `--examples`.
    var samples: SampleLibrary { examples.map { SampleLibrary.directory(URL(fileURLWithPath: $0)) } ?? .builtIn }

    func run() async throws {
        var settings = try AdOpsSettings.load()
        let folder = URL(fileURLWithPath: directory).standardizedFileURL
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("demo.sqlite")
        // The demo's database is its own and starts empty each run; `adops serve` uses .adops/adops.sqlite.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
        let key = try SecretKeySource.load(
            environment: [:], keyFile: nil, allowGenerated: true,
            generatedKeyPath: folder.appendingPathComponent("demo.key").path)
        // The demo moves the emulators' clock days ahead to show delivery; the engine follows it there.
        let demoClock = FollowingClock(base: settings.clock)
        let store = try SQLiteTraffickingStore.open(
            path: database.path, cipher: try CredentialCipher(key: key), clock: demoClock.clock)
        let mockLogger = EngineContext.logger("adops-mock", level: .warning)
        let mock = MockPlatformsConfiguration(port: port, seed: 7, clock: settings.clock)
        try await MockPlatforms.withRunning(configuration: mock, logger: mockLogger) { running in
            demoClock.follow(running.mock.world)
            for platform in PlatformID.builtIn { settings.baseURLs[platform] = running.baseURL }
            let context = try EngineContext(settings: settings, store: store, transport: AsyncHTTPClientTransport())
            let demo = DemoRun(
                context: context, mockURL: running.baseURL, port: running.port, database: database,
                applyOptimization: applyOptimization)
            let succeeded = try await demo.run(samples: samples, concurrency: concurrency)
            if keepRunning { try await demo.serveConsole(consolePort: consolePort) }
            if !succeeded { throw ExitCode(1) }
        }
    }
}
