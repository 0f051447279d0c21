import AdPlatformKit
import Foundation
import GRDB

extension SQLiteTraffickingStore {
    private typealias Columns = CampaignJobRow.Columns

    /// Stores jobs as PENDING in one transaction, in the order given. Throws ``StoreError`` `notFound` when a job's
    /// account does not exist or is deleted (deleted accounts take no new jobs), and `conflict` when a job's platform
    /// is not its account's or its id is already taken; then nothing is stored.
    public func enqueue(_ jobs: [NewCampaignJob]) async throws -> [CampaignJob] {
        let now = clock.now
        let rows = try CampaignJobRow.pending(jobs, at: now)
        return try await write { db in
            var platformOfAccount: [String: String] = [:]
            for row in rows {
                if platformOfAccount[row.accountID] == nil {
                    guard let account = try Self.liveAccount(row.accountID, db) else {
                        throw StoreError(
                            .notFound, "account \(row.accountID) of job \(row.id) does not exist or is deleted")
                    }
                    platformOfAccount[row.accountID] = account.platform
                }
                if let platform = platformOfAccount[row.accountID], platform != row.platform {
                    throw StoreError(
                        .conflict,
                        "job \(row.id) is for \(row.platform) but account \(row.accountID) is on \(platform)")
                }
                do {
                    try row.insert(db)
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                    throw StoreError(.conflict, "job \(row.id) already exists")
                }
            }
            let enqueued = try Self.jobs(ids: rows.map(\.id), cache: self.requests, db)
            // Each job is a campaign of ours from the start: a draft until its launch ends.
            for job in enqueued { try Self.projectCampaign(of: job, at: now, db) }
            return enqueued
        }
    }

    /// A job, or `nil`.
    public func job(_ id: UUID) async throws -> CampaignJob? {
        try await read { db in try CampaignJobRow.fetchOne(db, key: id.databaseKey)?.job(cache: requests) }
    }

    /// Jobs, newest first, optionally with one status, with their total.
    public func jobs(status: JobStatus?, page: PageRequest) async throws -> Page<CampaignJob> {
        try await read { db in
            var request = CampaignJobRow.all()
            if let status {
                request = request.filter(Columns.status == status.rawValue)
            }
            let total = try request.fetchCount(db)
            let rows = try request.order(Columns.createdAt.desc, Column.rowID.desc)
                .limit(page.limit, offset: page.offset).fetchAll(db)
            return Page(
                items: try CampaignJobRow.jobs(rows, cache: requests), total: total, limit: page.limit,
                offset: page.offset)
        }
    }

    /// The jobs of one batch in the order they were enqueued, which is the submission's platform order.
    public func jobs(batch: UUID) async throws -> [CampaignJob] {
        try await read { db in
            try CampaignJobRow.jobs(
                CampaignJobRow.filter(Columns.batchID == batch.databaseKey).order(Column.rowID).fetchAll(db),
                cache: requests)
        }
    }

    /// The jobs made from one ticket, in the order they were enqueued, so a ticket read twice is not submitted
    /// twice.
    public func jobs(ticket: TicketReference) async throws -> [CampaignJob] {
        try await read { db in
            try CampaignJobRow.jobs(
                CampaignJobRow.filter(Columns.ticketSource == ticket.source && Columns.ticketID == ticket.id)
                    .order(Column.rowID).fetchAll(db),
                cache: requests)
        }
    }

    /// Claims up to `limit` due jobs, oldest first, in one IMMEDIATE transaction: PENDING jobs whose `not_before`
    /// has passed, and PROCESSING jobs whose lease expired before `now` (their worker is presumed dead). Each
    /// becomes PROCESSING, leased to `owner` until `now + lease`, with one more attempt; taking over an expired
    /// lease also counts one more takeover. Since SQLite has one writer at a time, two workers, even in two
    /// processes, never claim the same job.
    public func claimJobs(owner: String, limit: Int, lease: Duration, now: Date) async throws -> [CampaignJob] {
        let expiry = now.addingTimeInterval(Self.seconds(lease))
        // The rows are decoded after the transaction: a request payload is kilobytes of JSON, and the writer is
        // shared by every job.
        let (time, expiryTime) = (DatabaseTimestamp.text(now), DatabaseTimestamp.text(expiry))
        let rows = try await write { db -> [CampaignJobRow] in
            let ids = try Self.jobQueue.dueIDs(limit: max(limit, 0), now: time, db)
            let read = try db.cachedStatement(sql: "SELECT * FROM campaign_jobs WHERE id = ?")
            return try ids.compactMap { id in
                try Self.jobQueue.claim(id, owner: owner, expiry: expiryTime, now: time, db)
                return try CampaignJobRow.fetchOne(read, arguments: [id])
            }
        }
        do {
            return try CampaignJobRow.jobs(rows, cache: requests)
        } catch {
            throw Self.describingUndecodableRows(error)
        }
    }

