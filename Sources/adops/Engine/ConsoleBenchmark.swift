import AdOpsSamples
import AdOpsServer
import AdPlatformKit
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import Trafficking

/// `adops benchmark --console N`: N campaigns across the four platforms with `metricRows` campaign-level metric
/// rows between them, in a SQLite file; then the console served on a loopback port (as `adops serve` serves it,
/// without a worker), signed in through its form, and each page fetched `iterations` times after a warm-up.
/// Reports, per page, the median, p95 and slowest time from request to the last byte, and the first load's weight
/// (the page and every asset it links).
struct ConsoleBenchmark {
    /// What one page measured.
    struct PageFigures: Codable, Sendable {
        var path: String
        var medianMilliseconds: Double
        var p95Milliseconds: Double
        var maximumMilliseconds: Double
        var pageBytes: Int
        var firstLoadBytes: Int
    }

    /// What the run measured, or why it failed.
    struct Results: Codable, Sendable {
        var campaigns: Int
        var metricRows: Int
        var seedSeconds: Double
        var iterations: Int
        var pages: [PageFigures]
        var failures: [String]

        func summary() -> String {
            var lines = [
                "Console pages over \(campaigns) campaigns and \(metricRows) metric rows (seeded in "
                    + String(format: "%.1f", seedSeconds) + " s), \(iterations) requests each after a warm-up:",
                "",
            ]
            var table = TextTable(header: ["page", "median ms", "p95 ms", "max ms", "page KB", "first load KB"])
            for page in pages {
                table.append([
                    page.path, String(format: "%.2f", page.medianMilliseconds),
                    String(format: "%.2f", page.p95Milliseconds), String(format: "%.2f", page.maximumMilliseconds),
                    String(format: "%.1f", Double(page.pageBytes) / 1_024),
                    String(format: "%.1f", Double(page.firstLoadBytes) / 1_024),
                ])
            }
            lines.append(table.render())
            return lines.joined(separator: "\n")
        }
    }

    let context: EngineContext
    let samples: SampleLibrary
    let ticketName: String

    /// Seeds, serves and measures.
    func run(campaigns: Int, metricRows: Int, iterations: Int) async throws -> Results {
        let started = ContinuousClock.now
        let ids = try await seed(campaigns: campaigns, metricRows: metricRows)
        let seeded = ContinuousClock.now - started
        let key = "benchmark-" + UUID().uuidString
        let hashes = [AdOpsServerConfiguration.hash(apiKey: key)]
        let logger = EngineContext.logger("adops.benchmark", level: .error)
        let bound = PortBox()
        let application = AdOpsAPI.application(
            engine: context.engine, configuration: AdOpsServerConfiguration(apiKeyHashes: hashes), host: "127.0.0.1",
            port: 0, logger: logger,
            pages: try context.consolePages(apiKeyHashes: hashes, worker: false, logger: logger),
            onServerRunning: { channel in bound.set(channel.localAddress?.port ?? 0) })
        let group = AdOpsAPI.serviceGroup(
            running: application, gracefulShutdownSignals: [], shutdownTimeout: .seconds(5), logger: logger)
        return try await withThrowingTaskGroup(of: Results?.self) { tasks in
            tasks.addTask {
                try await group.run()
                return nil
            }
            tasks.addTask {
                let port = try await bound.wait()
                defer { Task { await group.triggerGracefulShutdown() } }
                var results = try await measure(
                    base: "http://127.0.0.1:\(port)", key: key, campaign: ids.first, iterations: iterations)
                results.campaigns = campaigns
                results.metricRows = metricRows
                results.seedSeconds = Double(seeded.components.seconds) + Double(seeded.components.attoseconds) / 1e18
                return results
            }
            for try await result in tasks { if let result { return result } }
            throw ConfigurationError(variable: "--console", message: "the server stopped before the measurement")
        }
    }

