import AdPlatformKit
import Foundation
import Logging
import ServiceLifecycle

/// The worker: claims PENDING jobs with a lease, runs each through the launcher, and ends or requeues it.
///
/// It is a `Service`: in a `ServiceGroup` it stops claiming on graceful shutdown and lets running jobs finish. A
/// worker that dies leaves its jobs leased; when the lease runs out another worker claims them and resumes from
/// the ledger.
public final class TraffickingWorker: Service {
    private let store: any TraffickingStore
    private let configuration: WorkerConfiguration
    private let launcher: JobLauncher
    private let logger: Logger

    /// Creates a worker. `transport` fetches `http(s)` media; platform calls go through the registry's modules.
    public init(
        store: any TraffickingStore, registry: PlatformRegistry, transport: any HTTPTransport,
        configuration: WorkerConfiguration = WorkerConfiguration(), logger: Logger = Logger(label: "adops.worker")
    ) {
        self.store = store
        self.configuration = configuration
        self.logger = logger
        launcher = JobLauncher(
            store: store, registry: registry, configuration: configuration,
            media: MediaFetcher(store: store, transport: transport))
    }

    /// Runs until graceful shutdown or cancellation, with ``WorkerConfiguration/concurrency`` jobs at once.
    public func run() async throws {
        logger.info(
            "worker started",
            metadata: ["owner": "\(configuration.owner)", "concurrency": "\(configuration.concurrency)"])
        await withDiscardingTaskGroup { group in
            for _ in 0..<configuration.concurrency {
                group.addTask { await self.loop() }
            }
        }
        logger.info("worker stopped", metadata: ["owner": "\(configuration.owner)"])
    }

    /// Runs until `isDone` answers true (checked after each job and each idle poll), then returns. The CLI uses it
    /// to traffic a batch and stop.
    public func run(until isDone: @escaping @Sendable () async throws -> Bool) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.run() }
            group.addTask {
                while try await !isDone() {
                    try await Task.sleep(for: self.configuration.pollInterval)
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    private func loop() async {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let ran: Bool
            do {
                ran = try await runNext()
            } catch is CancellationError {
                return
            } catch {
                // A store failure: the claimed job (if any) stays leased and is resumed after the lease.
                logger.error("worker step failed", metadata: ["error": "\(error)"])
                ran = false
            }
            if !ran {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.configuration.pollInterval) }
            }
        }
    }

    /// Claims one job and runs it; returns whether there was one.
    @discardableResult
    public func runNext() async throws -> Bool {
        let claimed = try await store.claimJobs(
            owner: configuration.owner, limit: 1, lease: configuration.lease, now: store.clock.now)
        guard let job = claimed.first else { return false }
        try await process(job)
        return true
    }

    private func process(_ job: CampaignJob) async throws {
        logger.info(
            "job claimed",
            metadata: ["job": "\(job.id)", "platform": "\(job.platform)", "attempt": "\(job.attempts)"])
        let (result, records) = try await withThrowingTaskGroup(of: (JobLauncher.Result, JobRunRecords)?.self) {
            group in
            group.addTask { try await self.launcher.run(job) }
            group.addTask {
                try await self.keepLease(on: job)
                return nil
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let next { return next }
                // The lease keeper returned: the job was lost to another worker.
                throw CancellationError()
            }
            throw CancellationError()
        }
        switch result {
        case .finish(let outcome):
            try await store.finish(job: job.id, owner: configuration.owner, outcome: outcome, records: records)
            logger.info("job finished", metadata: ["job": "\(job.id)", "status": "\(outcome.status.rawValue)"])
        case .requeue(let error):
            let notBefore = store.clock.now.addingTimeInterval(Self.seconds(configuration.requeueDelay))
            try await store.release(
                job: job.id, owner: configuration.owner, notBefore: notBefore, error: error, records: records)
            logger.warning("job requeued", metadata: ["job": "\(job.id)", "error": "\(error)"])
        }
    }

    /// Renews the lease at a third of its length; returns when the lease was lost.
    private func keepLease(on job: CampaignJob) async throws {
        let interval = configuration.lease / 3
        while true {
            try await Task.sleep(for: interval)
            let until = store.clock.now.addingTimeInterval(Self.seconds(configuration.lease))
            guard try await store.renewLease(job: job.id, owner: configuration.owner, until: until) else {
                logger.warning("lease lost; abandoning the job", metadata: ["job": "\(job.id)"])
                return
            }
        }
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
