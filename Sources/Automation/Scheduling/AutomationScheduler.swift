import AdPlatformKit
import Foundation
import Logging
import ServiceLifecycle
import Trafficking

/// Runs the automation rules on their schedules, in `adops serve` and `adops worker`: every `tick`, and at once
/// when this process's syncs land metrics or a rule is stored or changed (``RuleStore/automationSignal``), it asks
/// the store which rules are due by the store's clock (the injectable one, so a test or `ADOPS_NOW` moves it) and
/// runs them through the ``Automator``. The store hands each due rule to one scheduler only, so several processes
/// sharing it run each rule once. Runs until graceful shutdown.
public struct AutomationScheduler: Service {
    private let automator: Automator
    private let tick: Duration
    private let logger: Logger

    /// Creates the scheduler; `tick` is how often it looks for due rules, a minute at most (the shortest schedule).
    public init(automator: Automator, tick: Duration = .seconds(5), logger: Logger = Logger(label: "adops.rules")) {
        self.automator = automator
        self.tick = min(tick, .seconds(60))
        self.logger = logger
    }

    /// Runs due rules every tick until graceful shutdown.
    public func run() async throws {
        let signal = automator.engine.store.automationSignal
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            // Read before the pass, so metrics landing during it still wake the next one.
            let generation = signal?.generation
            do {
                _ = try await runOnce()
            } catch is CancellationError {
                return
            } catch {
                // The store may be briefly unavailable; the next tick tries again.
                logger.error("rule pass failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown {
                if let signal, let generation {
                    await signal.wait(after: generation, upTo: tick)
                    try Task.checkCancellation()
                } else {
                    try await Task.sleep(for: tick)
                }
            }
        }
    }

    /// One tick: carries out what a stopped process recorded but never requested, then runs the due rules and logs
    /// what each did.
    public func runOnce() async throws -> [RuleRunReport] {
        let resumed = try await automator.resume()
        if !resumed.isEmpty {
            logger.info("rule actions resumed", metadata: ["actions": "\(resumed.count)"])
        }
        let (reports, unreadable) = try await automator.runDue()
        for error in unreadable {
            logger.error("rule skipped", metadata: ["error": "\(error)"])
        }
        for report in reports {
            let plan = report.plan
            logger.info(
                "rule ran",
                metadata: [
                    "rule": "\(report.ruleID)", "evaluated": "\(plan.evaluated)",
                    "matched": "\(plan.results(.matched).count)", "skipped": "\(plan.results(.skipped).count)",
                    "errored": "\(plan.results(.errored).count)", "actions": "\(report.actionIDs.count)",
                    "refused": "\(report.refusals.count)", "webhooks": "\(report.deliveries.count)",
                ])
        }
        return reports
    }
}
