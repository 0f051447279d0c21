import AdPlatformKit
import Foundation
import Logging
import ServiceLifecycle
import Trafficking

/// Runs the budget optimiser once a day, in `adops serve` and `adops worker`: at `hour` (UTC) by the store's clock
/// (the injectable one), a pass over every account's live campaigns in the configured mode. A dry run only logs
/// its decisions; an apply pass also requests the changes, for the campaigns whose `autoOptimize` is on.
///
/// A day's pass is not repeated: the service looks for a log line of the same mode written since that day's hour,
/// so a restart, or a second process sharing the store, does not run it again.
public struct OptimizationService: Service {
    private let optimizer: Optimizer
    private let mode: OptimizationMode
    private let hour: Int
    private let tick: Duration
    private let logger: Logger

    /// Creates the service: a pass in `mode` each day at `hour` (0–23, UTC), looked for every `tick`.
    public init(
        optimizer: Optimizer, mode: OptimizationMode, hour: Int = 6, tick: Duration = .seconds(60),
        logger: Logger = Logger(label: "adops.optimize")
    ) {
        self.optimizer = optimizer
        self.mode = mode
        self.hour = min(max(hour, 0), 23)
        self.tick = tick
        self.logger = logger
    }

    /// Runs the day's pass when due, every tick, until graceful shutdown.
    public func run() async throws {
        // The day this process last ran a pass, so a day whose pass logged nothing (no live campaigns) is not
        // tried again every tick.
        var lastDay: CalendarDay?
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                let today = CalendarDay(optimizer.engine.store.clock.now)
                if lastDay != today, try await runIfDue() != nil { lastDay = today }
            } catch is CancellationError {
                return
            } catch {
                logger.error("optimiser pass failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: tick) }
        }
    }

    /// The day's pass, when its hour has come and no pass of this mode is logged since; `nil` otherwise.
    public func runIfDue() async throws -> OptimizationRun? {
        let store = optimizer.engine.store
        let now = store.clock.now
        let due = CalendarDay(now).midnight.addingTimeInterval(Double(hour) * 3_600)
        guard now >= due else { return nil }
        let latest = try await store.optimizationLog(campaign: nil, account: nil, page: PageRequest(limit: 1))
        if let line = latest.items.first, line.createdAt >= due, line.mode == mode.rawValue { return nil }
        let run = try await optimizer.run(mode: mode)
        logger.info(
            "optimiser ran",
            metadata: [
                "mode": "\(mode.rawValue)", "decisions": "\(run.decisions.count)",
                "actions": "\(run.actionIDs.count)", "skipped": "\(run.skipped.count)",
            ])
        return run
    }
}
