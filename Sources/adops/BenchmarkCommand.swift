import AdOpsSamples
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

            The ticket's flight is moved to start tomorrow (by ADOPS_NOW when set), so the run means the same on any
            date. If any job does not end SUCCESS, the benchmark names the failed jobs and their errors, skips the
            latency phase and exits 1; the rate counts completed hierarchies only.

            --sync N measures the metrics sync instead: the ticket is launched ACTIVE N times on each platform, the
            emulators' virtual clock moves --days days into the flights, and every account is synced in full, then
            incrementally (its restatement window), all four accounts at once. It reports the seconds, rows per
            second and platform calls per campaign of each; if a launch or a sync run fails, it names them and
            exits 1.

            --actions N measures lifecycle actions instead: the ticket is launched once on each platform, the REST API
            is served on a loopback port with a worker (as `adops serve` runs them), and N resume and pause actions
            are asked one at a time with POST /api/v1/campaigns/{id}/actions, --action-spacing ms apart. It reports
            the p50, p90 and p99 time from the POST to the action's platform call leaving for the in-process
            emulator. If any action is not accepted or does not end DONE, it names them instead and exits 1.

            --rules N measures one automation-rules evaluation pass instead, in process and without a store: N
            synthetic rules over --entities ad groups with --days days of metrics each (a fixed, seeded workload),
            reporting the seconds to index the metrics, evaluate every rule and plan every match under the
            guardrails. Issue 14's budget is 1,000 rules over 10,000 entities and 30 days in 10 s.

            --console N measures the web console instead: N campaigns over one account per platform and \
            --metric-rows campaign-level metric rows (1,000,000 by default) are stored, the console is served on a \
            loopback port as `adops serve` serves it, signed in through its form, and each page is requested \
            --iterations times after three warm-ups. It reports each page's median, p95 and slowest time to the \
            last byte and its first-load weight with the assets it links. Issue 15's budget is 50 ms a page over \
            10,000 campaigns and 1,000,000 rows, and 150 KB a first load. If a page does not answer 200, it names it \
            and exits 1.

            --rule-latency N measures automation rules end to end instead: the ticket is launched and activated on
            each platform, two rules are stored (pause at 1,000 clicks today, unpause below), and the rule scheduler
            and a worker run as in `adops serve`. Each trial moves the emulators' virtual clock a minute on and lands
            one campaign's row for today in the store, as a sync does; it reports the p50, p90 and p99 time from the
            landing to the rule action's platform call. Issue 14's budget is 2 s at p99.
            """
    )

    @Option(help: "Tickets in the throughput phase; each becomes four jobs.")
    var requests = 1_000

    @Option(help: "Tickets in the latency phase, one at a time.")
    var latencyTickets = 200

    @Option(
        help: ArgumentHelp(
            "Measure the metrics sync with this many campaigns per platform instead of the two ticket phases.",
            valueName: "count"))
    var sync: Int?

    @Option(help: "With --sync: days of delivery before the syncs; with --rules: days of metrics per entity.")
    var days = 30

    @Option(
        help: ArgumentHelp(
            "Measure one automation-rules evaluation pass with this many rules instead of the ticket phases.",
            valueName: "count"))
    var rules: Int?

    @Option(
        help: ArgumentHelp(
            "Measure N trials from a metric row landing to the platform call of the rule action it triggers, with the "
                + "rule scheduler and a worker running, instead of the ticket phases.",
            valueName: "N"))
    var ruleLatency: Int?

    @Option(
        help: ArgumentHelp(
            "Measure the web console's pages over this many campaigns instead of the ticket phases.",
            valueName: "campaigns"))
    var console: Int?

    @Option(help: "With --console: campaign-level metric rows in the store, spread evenly over the campaigns' days.")
    var metricRows = 1_000_000

    @Option(help: "With --console: requests per page, after three warm-up requests.")
    var iterations = 30

    @Option(help: "With --rules: the entities (ad groups) the rules evaluate.")
    var entities = 10_000

    @Option(
        help: ArgumentHelp(
            "Measure lifecycle-action latency with this many actions instead of the two ticket phases.",
            valueName: "count"))
    var actions: Int?

    @Option(
        help: ArgumentHelp(
            "With --actions: milliseconds from one action's POST to the next, so the rate budgets' waits stay out of "
                + "the figures.", valueName: "ms"))
    var actionSpacing = 100

    @Option(help: "Jobs the worker runs at once in the throughput phase.")
    var concurrency = 16

    @Option(
        help: ArgumentHelp(
            "The ticket each request copies, renamed per request: a file (its media paths relative to its folder), "
                + "or the name of a built-in sample such as single-hierarchy.json.",
            discussion:
                "docs/examples/single-hierarchy.json is one campaign, ad group, creative and ad per platform, the "
                + "shape of seed 001's request; the default sample has two ad groups and two ads per platform."))
    var ticket = "docs/examples/disneyplus-signup.json"

    @Option(help: "Where the SQLite file goes (a temporary folder by default; it is deleted afterwards).")
    var directory: String?

    @Flag(help: "Go through real sockets (AsyncHTTPClient to the emulators on a port) instead of in-process calls.")
    var sockets = false

    @Option(
        help: ArgumentHelp(
            "A fault rule for the in-process emulators, as `POST /_mock/faults` takes it; repeatable.",
            discussion: "For example '{\"platform\":\"tiktok\",\"kind\":\"status\",\"status\":503,\"rate\":0.3}'. "
                + "See docs/mock-platforms.md for the fields.", valueName: "json"))
    var fault: [String] = []

    @Flag(help: "Print the results as JSON.")
    var json = false

    func validate() throws {
        guard requests > 0, latencyTickets > 0 else {
            throw ValidationError("--requests and --latency-tickets must be ≥ 1")
        }
        guard (1...256).contains(concurrency) else { throw ValidationError("--concurrency must be 1–256") }
        if let sync, !(1...100_000).contains(sync) { throw ValidationError("--sync must be 1–100000") }
        guard (1...366).contains(days) else { throw ValidationError("--days must be 1–366") }
        if let actions, !(1...100_000).contains(actions) { throw ValidationError("--actions must be 1–100000") }
        guard (0...60_000).contains(actionSpacing) else { throw ValidationError("--action-spacing must be 0–60000") }
        if let rules, !(1...100_000).contains(rules) { throw ValidationError("--rules must be 1–100000") }
        if let ruleLatency, !(1...100_000).contains(ruleLatency) {
            throw ValidationError("--rule-latency must be 1–100000")
        }
        guard (1...1_000_000).contains(entities) else { throw ValidationError("--entities must be 1–1000000") }
        if let console, !(1...1_000_000).contains(console) { throw ValidationError("--console must be 1–1000000") }
        guard (1...100_000_000).contains(metricRows) else { throw ValidationError("--metric-rows must be 1–100000000") }
        guard (1...10_000).contains(iterations) else { throw ValidationError("--iterations must be 1–10000") }
        do {
            let (samples, name) = try ticketSource()
            try samples.check([name])
        } catch let error as SampleError {
            throw ValidationError("--ticket: \(error)")
        }
    }

    /// Where `--ticket` is read: the file when it exists, else the built-in sample of that name (so the default,
    /// `docs/examples/…`, works from any folder).
    func ticketSource() throws -> (SampleLibrary, String) {
        let url = URL(fileURLWithPath: ticket)
        if FileManager.default.fileExists(atPath: url.path) {
            return (.directory(url.deletingLastPathComponent()), url.lastPathComponent)
        }
        let name = url.lastPathComponent
        guard SampleLibrary.builtIn.ticketNames.contains(name) else {
            throw SampleError(
                path: ticket,
                message: "is neither a readable file nor a built-in sample ("
                    + SampleLibrary.builtIn.ticketNames.joined(separator: ", ") + ")")
        }
        return (.builtIn, name)
    }

    func run() async throws {
        if let rules {
            try runRules(rules)
            return
        }
        try await CommandFailure.reporting {
            let folder = URL(
                fileURLWithPath: directory
                    ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                        "adops-benchmark-\(UUID().uuidString)"
                    ).path)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { if directory == nil { try? FileManager.default.removeItem(at: folder) } }
            let clock = try AdOpsSettings.load().clock
            // The sync benchmark moves the emulators' clock a month on; the engine follows it there.
            let following = FollowingClock(base: clock)
            let store = try SQLiteTraffickingStore.open(
                path: folder.appendingPathComponent("benchmark.sqlite").path,
                cipher: try CredentialCipher(key: CredentialCipher.generateKey()), clock: following.clock)
            let mockConfiguration = MockPlatformsConfiguration(port: 0, seed: 11, journalCapacity: 1_000, clock: clock)
            let logger = EngineContext.logger("adops-mock", level: .error)
            let (samples, ticketName) = try ticketSource()
            if let sync {
                let results = try await MockPlatforms.withRunning(configuration: mockConfiguration, logger: logger) {
                    running in
                    following.follow(running.mock.world)
                    var settings = try AdOpsSettings(environment: [:])
                    settings.clock = following.clock
                    for platform in PlatformID.builtIn { settings.baseURLs[platform] = running.baseURL }
                    let transport: any HTTPTransport =
                        sockets ? AsyncHTTPClientTransport() : MockPlatformsTransport(mock: running.mock)
                    let context = try EngineContext(settings: settings, store: store, transport: transport)
                    return try await SyncBenchmark(
                        context: context, world: running.mock.world, mockPort: running.port, samples: samples,
                        ticketName: ticketName
                    ).run(campaignsPerPlatform: sync, days: days, concurrency: concurrency)
                }
                try print(results, text: results.summary())
                guard results.failures.isEmpty else { throw ExitCode(1) }
                return
            }
            if let console {
                var settings = try AdOpsSettings(environment: [:])
                settings.clock = clock
                let context = try EngineContext(settings: settings, store: store, transport: AsyncHTTPClientTransport())
                let results = try await ConsoleBenchmark(context: context, samples: samples, ticketName: ticketName)
                    .run(campaigns: console, metricRows: metricRows, iterations: iterations)
                try print(results, text: results.summary())
                guard results.failures.isEmpty else {
                    Terminal.error(
                        "error: the benchmark failed, so its figures are not a result: "
                            + results.failures.joined(separator: "; "))
                    throw ExitCode(1)
                }
                return
            }
            if let ruleLatency {
                let results = try await MockPlatforms.withRunning(configuration: mockConfiguration, logger: logger) {
                    running in
                    following.follow(running.mock.world)
                    let timer = PlatformCallTimer(wrapping: MockPlatformsTransport(mock: running.mock))
                    var settings = try settings(for: running.baseURL, clock: following.clock)
                    settings.rulesTickSeconds = try AdOpsSettings.load().rulesTickSeconds
                    let context = try EngineContext(settings: settings, store: store, transport: timer)
                    let control = MockControl(
                        baseURL: running.baseURL, transport: MockPlatformsTransport(mock: running.mock))
                    // The faults apply to the rules' actions only, not to the launch they need.
                    return try await RuleLatencyBenchmark(
                        context: context, timer: timer, world: running.mock.world, mockPort: running.port,
                        samples: samples, ticketName: ticketName, ticketLabel: ticket
                    ).run(count: ruleLatency) {
                        for rule in fault { try await control.addFault(rule, option: "--fault") }
                    }
                }
                try print(results, text: results.summary())
                guard results.failures.isEmpty else {
                    let shown = results.failures.map { "  trial \($0.trial) \($0.platform): \($0.error)" }
                    Terminal.error(
                        "error: the benchmark failed: \(results.failedTrials) of \(results.trials) trials did not reach "
                            + "the platform, so its figures are not a result. The first \(shown.count):\n"
                            + shown.joined(separator: "\n"))
                    throw ExitCode(1)
                }
                return
            }
            let transportName = sockets ? "sockets (AsyncHTTPClient)" : "in-process"
            if let actions {
                let results = try await MockPlatforms.withRunning(configuration: mockConfiguration, logger: logger) {
                    running in
                    let emulator: any HTTPTransport =
                        sockets ? AsyncHTTPClientTransport() : MockPlatformsTransport(mock: running.mock)
                    let timer = PlatformCallTimer(wrapping: emulator)
                    let context = try EngineContext(
                        settings: try settings(for: running.baseURL, clock: clock), store: store, transport: timer)
                    let control = MockControl(
                        baseURL: running.baseURL, transport: MockPlatformsTransport(mock: running.mock))
                    let bench = ActionBenchmark(
                        context: context, timer: timer, mockPort: running.port, samples: samples,
                        ticketName: ticketName, ticketLabel: ticket, spacing: .milliseconds(actionSpacing))
                    // The faults apply to the actions only, not to the launch they need.
                    return try await bench.run(count: actions) {
                        for rule in fault { try await control.addFault(rule, option: "--fault") }
                    }
                }
                try print(results, text: results.summary(transport: transportName))
                guard results.failures.isEmpty else {
                    let shown = results.failures.map {
                        "  \($0.type) \($0.platform) \($0.action ?? "-") \($0.status): \($0.error)"
                    }
                    Terminal.error(
                        "error: the benchmark failed: \(results.failedActions) of \(results.actions) actions did not "
                            + "end DONE, so its figures are not a result. The first \(shown.count):\n"
                            + shown.joined(separator: "\n"))
                    throw ExitCode(1)
                }
                return
            }
            let results = try await MockPlatforms.withRunning(configuration: mockConfiguration, logger: logger) {
                running in
                let transport: any HTTPTransport =
                    sockets ? AsyncHTTPClientTransport() : MockPlatformsTransport(mock: running.mock)
                let context = try EngineContext(
                    settings: try settings(for: running.baseURL, clock: clock), store: store, transport: transport)
                let control = MockControl(
                    baseURL: running.baseURL, transport: MockPlatformsTransport(mock: running.mock))
                for rule in fault { try await control.addFault(rule, option: "--fault") }
                let bench = EngineBenchmark(
                    context: context, mockPort: running.port, samples: samples, ticketName: ticketName,
                    ticketLabel: ticket)
                return try await bench.run(tickets: requests, latencyTickets: latencyTickets, concurrency: concurrency)
            }
            try print(results, text: results.summary(transport: transportName))
            guard results.failures.isEmpty else {
                let shown = results.failures.map { "  job \($0.job) \($0.platform) \($0.status): \($0.error)" }
                Terminal.error(
                    "error: the benchmark failed: \(results.failedJobs) of \(results.jobs) jobs did not end SUCCESS, so "
                        + "its figures are not a result. The first \(shown.count):\n" + shown.joined(separator: "\n"))
                throw ExitCode(1)
            }
        }
    }

    /// Settings that send every platform to the emulators at `baseURL`, on the benchmark's clock.
    private func settings(for baseURL: URL, clock: WallClock) throws -> AdOpsSettings {
        var settings = try AdOpsSettings(environment: [:])
        settings.clock = clock
        for platform in PlatformID.builtIn { settings.baseURLs[platform] = baseURL }
        return settings
    }

    /// Prints `results` as JSON with `--json`, else `text`.
    func print(_ results: some Encodable, text: String) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            Swift.print(String(decoding: try encoder.encode(results), as: UTF8.self))
        } else {
            Swift.print(text)
        }
    }
}
