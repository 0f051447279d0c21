import AdOpsSamples
import AdPlatformKit
import Foundation
import Logging
import MockPlatforms
import Trafficking

/// `adops benchmark --sync N`: N campaigns on each of the four platforms, launched ACTIVE, a month of delivery on
/// the emulators' virtual clock, then a full sync and an incremental one of every account, timed.
struct SyncBenchmark {
    let context: EngineContext
    let world: MockWorld
    let mockPort: Int
    let samples: SampleLibrary
    let ticketName: String

    /// What one run measured.
    struct Results: Codable {
        var campaignsPerPlatform: Int
        var days: Int
        var setupSeconds: Double
        var fullSeconds: Double
        /// The process's user and system CPU time during the full sync: on a machine shared with other work,
        /// the wall time measures the neighbours too, the CPU time much less.
        var fullCPUSeconds: Double
        var fullRows: Int
        var fullRowsPerSecond: Double
        var fullCallsPerCampaign: Double
        var incrementalSeconds: Double
        /// The process's CPU time during the incremental sync.
        var incrementalCPUSeconds: Double
        var incrementalRows: Int
        var incrementalCallsPerCampaign: Double
        /// Each run's account, kind, status, rows, calls and seconds.
        var runs: [String]
        /// What failed: jobs that did not launch, runs that did not succeed; empty in a valid run.
        var failures: [String]

        func summary() -> String {
            guard failures.isEmpty else {
                return "The sync benchmark failed; its figures are not a result:\n  "
                    + failures.prefix(10).joined(separator: "\n  ")
            }
            return """
                Sync benchmark: \(campaignsPerPlatform) campaigns × 4 platforms, \(days) days of delivery, rows at \
                campaign, ad group and ad level (in-process emulators, SQLite file)
                  setup (launch ACTIVE, move the clock):  \(String(format: "%.1f", setupSeconds)) s
                  full sync:         \(String(format: "%.2f", fullSeconds)) s \
                (CPU \(String(format: "%.2f", fullCPUSeconds)) s on \(ProcessInfo.processInfo.activeProcessorCount) cores), \(fullRows) rows, \
                \(String(format: "%.0f", fullRowsPerSecond)) rows/s, \
                \(String(format: "%.2f", fullCallsPerCampaign)) platform calls per campaign
                  incremental sync:  \(String(format: "%.2f", incrementalSeconds)) s \
                (CPU \(String(format: "%.2f", incrementalCPUSeconds)) s), \(incrementalRows) rows, \
                \(String(format: "%.2f", incrementalCallsPerCampaign)) platform calls per campaign
                """ + "\n" + runs.map { "    " + $0 }.joined(separator: "\n")
        }
    }