    /// One account per platform, `campaigns` launch jobs spread over them, and `metricRows` campaign-level rows:
    /// each campaign an equal run of days up to today, recorded through the store's sync chunks as a sync does.
    private func seed(campaigns: Int, metricRows: Int) async throws -> [UUID] {
        let store = context.store
        let request = try samples.rawRequest(ticketName)
        var accounts: [AdAccount] = []
        for platform in context.registry.ids {
            accounts.append(
                try await store.createAccount(
                    NewAdAccount(
                        platform: platform, platformAccountID: "bench-\(platform.rawValue)",
                        name: "Benchmark — \(platform.rawValue)", currency: .usd, ownerTeam: nil, settings: [:],
                        credentials: PlatformCredentials(accessToken: "benchmark"))))
        }
        var ids: [UUID] = []
        var byAccount: [UUID: [UUID]] = [:]
        for start in stride(from: 0, to: campaigns, by: 1_000) {
            let jobs = (start..<min(start + 1_000, campaigns)).map { index in
                let account = accounts[index % accounts.count]
                var named = request
                named.name = "\(request.name) #\(index)"
                return NewCampaignJob(
                    id: UUID(), accountID: account.id, platform: account.platform, request: named, batchID: UUID())
            }
            for job in try await store.enqueue(jobs) {
                guard let campaign = try await store.campaign(job: job.id) else { continue }
                ids.append(campaign.id)
                byAccount[job.accountID, default: []].append(campaign.id)
            }
        }
        let days = max(1, metricRows / max(campaigns, 1))
        let today = CalendarDay(store.clock.now)
        let since = today.adding(1 - days)
        var generator = SplitMix64(seed: 42)
        for account in accounts {
            let run = try await store.startSyncRun(
                SyncRun(
                    id: UUID(), accountID: account.id, platform: account.platform, kind: .full, campaignID: nil,
                    since: since.description, until: today.description, startedAt: store.clock.now),
                staleAfter: .seconds(3_600)
            ).run
            let chunkSize = max(1, 10_000 / days)
            let mine = byAccount[account.id] ?? []
            for start in stride(from: 0, to: mine.count, by: chunkSize) {
                let chunk = mine[start..<min(start + chunkSize, mine.count)]
                let rows = chunk.flatMap { campaign in
                    (0..<days).map { offset in
                        let spend = Int64.random(in: 1_000...20_000, using: &generator)
                        return DailyMetric(
                            campaignID: campaign, level: .campaign, platformID: "c-\(campaign.uuidString.prefix(8))",
                            date: since.adding(offset).description, attributionWindow: "7d_click_1d_view",
                            totals: MetricTotals(
                                impressions: spend * 12, clicks: spend / 40,
                                spend: Money(minorUnits: spend, currency: .usd),
                                conversions: Double(Int.random(in: 0...9, using: &generator)),
                                conversionValue: Money(
                                    minorUnits: spend * Int64.random(in: 0...5, using: &generator), currency: .usd)),
                            syncedAt: store.clock.now)
                    }
                }
                _ = try await store.recordSyncChunk(
                    SyncChunk(
                        runID: run.id, campaigns: Array(chunk), since: since.description, until: today.description,
                        rows: rows, observations: [], calls: [], syncedAt: store.clock.now))
            }
            var finished = run
            finished.status = .succeeded
            finished.finishedAt = store.clock.now
            try await store.finishSyncRun(finished)
        }
        return ids
    }

    /// Signs in through the form, then times each page.
    private func measure(base: String, key: String, campaign: UUID?, iterations: Int) async throws -> Results {
        // Redirects are not followed: the sign-in's 303 carries the session cookie.
        let http = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
        do {
            let results = try await measure(
                BenchmarkBrowser(base: base, transport: AsyncHTTPClientTransport(client: http)), key: key,
                campaign: campaign, iterations: iterations)
            try await http.shutdown()
            return results
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    /// Times each page with a signed-in client.
    private func measure(
        _ client: BenchmarkBrowser, key: String, campaign: UUID?, iterations: Int
    ) async throws -> Results {
        try await client.signIn(key: key)
        var paths = [
            "/", "/?days=90", "/campaigns", "/campaigns?order=desc&sort=spend",
            "/campaigns?order=desc&sort=roas&page=100",
            "/campaigns?platform=meta&sort=cpa", "/accounts", "/rules", "/jobs", "/studio",
        ]
        if let campaign { paths.append("/campaigns/\(campaign.uuidString)") }
        var figures: [PageFigures] = []
        var failures: [String] = []
        for path in paths {
            var times: [Double] = []
            var bytes = 0
            var firstLoad = 0
            for round in 0..<(iterations + 3) {
                let started = ContinuousClock.now
                let response = try await client.get(path)
                let elapsed = ContinuousClock.now - started
                guard response.status == 200 else {
                    failures.append("\(path) answered \(response.status)")
                    break
                }
                if round == 0 {
                    bytes = response.body.count
                    firstLoad = try await client.firstLoadBytes(of: response.body)
                }
                // The first three warm caches and connections; they are not counted.
                if round >= 3 {
                    times.append(
                        Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
                }
            }
            guard !times.isEmpty else { continue }
            times.sort()
            figures.append(
                PageFigures(
                    path: path, medianMilliseconds: times[times.count / 2],
                    p95Milliseconds: times[min(times.count - 1, Int(Double(times.count) * 0.95))],
                    maximumMilliseconds: times[times.count - 1], pageBytes: bytes, firstLoadBytes: firstLoad))
        }
        return Results(
            campaigns: 0, metricRows: 0, seedSeconds: 0, iterations: iterations, pages: figures, failures: failures)
    }
}

/// A port learnt once the server binds.
private final class PortBox: Sendable {
    private let stream: AsyncStream<Int>
    private let continuation: AsyncStream<Int>.Continuation

    init() { (stream, continuation) = AsyncStream.makeStream(of: Int.self) }

    func set(_ port: Int) { continuation.yield(port) }

    func wait() async throws -> Int {
        for await port in stream { return port }
        throw CancellationError()
    }
}
