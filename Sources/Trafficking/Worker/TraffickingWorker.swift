import AdPlatformKit
import Foundation
import Logging
import ServiceLifecycle

/// The worker: claims PENDING lifecycle actions and jobs with a lease, runs each (actions through the
/// ``ActionRunner``, jobs through the launcher), and ends or requeues it.
///
/// It is a `Service`: in a `ServiceGroup` it stops claiming on graceful shutdown and lets running work finish. A
/// worker that dies leaves its jobs and actions leased; when the lease runs out another worker claims them and
/// resumes from the ledger or the action's steps. Actions are claimed first: a pause should not wait behind a queue
/// of launches.
public final class TraffickingWorker: Service {
    private let store: any TraffickingStore
    private let configuration: WorkerConfiguration
    private let launcher: JobLauncher
    private let actions: ActionRunner
    private let logger: Logger

    /// Creates a worker. `transport` fetches `http(s)` media; platform calls go through the registry's modules, each
    /// job's and action's through its own ``EnginePipeline``.
    /// `tokens` refreshes access tokens before they expire (by default a refresher of its own, with
    /// ``WorkerConfiguration/tokenRefreshMargin``); pass the one the ``TokenRefreshService`` uses, so the two never
    /// refresh one account at once.
    public init(
        store: any TraffickingStore, registry: PlatformRegistry, transport: any HTTPTransport,
        configuration: WorkerConfiguration, tokens: TokenRefresher? = nil,
        logger: Logger = Logger(label: "adops.worker")
    ) {
        self.store = store
        self.configuration = configuration
        self.logger = logger
        let tokens = tokens ?? TokenRefresher(store: store, registry: registry, configuration: configuration)
        let pipeline = EnginePipeline(registry: registry, configuration: configuration, clock: store.clock)
        launcher = JobLauncher(
            store: store, pipeline: pipeline, configuration: configuration, tokens: tokens,
            media: MediaFetcher(store: store, transport: transport))
        actions = ActionRunner(store: store, pipeline: pipeline, configuration: configuration, tokens: tokens)
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
            // Read before looking for work, so a signal given while this worker finds the queue empty still wakes it.
            let generation = store.workSignal?.generation
            let ran: Bool
            do {
                // Actions first: they are short, and someone is usually waiting for them.
                ran = try await runNextAction() ? true : try await runNext()
            } catch is CancellationError {
                return
            } catch is LeaseLost {
                // Another worker took the work over; this one goes on with the next.
                logger.warning("lease lost; the work was left to the worker that took it over")
                ran = true
            } catch {
                // A store failure: the claimed job or action (if any) stays leased and is resumed after the lease.
                logger.error("worker step failed", metadata: ["error": "\(error)"])
                ran = false
            }
            if !ran {
                try? await cancelWhenGracefulShutdown {
                    if let signal = self.store.workSignal, let generation {
                        await signal.wait(after: generation, upTo: self.configuration.pollInterval)
                        try Task.checkCancellation()
                    } else {
                        try await Task.sleep(for: self.configuration.pollInterval)
                    }
                }
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

    /// Claims one lifecycle action and runs it; returns whether there was one.
    @discardableResult
    public func runNextAction() async throws -> Bool {
        let claimed = try await store.claimActions(
            owner: configuration.owner, limit: 1, lease: configuration.lease, now: store.clock.now)
        guard let action = claimed.first else { return false }
        try await process(action)
        return true
    }

    private func process(_ job: CampaignJob) async throws {
        logger.info(
            "job claimed",
            metadata: ["job": "\(job.id)", "platform": "\(job.platform)", "attempt": "\(job.attempts)"])
        let (result, records) = try await holdingLease(named: "job \(job.id)") { until in
            try await self.store.renewLease(job: job.id, owner: self.configuration.owner, until: until)
        } run: {
            try await self.launcher.run(job)
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
        case .wait(let error):
            // Due at once: the claim skips it while its account is REQUIRES_REAUTH, and takes it as soon as a
            // credential update makes the account ACTIVE, even one made while this run was ending.
            try await store.release(
                job: job.id, owner: configuration.owner, notBefore: store.clock.now, error: error, records: records)
            logger.warning("job waits for re-authorisation", metadata: ["job": "\(job.id)", "error": "\(error)"])
        }
    }

    private func process(_ action: LifecycleAction) async throws {
        logger.info(
            "action claimed",
            metadata: [
                "action": "\(action.id)", "kind": "\(action.kind.name)", "platform": "\(action.platform)",
                "attempt": "\(action.attempts)",
            ])
        let owner = configuration.owner
        let (result, records) = try await holdingLease(named: "action \(action.id)") { until in
            try await self.store.renewLease(action: action.id, owner: owner, until: until)
        } run: {
            try await self.actions.run(action, owner: owner)
        }
        switch result {
        case .finish(let outcome):
            try await store.finishAction(action.id, owner: owner, outcome: outcome, records: records)
            logger.info(
                "action finished", metadata: ["action": "\(action.id)", "status": "\(outcome.status.rawValue)"])
        case .requeue(let error):
            let notBefore = store.clock.now.addingTimeInterval(Self.seconds(configuration.requeueDelay))
            try await store.releaseAction(
                action.id, owner: owner, notBefore: notBefore, error: error, records: records)
            logger.warning("action requeued", metadata: ["action": "\(action.id)", "error": "\(error)"])
        case .wait(let error):
            try await store.releaseAction(
                action.id, owner: owner, notBefore: store.clock.now, error: error, records: records)
            logger.warning(
                "action waits for re-authorisation", metadata: ["action": "\(action.id)", "error": "\(error)"])
        }
    }

    /// Runs `body` while renewing its lease at a third of its length with `renew` (given the new expiry); throws
    /// ``LeaseLost`` when the lease was lost to another worker, which then decides what happens to the work. (A
    /// `CancellationError` here would end this worker's loop, not just the work.)
    private func holdingLease<T: Sendable>(
        named name: String, renew: @escaping @Sendable (Date) async throws -> Bool,
        run body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await self.keepLease(named: name, renew: renew)
                return nil
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let next { return next }
                // The lease keeper returned: the work was lost to another worker.
                throw LeaseLost()
            }
            throw CancellationError()
        }
    }

    /// Renews a lease at a third of its length; returns when the lease was lost.
    private func keepLease(named name: String, renew: @Sendable (Date) async throws -> Bool) async throws {
        let interval = configuration.lease / 3
        while true {
            try await Task.sleep(for: interval)
            let until = store.clock.now.addingTimeInterval(Self.seconds(configuration.lease))
            guard try await renew(until) else {
                logger.warning("lease lost; abandoning the work", metadata: ["work": "\(name)"])
                return
            }
        }
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
