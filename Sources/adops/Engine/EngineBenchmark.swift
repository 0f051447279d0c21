import AdOpsSamples
import AdPlatformKit
import Foundation
import Logging
import Trafficking

/// The two phases of `adops benchmark`.
struct EngineBenchmark {
    let context: EngineContext
    let mockPort: Int
    /// Where the ticket every request copies is read, with its media.
    let samples: SampleLibrary
    /// The ticket's file name in ``samples``.
    let ticketName: String
    /// The ticket as the user named it, for the report.
    let ticketLabel: String

    /// A job that did not end SUCCESS, with the platform's error.
    struct Failure: Codable {
        var job: String
        var platform: String
        var status: String
        var error: String
    }

    /// What one run measured.
    struct Results: Codable {
        /// The ticket file each request copied, as given.
        var ticketFile: String
        var tickets: Int
        var jobs: Int
        /// Jobs that ended SUCCESS: the hierarchies the rate counts.
        var completedJobs: Int
        var failedJobs: Int
        /// The first few jobs that did not end SUCCESS, with why; empty in a valid run.
        var failures: [Failure]
        var throughputSeconds: Double
        /// Completed hierarchies (jobs that ended SUCCESS) per second; failed jobs never count.
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
        /// Tickets timed one at a time; 0 when the throughput phase already failed and the latency phase was skipped.
        var latencyTickets: Int
        var ticketLatencyP50Milliseconds: Double
        var ticketLatencyP99Milliseconds: Double
        var jobLatencyP50Milliseconds: Double
        var jobLatencyP99Milliseconds: Double

        func summary(transport: String) -> String {
            guard failures.isEmpty else {
                return """
                    engine benchmark (\(transport)), ticket \(ticketFile): FAILED, \(failedJobs) of \(jobs) jobs did not \
                    end SUCCESS (\(completedJobs) completed); no throughput or latency is reported
                    """
            }
            return """
                engine benchmark (\(transport), SQLite WAL synchronous=NORMAL), ticket \(ticketFile)
                  throughput: \(tickets) tickets × 4 platforms = \(jobs) jobs in \(String(format: "%.2f", throughputSeconds)) s \
                → \(String(format: "%.0f", hierarchiesPerSecond)) completed hierarchies/s (\(failedJobs) failed)
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

    /// Runs both phases. The latency phase is skipped when any job of the throughput phase did not end SUCCESS: the
    /// results then say which failed and why, and the command exits non-zero.
    func run(tickets: Int, latencyTickets: Int, concurrency: Int) async throws -> Results {
        var accounts: [UUID] = []
        for account in DemoAccounts.all { accounts.append(try await context.store.createAccount(account).id) }
        // The flight starts tomorrow by the engine's clock, so that every platform takes the ticket on any date.
        let template = try samples.request(
            ticketName, landingPort: mockPort, flightStart: Schedule.tomorrow(after: context.store.clock.now))
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
            // Unlimited on purpose: the benchmark measures the engine against the emulators, not the budgets.
            configuration: WorkerConfiguration(
                concurrency: concurrency, pollInterval: .milliseconds(20), rateBudget: .unlimited),
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
        var failures: [Failure] = []
        var completed = 0
        for job in submitted {
            guard let over = try await store.job(job.id) else { continue }
            if over.status == .success {
                completed += 1
            } else {
                failures.append(Self.failure(over))
            }
        }
        // The finishing check above reads but never writes, so the count is the worker's own.
        let transactions = context.store.transactionCount - transactionsBefore
        let writes = context.store.writeCount - writesBefore
        let loadedJobLatencies = try await Self.runTimes(of: submitted, in: store)
        var platformCalls = 0
        for job in submitted { platformCalls += try await store.apiCalls(job: job.id).count }

        // Phase 2: latency of one ticket at a time, its four jobs run at once.
        var ticketLatencies: [Double] = []
        var jobLatencies: [Double] = []
        let timed = failures.isEmpty ? latencyTickets : 0
        for number in tickets..<(tickets + timed) {
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
            for job in jobs {
                if let over = try await store.job(job.id), over.status != .success {
                    failures.append(Self.failure(over))
                }
            }
            ticketLatencies.append(Self.seconds(ContinuousClock.now - start) * 1000)
        }
        let jobs = submitted.count
        return Results(
            ticketFile: ticketLabel, tickets: tickets, jobs: jobs, completedJobs: completed,
            failedJobs: failures.count, failures: Array(failures.prefix(Self.failuresShown)),
            throughputSeconds: elapsed,
            hierarchiesPerSecond: Double(completed) / elapsed, transactionsPerJob: Double(transactions) / Double(jobs),
            writesPerJob: Double(writes) / Double(jobs), platformCallsPerJob: Double(platformCalls) / Double(jobs),
            cpuMillisecondsPerJob: cpu * 1000 / Double(jobs),
            coresBusy: cpu / elapsed,
            loadedJobP50Milliseconds: Self.percentile(loadedJobLatencies, 0.5),
            loadedJobP99Milliseconds: Self.percentile(loadedJobLatencies, 0.99),
            latencyTickets: timed, ticketLatencyP50Milliseconds: Self.percentile(ticketLatencies, 0.5),
            ticketLatencyP99Milliseconds: Self.percentile(ticketLatencies, 0.99),
            jobLatencyP50Milliseconds: Self.percentile(jobLatencies, 0.5),
            jobLatencyP99Milliseconds: Self.percentile(jobLatencies, 0.99))
    }

    /// How many failed jobs the results name.
    static let failuresShown = 5

    static func failure(_ job: CampaignJob) -> Failure {
        Failure(
            job: job.id.uuidString, platform: job.platform.rawValue, status: job.status.rawValue,
            error: job.error.map { "\($0)" } ?? "no error recorded")
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
