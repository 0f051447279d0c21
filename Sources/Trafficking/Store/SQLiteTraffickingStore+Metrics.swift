import AdPlatformKit
import Foundation
import GRDB

extension SQLiteTraffickingStore {
    /// The account's live and paused campaigns, and those whose flight ended on or after `endedSince`, oldest
    /// first, with their campaign, ad group and ad mappings.
    public func syncTargets(account: UUID, endedSince: Date) async throws -> [SyncTarget] {
        try await read { db in
            let rows = try CampaignRow.filter(
                CampaignRow.Columns.accountID == account.databaseKey
                    && [
                        CampaignStatus.live.rawValue, CampaignStatus.paused.rawValue, CampaignStatus.completed.rawValue,
                    ]
                    .contains(CampaignRow.Columns.status)
            ).order(CampaignRow.Columns.createdAt, Column.rowID).fetchAll(db)
            let campaigns = try rows.map { try $0.campaign() }.filter { campaign in
                campaign.status == .live || (campaign.schedule.end.map { $0 >= endedSince } ?? true)
            }
            guard !campaigns.isEmpty else { return [] }
            var mappings: [UUID: [EntityMapping]] = [:]
            for keys in campaigns.map(\.id.databaseKey).chunked(into: 500) {
                let found = try EntityMappingRow.filter(
                    keys.contains(EntityMappingRow.Columns.campaignID)
                        && [EntityKind.campaign, .adGroup, .ad].map(\.rawValue).contains(EntityMappingRow.Columns.level)
                ).order(Column.rowID).fetchAll(db)
                for row in found {
                    let mapping = try row.mapping()
                    mappings[mapping.campaignID, default: []].append(mapping)
                }
            }
            return campaigns.map { SyncTarget(campaign: $0, mappings: mappings[$0.id] ?? []) }
        }
    }

    /// Stores a new running run, after marking the account's stale running runs interrupted; see
    /// ``MetricsStore/startSyncRun(_:staleAfter:)``.
    public func startSyncRun(_ run: SyncRun, staleAfter: Duration) async throws -> SyncStart {
        let now = clock.now
        var started = run
        started.status = .running
        let row = try SyncRunRow(started, heartbeatAt: now)
        let running = started
        return try await write { db in
            let resuming = try Self.clearStaleRuns(
                of: row.accountID, for: running, staleAfter: staleAfter, now: now, db)
            try row.insert(db)
            return SyncStart(run: try row.run(), resuming: resuming)
        }
    }

    /// Stores a run asked for, `queued`.
    public func queueSyncRun(_ run: SyncRun) async throws {
        var queued = run
        queued.status = .queued
        let row = try SyncRunRow(queued, heartbeatAt: run.startedAt)
        try await write { db in try row.insert(db) }
    }

    /// Takes the oldest queued run whose account is free, and makes it running.
    public func claimSyncRun(staleAfter: Duration) async throws -> SyncStart? {
        let now = clock.now
        return try await write { db in
            let queued = try SyncRunRow.filter(SyncRunRow.Columns.status == SyncRunStatus.queued.rawValue)
                .order(SyncRunRow.Columns.startedAt, SyncRunRow.Columns.id).fetchAll(db)
            for candidate in queued {
                let run = try candidate.run()
                let resuming: SyncRun?
                do {
                    resuming = try Self.clearStaleRuns(
                        of: candidate.accountID, for: run, staleAfter: staleAfter, now: now, db)
                } catch let error as StoreError where error.code == .conflict {
                    continue
                }
                try db.execute(
                    sql: "UPDATE sync_runs SET status = 'running', started_at = ?, heartbeat_at = ? WHERE id = ?",
                    arguments: [DatabaseTimestamp.text(now), DatabaseTimestamp.text(now), candidate.id])
                var claimed = run
                claimed.status = .running
                claimed.startedAt = now
                return SyncStart(run: claimed, resuming: resuming)
            }
            return nil
        }
    }

    /// Marks the account's running runs that have not written for `staleAfter` interrupted, and returns the one
    /// `run` resumes (same kind and campaign); throws `conflict` when a run of the account is still live.
    private static func clearStaleRuns(
        of account: String, for run: SyncRun, staleAfter: Duration, now: Date, _ db: Database
    ) throws -> SyncRun? {
        let staleBefore = now.addingTimeInterval(-Double(staleAfter.components.seconds))
        let running = try SyncRunRow.filter(
            SyncRunRow.Columns.accountID == account && SyncRunRow.Columns.status == SyncRunStatus.running.rawValue
        ).fetchAll(db)
        if let live = running.first(where: { $0.heartbeatAt > staleBefore }) {
            throw StoreError(
                .conflict, "account \(account) is being synced by run \(live.id), started \(live.startedAt)")
        }
        var resuming: SyncRun?
        for stale in running {
            try db.execute(
                sql: "UPDATE sync_runs SET status = 'interrupted', finished_at = ? WHERE id = ?",
                arguments: [DatabaseTimestamp.text(now), stale.id])
            var interrupted = try stale.run()
            interrupted.status = .interrupted
            interrupted.finishedAt = now
            if interrupted.kind == run.kind && interrupted.campaignID == run.campaignID { resuming = interrupted }
        }
        return resuming
    }

