import AdOpsSamples
import AdPlatformKit
import Automation
import Foundation
import Logging
import MockPlatforms
import ServiceLifecycle
import Trafficking

/// `adops benchmark --rule-latency N`: the time from a metric row landing in the store to the platform call of the
/// rule action it triggers, with the scheduler and a worker running as in `adops serve`.
///
/// It launches the ticket on all four platforms and activates the campaigns, stores two rules over every campaign
/// (pause at 1,000 clicks or more today, unpause below), and starts the rule scheduler (at the settings' tick, 15 s
/// by default) and a worker. Each trial moves the emulators' virtual clock, which the store follows, a minute on so
/// the rules are due, then lands one campaign's row for today, alternately at 1,000 clicks and at 0, in one store
/// write as a sync does. It times, on the monotonic clock, from just before that write to the status call leaving
/// for the emulator (``PlatformCallTimer``). Landing wakes the scheduler (``RuleStore/automationSignal``), so the
/// tick is not in the figure; the rules' own schedule is, on the virtual clock, which the trial moves past.
struct RuleLatencyBenchmark {
    let context: EngineContext
    let timer: PlatformCallTimer
    let world: MockWorld
    let mockPort: Int
    let samples: SampleLibrary
    let ticketName: String
    let ticketLabel: String

    /// A trial whose rule action did not reach the platform.
    struct Failure: Codable {
        var trial: Int
        var platform: String
        var error: String
    }

    /// What one run measured.
    struct Results: Codable {
        var ticketFile: String
        var trials: Int
        var completedTrials: Int
        var failedTrials: Int
        /// The first few failures, with why; empty in a valid run.
        var failures: [Failure]
        /// From just before the row's write to the rule action's status call leaving for the emulator.
        var toPlatformCallP50Milliseconds: Double
        var toPlatformCallP90Milliseconds: Double
        var toPlatformCallP99Milliseconds: Double
        var toPlatformCallMaxMilliseconds: Double
        /// The scheduler's tick: the wait a landing does not trigger.
        var tickSeconds: Int

        func summary() -> String {
            guard failures.isEmpty else {
                return """
                    rule latency benchmark, ticket \(ticketFile): FAILED, \(failedTrials) of \(trials) trials did \
                    not reach the platform (\(completedTrials) did); no latency is reported
                    """
            }
            func ms(_ value: Double) -> String { String(format: "%.1f ms", value) }
            return """
                rule latency benchmark (metric row lands → scheduler → rule → lifecycle action → worker → emulator, \
                in-process), ticket \(ticketFile)
                  \(trials) trials over four platforms (pause at ≥ 1,000 clicks today, unpause below), scheduler \
                tick \(tickSeconds) s
                  row landed to the platform call: p50 \(ms(toPlatformCallP50Milliseconds)), p90 \
                \(ms(toPlatformCallP90Milliseconds)), p99 \(ms(toPlatformCallP99Milliseconds)), max \
                \(ms(toPlatformCallMaxMilliseconds))
                """
        }
    }

    static let rules = [
        """
        {"id": "latency-pause", "name": "Pause at 1,000 clicks today", "scope": {"level": "campaign"},
         "conditions": {"metric": "clicks", "window": "today", "op": ">=", "value": 1000},
         "actions": [{"type": "pause"}], "schedule": {"everyMinutes": 1}}
        """,
        """
        {"id": "latency-resume", "name": "Unpause under 1,000 clicks today", "scope": {"level": "campaign"},
         "conditions": {"metric": "clicks", "window": "today", "op": "<", "value": 1000},
         "actions": [{"type": "unpause"}], "schedule": {"everyMinutes": 1}}
        """,
    ]

