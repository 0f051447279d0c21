import AdPlatformKit
import Foundation
import Logging
import ServiceLifecycle

/// Keeps synced metrics fresh, in `adops serve` and `adops worker`: it runs the sync runs asked for through the
/// API (queued in the store, so any process sharing the database may run them), and every `interval` an
/// incremental sync of each ACTIVE account whose last run is older than that. Runs until graceful shutdown.
public struct MetricsSyncService: Service {
    private let syncer: MetricsSyncer
    private let interval: Duration?
    private let pollInterval: Duration
    private let logger: Logger

    /// Creates the service; `interval` `nil` runs only the runs asked for.
    public init(
        syncer: MetricsSyncer, interval: Duration? = .seconds(900), pollInterval: Duration = .seconds(1),
        logger: Logger = Logger(label: "adops.sync")
    ) {
        self.syncer = syncer
        self.interval = interval
        self.pollInterval = pollInterval
        self.logger = logger
    }

    /// Runs queued runs as they come and scheduled ones when due, until graceful shutdown.
    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                try await runQueued()
                try await runScheduled()
            } catch is CancellationError {
                return
            } catch {
                // The store may be briefly unavailable; the next pass tries again.
                logger.error("metrics sync pass failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
        }
    }

    /// Runs every queued run this process can claim.
    func runQueued() async throws {
        while !Task.isShuttingDownGracefully,
            let start = try await syncer.store.claimSyncRun(staleAfter: syncer.staleAfter)
        {
            report(try await syncer.run(claimed: start))
        }
    }

    /// Syncs each ACTIVE account whose last run started more than `interval` ago.
    func runScheduled() async throws {
        guard let interval else { return }
        let store = syncer.store
        let now = store.clock.now
        var offset = 0
        while true {
            let page = try await store.accounts(
                platform: nil, page: PageRequest(limit: PageRequest.maximumLimit, offset: offset))
            for account in page.items where account.status == .active {
                let last = try await store.syncRuns(account: account.id, page: PageRequest(limit: 1)).items.first
                if let last, now.timeIntervalSince(last.startedAt) < Double(interval.components.seconds) { continue }
                guard !Task.isShuttingDownGracefully else { return }
                do {
                    report(try await syncer.sync(account: account.id, kind: .incremental))
                } catch let error as SyncError {
                    logger.debug(
                        "scheduled sync skipped", metadata: ["account": "\(account.id)", "reason": "\(error)"])
                }
            }
            guard let next = page.nextOffset else { return }
            offset = next
        }
    }

    private func report(_ run: SyncRun) {
        let metadata: Logger.Metadata = [
            "run": "\(run.id)", "account": "\(run.accountID)", "kind": "\(run.kind.rawValue)",
            "status": "\(run.status.rawValue)", "campaigns": "\(run.campaigns)", "rows": "\(run.rows)",
            "calls": "\(run.calls)", "drifts": "\(run.drifts)",
        ]
        if run.errors.isEmpty {
            logger.info("metrics synced", metadata: metadata)
        } else {
            logger.warning("metrics sync had errors", metadata: metadata.merging(["errors": "\(run.errors)"]) { $1 })
        }
    }
}
