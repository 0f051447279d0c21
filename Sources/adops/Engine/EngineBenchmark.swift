import AdPlatformKit
import Foundation
import Logging
import Trafficking

/// The two phases of `adops benchmark`.
struct EngineBenchmark {
    let context: EngineContext
    let mockPort: Int
    /// The ticket every request copies; its media paths are relative to its folder.
    let ticketFile: URL

    /// What one run measured.
    struct Results: Codable {
        /// The ticket file each request copied, as given.
        var ticketFile: String
        var tickets: Int
        var jobs: Int
        var failedJobs: Int
        var throughputSeconds: Double
        var hierarchiesPerSecond: Double
        var transactionsPerJob: Double
        var writesPerJob: Double
        /// Platform API calls per job, read from the `api_calls` table: how much one hierarchy of this ticket is.
        var platformCallsPerJob: Double
        /// The process's CPU time (user + system) during the throughput phase, per job: steadier than the rate on
        /// a noisy machine, and what the rate is bound by once every core is busy.
        var cpuMillisecondsPerJob: Double
        /// That CPU time over the phase's wall time: 2.0 is both cores of a 2-core machine busy throughout.
        var coresBusy: Double
        var loadedJobP50Milliseconds: Double
        var loadedJobP99Milliseconds: Double
        var latencyTickets: Int
        var ticketLatencyP50Milliseconds: Double
        var ticketLatencyP99Milliseconds: Double
        var jobLatencyP50Milliseconds: Double
        var jobLatencyP99Milliseconds: Double

        func summary(transport: String) -> String {
            """
            engine benchmark (\(transport), SQLite WAL synchronous=NORMAL), ticket \(ticketFile)
              throughput: \(tickets) tickets × 4 platforms = \(jobs) jobs in \(String(format: "%.2f", throughputSeconds)) s \
            → \(String(format: "%.0f", hierarchiesPerSecond)) hierarchies/s (\(failedJobs) failed)
              platform API calls per job: \(String(format: "%.2f", platformCallsPerJob))
              per job under that load, first ledger write to finish: p50 \
            \(String(format: "%.1f", loadedJobP50Milliseconds)) ms, p99 \(String(format: "%.1f", loadedJobP99Milliseconds)) ms
              CPU per job: \(String(format: "%.2f", cpuMillisecondsPerJob)) ms, \
            \(String(format: "%.2f", coresBusy)) cores busy
              SQLite write transactions per job: \(String(format: "%.1f", transactionsPerJob)) \
            (\(String(format: "%.1f", writesPerJob)) writes per job, sharing commits)
              latency, one ticket to four platforms (\(latencyTickets) tickets): p50 \
            \(String(format: "%.1f", ticketLatencyP50Milliseconds)) ms, p99 \(String(format: "%.1f", ticketLatencyP99Milliseconds)) ms
              latency per job: p50 \(String(format: "%.1f", jobLatencyP50Milliseconds)) ms, p99 \
            \(String(format: "%.1f", jobLatencyP99Milliseconds)) ms
            """
        }
    }