    func run(campaignsPerPlatform: Int, days: Int, concurrency: Int) async throws -> Results {
        let setupStart = ContinuousClock.now
        var accounts: [AdAccount] = []
        for account in DemoAccounts.all { accounts.append(try await context.store.createAccount(account)) }
        var template = try samples.request(
            ticketName, landingPort: mockPort, flightStart: Schedule.tomorrow(after: context.store.clock.now))
        template.status = .active
        template.schedule.end = nil
        var jobs: [CampaignJob] = []
        for number in 0..<campaignsPerPlatform {
            var request = template
            request.name = "\(template.name) #\(number)"
            jobs += try await context.engine.submit(request, accounts: accounts.map(\.id))
        }
        let worker = TraffickingWorker(
            store: context.store, registry: context.registry, transport: context.transport,
            // Unlimited on purpose: the benchmark measures the engine against the emulators, not the budgets.
            configuration: WorkerConfiguration(
                concurrency: concurrency, pollInterval: .milliseconds(20), rateBudget: .unlimited),
            logger: EngineContext.logger("adops.worker", level: .error))
        let store = context.store
        try await worker.run {
            try await Task.sleep(for: .milliseconds(80))
            let pending = try await store.jobs(status: .pending, page: PageRequest(limit: 1)).total
            let processing = try await store.jobs(status: .processing, page: PageRequest(limit: 1)).total
            return pending == 0 && processing == 0
        }
        var failures: [String] = []
        for job in jobs {
            if let over = try await store.job(job.id), over.status != .success {
                failures.append("job \(over.id) \(over.platform) \(over.status): \(over.error?.description ?? "-")")
            }
        }
        // The flight starts tomorrow: `days` days of delivery end today.
        world.advance(by: Double(days + 1) * 86_400)
        let setupSeconds = EngineBenchmark.seconds(ContinuousClock.now - setupStart)
        guard failures.isEmpty else { return Self.failed(campaignsPerPlatform, days, failures) }

        var lines: [String] = []
        let cpuBefore = EngineBenchmark.processCPUSeconds()
        let (fullSeconds, full) = try await syncAll(accounts, kind: .full)
        let cpuBetween = EngineBenchmark.processCPUSeconds()
        let (incrementalSeconds, incremental) = try await syncAll(accounts, kind: .incremental)
        let cpuAfter = EngineBenchmark.processCPUSeconds()
        for run in full + incremental {
            lines.append(
                "\(run.platform) \(run.kind.rawValue) \(run.since)–\(run.until): \(run.status.rawValue), "
                    + "\(run.campaigns) campaigns, \(run.rows) rows, \(run.calls) calls, "
                    + String(format: "%.2f s", run.duration.map(EngineBenchmark.seconds) ?? 0))
            if run.status != .succeeded || run.campaigns != campaignsPerPlatform {
                failures.append(
                    "\(run.platform) \(run.kind.rawValue) run \(run.status.rawValue), \(run.campaigns) of "
                        + "\(campaignsPerPlatform) campaigns: \(run.errors.prefix(3).joined(separator: "; "))")
            }
        }
        let campaigns = Double(campaignsPerPlatform * accounts.count)
        let fullRows = full.reduce(0) { $0 + $1.rows }
        return Results(
            campaignsPerPlatform: campaignsPerPlatform, days: days, setupSeconds: setupSeconds,
            fullSeconds: fullSeconds, fullCPUSeconds: cpuBetween - cpuBefore, fullRows: fullRows,
            fullRowsPerSecond: Double(fullRows) / fullSeconds,
            fullCallsPerCampaign: Double(full.reduce(0) { $0 + $1.calls }) / campaigns,
            incrementalSeconds: incrementalSeconds, incrementalCPUSeconds: cpuAfter - cpuBetween,
            incrementalRows: incremental.reduce(0) { $0 + $1.rows },
            incrementalCallsPerCampaign: Double(incremental.reduce(0) { $0 + $1.calls }) / campaigns, runs: lines,
            failures: failures)
    }

    /// Syncs every account at once, as the sync service's processes would; returns the wall time and the runs.
    private func syncAll(_ accounts: [AdAccount], kind: SyncKind) async throws -> (Double, [SyncRun]) {
        let syncer = context.syncer()
        let start = ContinuousClock.now
        let runs = try await withThrowingTaskGroup(of: SyncRun.self) { group in
            for account in accounts { group.addTask { try await syncer.sync(account: account.id, kind: kind) } }
            var runs: [SyncRun] = []
            for try await run in group { runs.append(run) }
            return runs.sorted { $0.platform.rawValue < $1.platform.rawValue }
        }
        return (EngineBenchmark.seconds(ContinuousClock.now - start), runs)
    }

    private static func failed(_ campaigns: Int, _ days: Int, _ failures: [String]) -> Results {
        Results(
            campaignsPerPlatform: campaigns, days: days, setupSeconds: 0, fullSeconds: 0, fullCPUSeconds: 0,
            fullRows: 0,
            fullRowsPerSecond: 0, fullCallsPerCampaign: 0, incrementalSeconds: 0, incrementalCPUSeconds: 0,
            incrementalRows: 0,
            incrementalCallsPerCampaign: 0, runs: [], failures: failures)
    }
}