    /// Replaces the chunk's entities' rows over its days, applies its observations, stamps its campaigns synced,
    /// logs its calls and moves the run's heartbeat and figures, in one transaction.
    public func recordSyncChunk(_ chunk: SyncChunk) async throws -> [Drift] {
        let calls = chunk.calls.map(APICallRow.init)
        // New figures: a due rule may act on them now.
        defer { if !chunk.rows.isEmpty { automationSignal?.notify() } }
        return try await write { db in
            let time = DatabaseTimestamp.text(chunk.syncedAt)
            for campaign in chunk.campaigns {
                try db.cachedStatement(
                    sql: "DELETE FROM metric_rows WHERE campaign_id = ? AND date >= ? AND date <= ?"
                ).execute(arguments: [campaign.databaseKey, chunk.since, chunk.until])
                try db.cachedStatement(sql: "UPDATE campaigns SET last_synced_at = ? WHERE id = ?")
                    .execute(arguments: [time, campaign.databaseKey])
            }
            try DailyMetricRow.upsert(chunk.rows, db)
            for call in calls { try call.insert(db) }
            let drifts = try Self.apply(chunk.observations, source: .sync, db)
            try db.cachedStatement(
                sql: """
                    UPDATE sync_runs SET heartbeat_at = ?, campaigns = campaigns + ?, rows = rows + ?,
                        calls = calls + ?, drifts = drifts + ? WHERE id = ?
                    """
            ).execute(arguments: [
                time, chunk.campaigns.count, chunk.rows.count, calls.count, drifts.count, chunk.runID.databaseKey,
            ])
            return drifts
        }
    }

    /// Stores a run's final figures and status.
    public func finishSyncRun(_ run: SyncRun) async throws {
        let row = try SyncRunRow(run, heartbeatAt: run.finishedAt ?? clock.now)
        try await write { db in
            guard try SyncRunRow.exists(db, key: row.id) else {
                throw StoreError(.notFound, "sync run \(row.id) does not exist")
            }
            try row.update(db)
        }
    }

    /// Runs, newest first, of one account or all.
    public func syncRuns(account: UUID?, page: PageRequest) async throws -> Page<SyncRun> {
        try await read { db in
            var request = SyncRunRow.all()
            if let account { request = request.filter(SyncRunRow.Columns.accountID == account.databaseKey) }
            let total = try request.fetchCount(db)
            let rows = try request.order(SyncRunRow.Columns.startedAt.desc, SyncRunRow.Columns.id.desc)
                .limit(page.limit, offset: page.offset).fetchAll(db)
            return Page(items: try rows.map { try $0.run() }, total: total, limit: page.limit, offset: page.offset)
        }
    }

    /// One run, or `nil`.
    public func syncRun(_ id: UUID) async throws -> SyncRun? {
        try await read { db in try SyncRunRow.fetchOne(db, key: id.databaseKey)?.run() }
    }

    /// A campaign's daily rows between two days, by day then level.
    public func metrics(
        campaign: UUID, since: String, until: String, level: EntityKind?
    ) async throws
        -> [DailyMetric]
    {
        try await read { db in
            var request = DailyMetricRow.filter(
                DailyMetricRow.Columns.campaignID == campaign.databaseKey && DailyMetricRow.Columns.date >= since
                    && DailyMetricRow.Columns.date <= until)
            if let level { request = request.filter(DailyMetricRow.Columns.level == level.rawValue) }
            return try request.order(
                DailyMetricRow.Columns.date, DailyMetricRow.Columns.level, DailyMetricRow.Columns.platformID
            ).fetchAll(db).map { try $0.metric() }
        }
    }

    /// A campaign's drifts, newest first.
    public func drifts(campaign: UUID) async throws -> [Drift] {
        try await read { db in
            try DriftRow.filter(DriftRow.Columns.campaignID == campaign.databaseKey)
                .order(DriftRow.Columns.detectedAt.desc, DriftRow.Columns.id.desc).fetchAll(db).map { try $0.drift() }
        }
    }
}

extension Array {
    /// The array in consecutive pieces of at most `size` elements.
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: Swift.max(size, 1)).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
