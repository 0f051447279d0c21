import AdPlatformKit
import Foundation

/// Reads delivery from the platforms into our store: each live or recently live campaign's daily rows at campaign,
/// ad group and ad level, and its entities' status, which finds drift.
///
/// A run covers one account. It re-reads the platform's restatement window (``ReportingCapabilities``) every
/// time, or the whole flight for a full sync, and writes campaigns in chunks, each in one transaction that
/// replaces the chunk's rows over the days read, so a re-sync never duplicates a row and a day the platform
/// restated is stored as restated. Calls go through the engine's pipeline: the account's rate budget, the
/// redacted call log, and the retry rules, which wait out a rate limit until its reset rather than fail. A chunk
/// that still fails is listed in the run's errors and the run goes on; a run whose process dies is resumed by the
/// account's next run, which skips the campaigns it already wrote.
public struct MetricsSyncer: Sendable {
    /// The store.
    public let store: any TraffickingStore
    /// The platform modules.
    public var registry: PlatformRegistry { pipeline.registry }
    /// The platform modules, each run's through its own pipeline.
    public let pipeline: EnginePipeline
    /// Retry rules, rate budget, usage throttle and sleep, as the worker uses them.
    public let configuration: WorkerConfiguration
    /// Campaigns per chunk: per report call and per transaction.
    public var campaignsPerChunk: Int
    /// How long a run may go without writing before another run takes it for dead.
    public var staleAfter: Duration
    /// Refreshes tokens before they expire, shared with the worker in one process.
    public let tokens: TokenRefresher

    /// Creates a syncer.
    public init(
        store: any TraffickingStore, registry: PlatformRegistry, configuration: WorkerConfiguration,
        campaignsPerChunk: Int = 50, staleAfter: Duration = .seconds(600), tokens: TokenRefresher? = nil
    ) {
        self.tokens = tokens ?? TokenRefresher(store: store, registry: registry, configuration: configuration)
        self.store = store
        self.pipeline = EnginePipeline(registry: registry, configuration: configuration, clock: store.clock)
        self.configuration = configuration
        self.campaignsPerChunk = max(1, campaignsPerChunk)
        self.staleAfter = staleAfter
    }