    func run(tickets: Int, latencyTickets: Int, concurrency: Int) async throws -> Results {
        var accounts: [UUID] = []
        for account in DemoAccounts.all { accounts.append(try await context.store.createAccount(account).id) }
        let template = try DemoTickets(
            examples: ticketFile.deletingLastPathComponent(), port: mockPort, files: [ticketFile.lastPathComponent]
        ).requests()[0]
        // Each ticket is its own campaign, as real tickets are: no two tickets share a payload, so nothing can be
        // saved by decoding or indexing one request for all of them.
        func ticket(_ number: Int) -> TraffickingRequest {
            var request = template
            request.name = "\(template.name) #\(number)"
            return request
        }

        // Phase 1: throughput.
        var submitted: [CampaignJob] = []
        for number in 0..<tickets { submitted += try await context.engine.submit(ticket(number), accounts: accounts) }
        let transactionsBefore = context.store.transactionCount
        let writesBefore = context.store.writeCount
        let worker = TraffickingWorker(
            store: context.store, registry: context.registry, transport: context.transport,
            configuration: WorkerConfiguration(concurrency: concurrency, pollInterval: .milliseconds(20)),
            logger: EngineContext.logger("adops.worker", level: .error))
        let store = context.store
        let started = ContinuousClock.now
        let cpuBefore = Self.processCPUSeconds()
        try await worker.run {
            // Checked every 100 ms (this sleep plus the worker's 20 ms poll), not every 20: each check counts the
            // PENDING rows, thousands at first, and at 50 checks a second that was a measurable share of the CPU
            // the run is meant to measure. The end is seen up to 100 ms late, which counts against the rate.
            try await Task.sleep(for: .milliseconds(80))
            let pending = try await store.jobs(status: .pending, page: PageRequest(limit: 1)).total
            let processing = try await store.jobs(status: .processing, page: PageRequest(limit: 1)).total
            return pending == 0 && processing == 0
        }
        let elapsed = Self.seconds(ContinuousClock.now - started)
        let cpu = Self.processCPUSeconds() - cpuBefore
        let failed =
            try await store.jobs(status: .failed, page: PageRequest(limit: 1)).total
            + (try await store.jobs(status: .partialSuccess, page: PageRequest(limit: 1)).total)
        // The finishing check above reads but never writes, so the count is the worker's own.
        let transactions = context.store.transactionCount - transactionsBefore
        let writes = context.store.writeCount - writesBefore
        let loadedJobLatencies = try await Self.runTimes(of: submitted, in: store)
        var platformCalls = 0
        for job in submitted { platformCalls += try await store.apiCalls(job: job.id).count }

        // Phase 2: latency of one ticket at a time, its four jobs run at once.
        var ticketLatencies: [Double] = []
        var jobLatencies: [Double] = []
        for number in tickets..<(tickets + latencyTickets) {
            let start = ContinuousClock.now
            let jobs = try await context.engine.submit(ticket(number), accounts: accounts)
            try await withThrowingTaskGroup(of: Double.self) { group in
                for _ in jobs {
                    group.addTask {
                        try await worker.runNext()
                        return Self.seconds(ContinuousClock.now - start) * 1000
                    }
                }
                for try await latency in group { jobLatencies.append(latency) }
            }
            ticketLatencies.append(Self.seconds(ContinuousClock.now - start) * 1000)
        }
        let jobs = submitted.count
        return Results(
            ticketFile: ticketFile.relativePath, tickets: tickets, jobs: jobs, failedJobs: failed,
            throughputSeconds: elapsed,
            hierarchiesPerSecond: Double(jobs) / elapsed, transactionsPerJob: Double(transactions) / Double(jobs),
            writesPerJob: Double(writes) / Double(jobs), platformCallsPerJob: Double(platformCalls) / Double(jobs),
            cpuMillisecondsPerJob: cpu * 1000 / Double(jobs),
            coresBusy: cpu / elapsed,
            loadedJobP50Milliseconds: Self.percentile(loadedJobLatencies, 0.5),
            loadedJobP99Milliseconds: Self.percentile(loadedJobLatencies, 0.99),
            latencyTickets: latencyTickets, ticketLatencyP50Milliseconds: Self.percentile(ticketLatencies, 0.5),
            ticketLatencyP99Milliseconds: Self.percentile(ticketLatencies, 0.99),
            jobLatencyP50Milliseconds: Self.percentile(jobLatencies, 0.5),
            jobLatencyP99Milliseconds: Self.percentile(jobLatencies, 0.99))
    }

    /// Each job's run time in milliseconds: from its first ledger write (the campaign step's start, right after the
    /// claim) to its finish, both as stored.
    static func runTimes(of jobs: [CampaignJob], in store: SQLiteTraffickingStore) async throws -> [Double] {
        var times: [Double] = []
        for job in jobs {
            guard let finished = try await store.job(job.id)?.finishedAt,
                let started = try await store.ledger(job: job.id).map(\.startedAt).min()
            else { continue }
            times.append(finished.timeIntervalSince(started) * 1000)
        }
        return times
    }

    /// User plus system CPU seconds this process has used.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