    /// Launches and activates the campaigns, calls `afterLaunch` (to add emulator faults), starts the scheduler and
    /// a worker, and times `count` trials.
    func run(count: Int, afterLaunch: () async throws -> Void) async throws -> Results {
        let store = context.store
        var accounts: [UUID] = []
        for account in DemoAccounts.all { accounts.append(try await store.createAccount(account).id) }
        let request = try samples.request(
            ticketName, landingPort: mockPort, flightStart: Schedule.tomorrow(after: store.clock.now))
        let jobs = try await context.engine.submit(request, accounts: accounts)
        let quiet = EngineContext.logger("adops.benchmark", level: .error)
        let launcher = context.worker(concurrency: 1, logger: quiet)
        for _ in jobs { _ = try await launcher.runNext() }
        var campaigns: [Campaign] = []
        for job in jobs {
            guard let over = try await store.job(job.id), over.status == .success,
                let campaign = try await store.campaign(job: job.id)
            else {
                throw CommandFailure.failed("the launch job \(job.id.uuidString) did not end SUCCESS")
            }
            let activate = try await context.engine.requestAction(
                ActionRequest(campaignID: campaign.id, kind: .activate, requestedBy: "benchmark"))
            while try await store.action(activate.id)?.status.isTerminal != true {
                guard try await launcher.runNextAction() else { break }
            }
            guard try await store.action(activate.id)?.status == .done else {
                throw CommandFailure.failed("campaign \(campaign.id.uuidString) could not be activated")
            }
            campaigns.append(campaign)
        }

        try await afterLaunch()
        // No cooldown: the same rule acts on the same campaign every other trial, by design of the benchmark.
        let automator = Automator(
            engine: context.engine,
            guardrails: Guardrails(cooldownMinutes: 0, maxExecutionsPerRulePerDay: 1_000_000))
        for json in Self.rules { _ = try await automator.add(try RuleCoding.decodeJSON(Data(json.utf8))) }
        let tick = context.settings.rulesTickSeconds > 0 ? context.settings.rulesTickSeconds : 15
        let services: [any Service] = [
            AutomationScheduler(automator: automator, tick: .seconds(tick), logger: quiet),
            context.worker(concurrency: 1, logger: quiet),
        ]
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [], logger: quiet)
        return try await withThrowingTaskGroup(of: Void.self, returning: Results.self) { tasks in
            tasks.addTask { try await group.run() }
            // The first pass finds every campaign active and under 1,000 clicks: nothing to do.
            try await Task.sleep(for: .milliseconds(200))
            let results = try await measure(count: count, campaigns: campaigns, tick: tick)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return results
        }
    }

    private func measure(count: Int, campaigns: [Campaign], tick: Int) async throws -> Results {
        var latencies: [Double] = []
        var failures: [Failure] = []
        // Each campaign's clicks today as last landed: 0 (active) until its first pausing trial.
        var clicks: [UUID: Int64] = [:]
        var day: String?
        for trial in 0..<count {
            let campaign = campaigns[trial % campaigns.count]
            let pausing = (trial / campaigns.count) % 2 == 0
            // A minute on, so both rules are due when the row lands.
            world.advance(by: 61)
            var now = context.store.clock.now
            if day != CalendarDay(now).description, day != nil {
                // A new day has no rows yet, and no clicks today would unpause every paused campaign: land every
                // campaign's row as it stands first, untimed, let that pass finish, and move on to the rules' next
                // turn.
                for other in campaigns {
                    try await land(other, clicks: clicks[other.id] ?? 0, at: now)
                }
                try await Task.sleep(for: .milliseconds(300))
                world.advance(by: 61)
                now = context.store.clock.now
            }
            day = CalendarDay(now).description
            clicks[campaign.id] = pausing ? 1_000 : 0
            timer.reset()
            let started = ContinuousClock.now
            try await land(campaign, clicks: pausing ? 1_000 : 0, at: now)

            let deadline = ContinuousClock.now + .seconds(30)
            var action: LifecycleAction?
            var latest: LifecycleAction?
            while ContinuousClock.now < deadline {
                latest = try await context.store.actions(campaign: campaign.id, page: PageRequest(limit: 1)).items.first
                if let latest, latest.createdAt >= now, latest.requestedBy.hasPrefix("rule:"), latest.status.isTerminal
                {
                    action = latest
                    break
                }
                try await Task.sleep(for: .milliseconds(1))
            }
            guard let action, action.status == .done, let call = timer.calls(since: started).last else {
                let seen = latest.map {
                    "the campaign's latest action is \($0.kind) by \($0.requestedBy), \($0.status.rawValue), asked at "
                        + "\($0.createdAt) (the row landed at \(now))"
                }
                failures.append(
                    Failure(
                        trial: trial, platform: campaign.platform.rawValue,
                        error: action?.error?.description ?? "no rule action ended within 30 s; "
                            + (seen ?? "the campaign has no action")))
                continue
            }
            latencies.append(EngineBenchmark.seconds(call.at - started) * 1_000)
        }
        let percentile = EngineBenchmark.percentile
        return Results(
            ticketFile: ticketLabel, trials: count, completedTrials: latencies.count, failedTrials: failures.count,
            failures: Array(failures.prefix(EngineBenchmark.failuresShown)),
            toPlatformCallP50Milliseconds: percentile(latencies, 0.5),
            toPlatformCallP90Milliseconds: percentile(latencies, 0.9),
            toPlatformCallP99Milliseconds: percentile(latencies, 0.99),
            toPlatformCallMaxMilliseconds: latencies.max() ?? 0, tickSeconds: tick)
    }

    /// Lands the campaign's row for today at `clicks` in one store write, in a sync run of its own, as a sync does.
    private func land(_ campaign: Campaign, clicks: Int64, at now: Date) async throws {
        guard let platformID = campaign.platformCampaignID, let module = context.registry[campaign.platform] else {
            throw CommandFailure.failed("campaign \(campaign.id.uuidString) has no platform id")
        }
        let today = CalendarDay(now).description
        let currency = campaign.budget.amount.currency
        let row = DailyMetric(
            campaignID: campaign.id, level: .campaign, platformID: platformID, date: today,
            attributionWindow: module.capabilities.reporting.attributionWindow,
            totals: MetricTotals(
                impressions: 50_000, clicks: clicks, spend: Money(minorUnits: 10_000, currency: currency),
                conversions: 0, conversionValue: Money(minorUnits: 0, currency: currency)),
            syncedAt: now)
        var run = SyncRun(
            id: .timeOrdered(at: now), accountID: campaign.accountID, platform: campaign.platform, kind: .incremental,
            campaignID: campaign.id, since: today, until: today, startedAt: now)
        _ = try await context.store.startSyncRun(run, staleAfter: .seconds(600))
        _ = try await context.store.recordSyncChunk(
            SyncChunk(
                runID: run.id, campaigns: [campaign.id], since: today, until: today, rows: [row], observations: [],
                calls: [], syncedAt: now))
        run.status = .succeeded
        run.finishedAt = now
        try await context.store.finishSyncRun(run)
    }
}