    /// Syncs one account: `full` reads every day of each campaign's flight so far, `incremental` the platform's
    /// restatement window, `entity` one campaign's window. Returns the finished run. Throws ``SyncError`` when the
    /// run cannot start; failures during the run are in its errors.
    public func sync(
        account accountID: UUID, kind: SyncKind, campaign: UUID? = nil,
        progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }
    ) async throws -> SyncRun {
        let plan = try await plan(account: accountID, kind: kind, campaign: campaign)
        let start: SyncStart
        do {
            start = try await store.startSyncRun(
                SyncRun(
                    id: .timeOrdered(at: store.clock.now), accountID: accountID, platform: plan.account.platform,
                    kind: kind, campaignID: campaign, since: plan.since, until: plan.until,
                    startedAt: store.clock.now),
                staleAfter: staleAfter)
        } catch let error as StoreError where error.code == .conflict {
            throw SyncError(.conflict, error.message)
        }
        return try await execute(start, plan: plan, progress: progress)
    }

    /// Runs a queued run a sync service claimed (``MetricsStore/claimSyncRun(staleAfter:)``). A run that cannot
    /// start (a deleted account, one that is not ACTIVE) is finished `failed`, with the reason.
    public func run(
        claimed start: SyncStart, progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }
    ) async throws -> SyncRun {
        let plan: SyncPlan
        do {
            plan = try await self.plan(
                account: start.run.accountID, kind: start.run.kind, campaign: start.run.campaignID)
        } catch let error as SyncError {
            var failed = start.run
            failed.status = .failed
            failed.errors = [error.message]
            failed.finishedAt = store.clock.now
            try await store.finishSyncRun(failed)
            return failed
        }
        var started = start
        started.run.since = plan.since
        started.run.until = plan.until
        return try await execute(started, plan: plan, progress: progress)
    }

    /// What a run reads: the account, its platform and context, the campaigns and the days.
    struct SyncPlan: Sendable {
        var account: AdAccount
        var platform: RegisteredPlatform
        var context: AccountContext
        var targets: [SyncTarget]
        /// The one campaign a run reads, if it reads one.
        var campaign: UUID?
        var since: String
        var until: String
    }

    private func plan(account accountID: UUID, kind: SyncKind, campaign: UUID?) async throws -> SyncPlan {
        let (account, platform, context) = try await prepare(accountID)
        let reporting = platform.capabilities.reporting
        let now = store.clock.now
        let today = CalendarDay(now)
        let windowStart = today.adding(-(try Self.restatementDays(of: account, default: reporting.restatementDays) - 1))
        let endedSince = kind == .full ? Date.distantPast : windowStart.midnight
        var targets = try await store.syncTargets(account: accountID, endedSince: endedSince)
        if kind == .entity || campaign != nil {
            guard let campaign else { throw SyncError(.notFound, "a sync of one campaign needs the campaign's id") }
            targets = targets.filter { $0.campaign.id == campaign }
            guard !targets.isEmpty else {
                throw SyncError(
                    .notFound,
                    "campaign \(campaign) is not a live or recently live campaign of account \(account.name)")
            }
        }
        let since =
            kind == .full
            ? targets.map { CalendarDay($0.campaign.schedule.start) }.min().map { min($0, today) } ?? windowStart
            : windowStart
        return SyncPlan(
            account: account, platform: platform, context: context, targets: targets, campaign: campaign,
            since: since.description,
            until: today.description)
    }

    private func execute(
        _ start: SyncStart, plan: SyncPlan, progress: @escaping @Sendable (SyncProgress) -> Void
    ) async throws -> SyncRun {
        let (account, context, since, today) = (plan.account, plan.context, plan.since, plan.until)
        var targets = plan.targets
        let accountID = account.id
        var run = start.run
        if let resuming = start.resuming {
            targets = targets.filter { ($0.campaign.lastSyncedAt ?? .distantPast) < resuming.startedAt }
        }
        let chunks = targets.chunked(into: campaignsPerChunk)
        let collector = APICallCollector(platform: account.platform, syncRunID: run.id)
        guard
            let module = pipeline.platform(plan.platform, account: context.accountID, calls: collector)
                as? any MetricsFetching
        else {
            // ``prepare(_:)`` checked the ability on the registered platform; a module built otherwise ends the run.
            run.errors.append("the platform module for '\(account.platform)' does not report metrics")
            run.status = .failed
            run.finishedAt = store.clock.now
            try await store.finishSyncRun(run)
            return run
        }
        let live = LiveAccount(context, name: account.name)
        let policy = PlatformCallPolicy(
            store: store, configuration: configuration, accountID: accountID, accountName: account.name,
            tokens: tokens, log: { _, _, _ in })
        var statuses: [String: PlatformEntity] = [:]
        // Stamped with when the reading began, so a change of ours recorded after it (an action finishing
        // meanwhile) is newer and wins over what the read saw.
        let statusesReadAt = store.clock.now
        do {
            statuses = try await entityStatuses(module: module, account: live, policy: policy)
        } catch {
            run.errors.append("reading entity statuses: \(Self.describe(error))")
        }
        // A run over more than one chunk reads each level of the whole account once (the platforms' reports
        // cover an account in a few pages) and writes chunk by chunk; a run of one chunk asks for its ids only.
        var accountRows: [UUID: [DailyMetric]]?
        if plan.campaign == nil, chunks.count > 1 {
            do {
                let rows = try await read(
                    targets, since: since, until: today, module: module, account: live, policy: policy,
                    wholeAccount: true)
                accountRows = Dictionary(grouping: rows, by: \.campaignID)
            } catch let error as StepFailure {
                // Nothing was written: the run fails once, with the reason, and the next run reads it all again.
                run.errors.append("reading the account's reports: \(Self.describe(error))")
                run.calls += try await flush(collector, run: run.id)
                return try await finish(run, chunks: chunks.count)
            }
        }
        for (index, chunk) in chunks.enumerated() {
            // A stopping process stops between chunks: what is written stays, and the next run resumes after it.
            try Task.checkCancellation()
            do {
                let rows: [DailyMetric]
                if let accountRows {
                    rows = chunk.flatMap { accountRows[$0.campaign.id] ?? [] }
                } else {
                    rows = try await read(
                        Array(chunk), since: since, until: today, module: module, account: live, policy: policy)
                }
                let syncedAt = store.clock.now
                let calls = collector.drain()
                let observations = chunk.flatMap(\.mappings).compactMap { mapping -> EntityObservation? in
                    guard let seen = statuses[mapping.platformID], seen.status != nil || seen.budget != nil else {
                        return nil
                    }
                    return EntityObservation(
                        platform: account.platform, platformID: mapping.platformID, status: seen.status,
                        budget: seen.budget, observedAt: statusesReadAt)
                }
                let drifts = try await store.recordSyncChunk(
                    SyncChunk(
                        runID: run.id, campaigns: chunk.map(\.campaign.id), since: since, until: today,
                        rows: rows.map { $0.stamped(syncedAt) }, observations: observations,
                        calls: calls, syncedAt: syncedAt))
                run.campaigns += chunk.count
                run.entities += chunk.reduce(0) { $0 + $1.mappings.count }
                run.rows += rows.count
                run.drifts += drifts.count
                run.calls += calls.count
            } catch let error as StepFailure {
                let names = chunk.map(\.campaign.name)
                run.errors.append("campaigns \(names.first ?? "")…\(names.last ?? ""): \(Self.describe(error))")
                run.calls += try await flush(collector, run: run.id)
                if case .awaitingReauthorisation = error { break }
                if case .permanent(let job) = error, job.code == "authExpired" || job.code == "authInvalid" { break }
            }
            progress(SyncProgress(run: run, chunksDone: index + 1, chunksTotal: chunks.count))
        }
        run.calls += try await flush(collector, run: run.id)
        return try await finish(run, chunks: chunks.count)
    }

    /// Stamps the run's end and status, and stores it.
    private func finish(_ finished: SyncRun, chunks: Int) async throws -> SyncRun {
        var run = finished
        run.finishedAt = store.clock.now
        run.status = run.errors.isEmpty ? .succeeded : run.campaigns > 0 || chunks == 0 ? .partial : .failed
        try await store.finishSyncRun(run)
        return run
    }

    /// The account setting that overrides a restatement window.
    public static let restatementSetting = "restatement_days"

    /// The days an account's syncs read again: its `restatement_days` setting (for a Google account whose
    /// conversion actions count longer than 14 days, say), else the platform's window.
    static func restatementDays(of account: AdAccount, default days: Int) throws -> Int {
        guard let text = account.settings[restatementSetting] else { return days }
        guard let value = Int(text), (1...1_123).contains(value) else {
            throw SyncError(
                .unavailable,
                "ad account \(account.name)'s setting \(restatementSetting) is '\(text)'; expected whole days from 1 to "
                    + "1123 (37 months, the longest any platform keeps)")
        }
        return value
    }

    /// Writes calls not yet written (those of a failed chunk, or of the status reads of a run without chunks).
    private func flush(_ collector: APICallCollector, run: UUID) async throws -> Int {
        let calls = collector.drain()
        guard !calls.isEmpty else { return 0 }
        _ = try await store.recordSyncChunk(
            SyncChunk(
                runID: run, campaigns: [], since: "", until: "", rows: [], observations: [], calls: calls,
                syncedAt: store.clock.now))
        return calls.count
    }

    /// The account, its platform (whose module must report metrics) and its context with credentials.
    private func prepare(_ accountID: UUID) async throws -> (AdAccount, RegisteredPlatform, AccountContext) {
        guard let account = try await store.account(accountID) else {
            throw SyncError(.notFound, "ad account \(accountID) does not exist")
        }
        guard account.status == .active else {
            throw SyncError(
                .unavailable,
                "ad account \(account.name) is \(account.status.rawValue); it syncs again once it is ACTIVE"
                    + (account.status == .requiresReauth
                        ? " (update its credentials with `adops accounts update`)" : ""))
        }
        guard let platform = registry[account.platform], platform.supports((any MetricsFetching).self) else {
            throw SyncError(
                .unavailable, "no platform module that reports metrics is registered for '\(account.platform)'")
        }
        guard let credentials = try await store.credentials(ofAccount: accountID) else {
            throw SyncError(.unavailable, "ad account \(account.name) has no credentials")
        }
        return (account, platform, account.context(credentials: credentials))
    }

    /// Every level's daily rows for the campaigns, in pieces the platform accepts: asked for by id, or, with
    /// `wholeAccount`, for every entity of the account, keeping the rows of these campaigns' entities.
    private func read(
        _ chunk: [SyncTarget], since: String, until: String, module: any MetricsFetching, account: LiveAccount,
        policy: PlatformCallPolicy, wholeAccount: Bool = false
    ) async throws -> [DailyMetric] {
        let reporting = module.capabilities.reporting
        var rows: [DailyMetric] = []
        for level in [EntityKind.campaign, .adGroup, .ad] {
            var owner: [String: UUID] = [:]
            for target in chunk {
                for mapping in target.mappings where mapping.level == level {
                    owner[mapping.platformID] = target.campaign.id
                }
            }
            guard !owner.isEmpty else { continue }
            let ids = owner.keys.sorted()
            guard let first = CalendarDay(since), let last = CalendarDay(until) else { continue }
            for piece in CalendarDay.pieces(since: first, until: last, length: reporting.maximumDaysPerQuery) {
                let query = MetricsQuery(
                    level: level, entityIDs: wholeAccount ? [] : ids, since: piece.since.description,
                    until: piece.until.description,
                    granularity: .daily)
                let answer = try await policy.call(step: "metrics/\(level)", account: account, module: module) {
                    try await module.fetchMetrics(query, in: account.current)
                }
                for row in answer {
                    guard let campaign = owner[row.entityID], let date = row.date, !row.isEmpty else { continue }
                    rows.append(
                        DailyMetric(
                            campaignID: campaign, level: level, platformID: row.entityID, date: date,
                            attributionWindow: reporting.attributionWindow, totals: MetricTotals(row),
                            syncedAt: .distantPast))
                }
            }
        }
        return rows
    }

    /// Every campaign, ad group and ad in the account, with its status and the budget it holds, where the platform
    /// lists them.
    private func entityStatuses(
        module: any AdPlatform, account: LiveAccount, policy: PlatformCallPolicy
    ) async throws -> [String: PlatformEntity] {
        guard let reader = module as? any EntityReading else { return [:] }
        var statuses: [String: PlatformEntity] = [:]
        for level in [EntityKind.campaign, .adGroup, .ad] {
            var cursor: String?
            var seen: Set<String> = []
            repeat {
                let page = try await policy.call(step: "status/\(level)", account: account, module: module) {
                    try await reader.listEntities(level, in: account.current, pageSize: 500, after: cursor)
                }
                for entity in page.entities { statuses[entity.id] = entity }
                cursor = page.nextCursor.flatMap { seen.insert($0).inserted ? $0 : nil }
            } while cursor != nil
        }
        return statuses
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case let failure as StepFailure:
            switch failure {
            case .exhausted(let job), .permanent(let job), .awaitingReauthorisation(let job): job.description
            }
        default: String(describing: error)
        }
    }
}

extension MetricRow {
    /// Whether the row reports nothing at all: platforms that omit such days and those that send zeros then agree.
    fileprivate var isEmpty: Bool {
        impressions == 0 && clicks == 0 && spend.minorUnits == 0 && conversions == 0 && revenue.minorUnits == 0
    }
}

extension DailyMetric {
    fileprivate func stamped(_ at: Date) -> DailyMetric {
        var copy = self
        copy.syncedAt = at
        return copy
    }
}