    /// The job queue's claims and leases, shared with lifecycle actions.
    static let jobQueue = LeaseQueue(
        table: "campaign_jobs", duePendingSQL: duePendingSQL, expiredLeasesSQL: expiredLeasesSQL)

    /// Due PENDING jobs in claim order, read from the `(status, created_at)` index without sorting; arguments: the
    /// time, the limit.
    ///
    /// Jobs of a REQUIRES_REAUTH account are not due: they wait for its re-authorisation. This is how waiting is
    /// represented, rather than a far `not_before` that a credential update would have to find and reset: nothing
    /// about the job has to change when the account breaks or is repaired, so no crash between two writes, and no
    /// worker racing a credential update, can leave a job waiting for an account that is ACTIVE again. A job that
    /// found its account REQUIRES_REAUTH while running is given back due at once with the reason in its error
    /// (``JobLauncher``); the credential update that makes the account ACTIVE is the one write that releases it.
    /// The check is one primary-key read per job looked at.
    static let duePendingSQL = """
        SELECT j.id, j.created_at, j.rowid FROM campaign_jobs j INDEXED BY campaign_jobs_pending_order
        WHERE j.status = 'PENDING' AND (j.not_before IS NULL OR j.not_before <= ?)
            AND NOT EXISTS (
                SELECT 1 FROM ad_accounts acc WHERE acc.id = j.account_id AND acc.status = 'REQUIRES_REAUTH')
        ORDER BY j.created_at, j.rowid LIMIT ?
        """

    /// PROCESSING jobs whose lease has expired, oldest first (few: at most the workers' concurrency); arguments: the
    /// time, the limit.
    static let expiredLeasesSQL = """
        SELECT id, created_at, rowid FROM campaign_jobs
        WHERE status = 'PROCESSING' AND lease_expires_at < ?
        ORDER BY created_at, rowid LIMIT ?
        """

    /// Moves the lease's expiry to `until` if `owner` still holds the PROCESSING job; `false` when it lost it.
    /// A renewal is a heartbeat, not a change, so `updated_at` stays.
    public func renewLease(job: UUID, owner: String, until: Date) async throws -> Bool {
        try await write { db in try Self.jobQueue.renew(job.databaseKey, owner: owner, until: until, db) }
    }

    /// Gives a job `owner` holds back as PENDING, not to be claimed before `notBefore`, with `error` in its error
    /// columns (`nil` clears them). Does nothing to the job when `owner` no longer holds it: whoever took it over
    /// decides. The run's `records` are written either way, since what they record did happen.
    public func release(
        job: UUID, owner: String, notBefore: Date, error: JobError?, records: JobRunRecords
    ) async throws {
        let now = clock.now
        let records = try EncodedRecords(records)
        try await write { db in
            try Self.write(records, job: job, at: now, db)
            _ = try Self.held(job, by: owner).updateAll(
                db,
                [
                    Columns.status.set(to: JobStatus.pending.rawValue),
                    Columns.leaseOwner.set(to: nil),
                    Columns.leaseExpiresAt.set(to: nil),
                    Columns.notBefore.set(to: notBefore),
                    Columns.updatedAt.set(to: now),
                ] + CampaignJobRow.errorAssignments(error))
        }
    }

    /// Ends a job `owner` holds: its terminal status, the error (cleared on success), `finished_at`, and the
    /// campaign id (a `nil` one keeps the id the campaign step recorded); the lease is cleared. Does nothing when
    /// `owner` no longer holds the job, so a worker that lost its lease cannot overwrite its successor's work; the
    /// run's `records` are written either way.
    public func finish(job: UUID, owner: String, outcome: JobOutcome, records: JobRunRecords) async throws {
        let now = clock.now
        let error: JobError?
        let campaignID: String?
        switch outcome {
        case .success(let id):
            (error, campaignID) = (nil, id)
        case .failed(let jobError, let id), .partialSuccess(let jobError, let id):
            (error, campaignID) = (jobError, id)
        }
        let records = try EncodedRecords(records)
        let time = DatabaseTimestamp.text(now)
        try await write { db in
            try Self.write(records, job: job, at: now, db)
            // One cached statement, run at the end of every job; a `nil` campaign id keeps the recorded one.
            try db.cachedStatement(
                sql: """
                    UPDATE campaign_jobs SET status = ?, lease_owner = NULL, lease_expires_at = NULL, finished_at = ?,
                        updated_at = ?, error_message = ?, error_code = ?, platform_error_code = ?, error_step = ?,
                        error_field = ?, platform_campaign_id = COALESCE(?, platform_campaign_id)
                    WHERE id = ? AND lease_owner = ? AND status = 'PROCESSING'
                    """
            ).execute(arguments: [
                outcome.status.rawValue, time, time, error?.message, error?.code, error?.platformCode, error?.step,
                error?.fieldPath, campaignID, job.databaseKey, owner,
            ])
            // The campaign follows its launch in the same write, so the two never disagree after a crash.
            if db.changesCount > 0, let ended = try CampaignJobRow.fetchOne(db, key: job.databaseKey) {
                try Self.projectCampaign(of: try ended.job(cache: self.requests), at: now, db)
            }
        }
    }

