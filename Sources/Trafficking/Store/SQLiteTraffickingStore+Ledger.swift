import AdPlatformKit
import Foundation
import GRDB

extension SQLiteTraffickingStore {
    /// The job's steps in the order they were first started; a cached statement, since every job run reads it.
    public func ledger(job: UUID) async throws -> [LedgerStep] {
        try await read { db in try Self.ledger(job: job, db) }
    }

    /// The account, its credentials and the ledger in one read; the credentials are decrypted when asked.
    public func runContext(job: UUID, account: UUID) async throws -> JobRunContext {
        let (row, ledger) = try await read { db in
            (try Self.liveAccount(account.databaseKey, db), try Self.ledger(job: job, db))
        }
        guard let row else { return JobRunContext(account: nil, credentials: { nil }, ledger: ledger) }
        let sealed = row.credentials
        return JobRunContext(
            account: try row.account(), credentials: { try self.openCredentials(sealed, ofAccount: account) },
            ledger: ledger)
    }

    private static func ledger(job: UUID, _ db: Database) throws -> [LedgerStep] {
        try JobStepRow.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM job_steps WHERE job_id = ? ORDER BY started_at, rowid"),
            arguments: [job.databaseKey]
        )
        .map { try $0.step() }
    }

    /// Records steps done and the next one started, with the API calls between them, in one transaction. Throws
    /// ``StoreError`` `notFound` for an unknown job. `startStep` and `completeStep` are this with one side empty.
    public func advance(
        job: UUID, completing completions: [StepCompletion], starting start: StepStart?, calls: [APICallRecord],
        at: Date
    ) async throws {
        let records = try EncodedRecords(JobRunRecords(completions: completions, calls: calls))
        try await write { db in
            try Self.requireJob(job, db)
            try Self.write(records, job: job, at: at, db)
            if let start {
                try Self.start(job: job, key: start.key, kind: start.kind, marker: start.marker, at: at, db)
            }
        }
    }

    /// Writes a run's records: its API calls, its finished steps and its log lines.
    static func write(_ records: EncodedRecords, job: UUID, at: Date, _ db: Database) throws {
        for call in records.calls { try call.insert(db) }
        for completion in records.completions { try complete(completion, job: job, at: at, db) }
        for entry in records.log { try entry.insert(db) }
    }

    /// A new step is inserted `started` with one attempt; a step already `started` (a crash or a retry interrupted
    /// it) counts one more attempt; a `done` step is left as it is. One statement, run at every step.
    private static func start(
        job: UUID, key: String, kind: EntityKind, marker: IdempotencyMarker?, at: Date, _ db: Database
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO job_steps (job_id, step_key, kind, state, marker, entities_json, attempts, started_at)
                VALUES (?, ?, ?, 'started', ?, '[]', 1, ?)
                ON CONFLICT (job_id, step_key) DO UPDATE SET attempts = attempts + 1 WHERE state = 'started'
                """
        ).execute(arguments: [job.databaseKey, key, kind.rawValue, marker?.value, DatabaseTimestamp.text(at)])
    }

    /// Marks a step done with what it created; its `external_id` becomes the primary entity's id (or the media's).
    /// The `campaign` step also sets the job's platform campaign id, in the same transaction, so a crash right after
    /// it cannot lose the id. A step never started is inserted done, its kind taken from its primary entity, or else
    /// from its key's first component.
    private static func complete(
        _ completion: EncodedRecords.Completion, job: UUID, at: Date, _ db: Database
    ) throws {
        let time = DatabaseTimestamp.text(at)
        let arguments: StatementArguments = [
            completion.entitiesJSON, completion.mediaJSON, completion.externalID, time, job.databaseKey, completion.key,
        ]
        try db.cachedStatement(
            sql: """
                UPDATE job_steps SET state = 'done', entities_json = ?, media_json = ?, external_id = ?, finished_at = ?
                WHERE job_id = ? AND step_key = ?
                """
        ).execute(arguments: arguments)
        if db.changesCount == 0 {
            try db.cachedStatement(
                sql: """
                    INSERT INTO job_steps (entities_json, media_json, external_id, finished_at, job_id, step_key,
                        kind, state, attempts, started_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'done', 1, ?)
                    """
            ).execute(arguments: arguments + [completion.kindIfNew, time])
        }
        if let campaignID = completion.campaignID {
            try db.cachedStatement(
                sql: "UPDATE campaign_jobs SET platform_campaign_id = ?, updated_at = ? WHERE id = ?"
            )
            .execute(arguments: [campaignID, time, job.databaseKey])
        }
    }

    static func requireJob(_ job: UUID, _ db: Database) throws {
        let exists = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM campaign_jobs WHERE id = ?)"),
            arguments: [job.databaseKey])
        guard exists == true else {
            throw StoreError(.notFound, "job \(job.databaseKey) does not exist")
        }
    }
}