    /// Puts a FAILED or PARTIAL_SUCCESS job back to PENDING, due at once: the error, `finished_at`,
    /// `written_back_at` (the new outcome is written back again) and `not_before` are cleared, and attempts and
    /// takeovers reset to 0 so the worker's limits start afresh. The ledger and the campaign id stay, so done steps are not
    /// redone. Throws ``StoreError`` `notFound` or `conflict`.
    public func retry(job: UUID) async throws -> CampaignJob {
        let now = clock.now
        return try await write { db in
            guard let row = try CampaignJobRow.fetchOne(db, key: job.databaseKey) else {
                throw StoreError(.notFound, "job \(job.databaseKey) does not exist")
            }
            guard row.status == JobStatus.failed.rawValue || row.status == JobStatus.partialSuccess.rawValue else {
                throw StoreError(
                    .conflict,
                    "job \(row.id) is \(row.status); only FAILED or PARTIAL_SUCCESS jobs can be retried")
            }
            try CampaignJobRow.filter(key: row.id).updateAll(
                db,
                [
                    Columns.status.set(to: JobStatus.pending.rawValue),
                    Columns.finishedAt.set(to: nil),
                    Columns.writtenBackAt.set(to: nil),
                    Columns.notBefore.set(to: nil),
                    Columns.leaseOwner.set(to: nil),
                    Columns.leaseExpiresAt.set(to: nil),
                    Columns.attempts.set(to: 0),
                    Columns.takeovers.set(to: 0),
                    Columns.updatedAt.set(to: now),
                ] + CampaignJobRow.errorAssignments(nil))
            let retried = try CampaignJobRow.find(db, key: row.id).job(cache: self.requests)
            try Self.projectCampaign(of: retried, at: now, db)
            return retried
        }
    }

    /// Terminal jobs from tickets whose outcome is not written back yet, oldest finished first.
    public func jobsAwaitingWriteBack(limit: Int) async throws -> [CampaignJob] {
        try await read { db in
            try CampaignJobRow.jobs(
                CampaignJobRow
                    .filter(Self.terminalStatuses.contains(Columns.status))
                    .filter(Columns.ticketSource != nil && Columns.writtenBackAt == nil)
                    .order(Columns.finishedAt, Column.rowID)
                    .limit(max(limit, 0))
                    .fetchAll(db),
                cache: requests)
        }
    }

    /// Records that jobs' outcomes were written back. Only terminal jobs are marked: a job retried since it was
    /// selected has a new outcome coming, which must be written back too.
    public func markWrittenBack(jobs: [UUID], at: Date) async throws {
        let ids = jobs.map(\.databaseKey)
        try await write { db in
            _ = try CampaignJobRow.filter(keys: ids)
                .filter(Self.terminalStatuses.contains(Columns.status))
                .updateAll(db, Columns.writtenBackAt.set(to: at), Columns.updatedAt.set(to: at))
        }
    }

    /// Jobs by id, in the order of `ids`.
    static func jobs(ids: [String], cache: DecodedRequestCache, _ db: Database) throws -> [CampaignJob] {
        let rows = try CampaignJobRow.fetchAll(db, keys: ids)
        let position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return try CampaignJobRow.jobs(
            rows.sorted { (position[$0.id] ?? 0) < (position[$1.id] ?? 0) }, cache: cache)
    }

    private static let terminalStatuses = JobStatus.allCases.filter(\.isTerminal).map(\.rawValue)

    /// The job, if `owner` holds it.
    private static func held(_ job: UUID, by owner: String) -> QueryInterfaceRequest<CampaignJobRow> {
        CampaignJobRow.filter(key: job.databaseKey)
            .filter(Columns.leaseOwner == owner && Columns.status == JobStatus.processing.rawValue)
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
