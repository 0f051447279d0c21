import AdPlatformKit
import Foundation
import GRDB

extension SQLiteTraffickingStore {
    /// The job's steps in the order they were first started; a cached statement, since every job run reads it.
    public func ledger(job: UUID) async throws -> [LedgerStep] {
        try await read { db in
            try JobStepRow.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM job_steps WHERE job_id = ? ORDER BY started_at, rowid"),
                arguments: [job.databaseKey]
            )
            .map { try $0.step() }
        }
    }

    /// Records steps done and the next one started, with the API calls between them, in one transaction. Throws
    /// ``StoreError`` `notFound` for an unknown job. `startStep` and `completeStep` are this with one side empty.
    public func advance(
        job: UUID, completing completions: [StepCompletion], starting start: StepStart?, calls: [APICallRecord],
        at: Date
    ) async throws {
        try await write { db in
            try Self.requireJob(job, db)
            try Self.write(JobRunRecords(completions: completions, calls: calls), job: job, at: at, db)
            if let start {
                try Self.start(job: job, key: start.key, kind: start.kind, marker: start.marker, at: at, db)
            }
        }
    }

    /// Writes a run's records: its API calls, its finished steps and its log lines.
    static func write(_ records: JobRunRecords, job: UUID, at: Date, _ db: Database) throws {
        for call in records.calls { try APICallRow(call).insert(db) }
        for completion in records.completions {
            try complete(
                job: job, key: completion.key, entities: completion.entities, media: completion.media, at: at, db)
        }
        for entry in records.log { try ExecutionLogRow(entry).insert(db) }
    }

    /// A new step is inserted `started` with one attempt; a step already `started` (a crash or a retry interrupted
    /// it) counts one more attempt; a `done` step is left as it is.
    private static func start(
        job: UUID, key: String, kind: EntityKind, marker: IdempotencyMarker?, at: Date, _ db: Database
    ) throws {
        if var step = try step(job, key, db) {
            guard step.state == StepState.started.rawValue else { return }
            step.attempts += 1
            try step.update(db)
        } else {
            try JobStepRow(job: job, key: key, kind: kind, marker: marker, at: at).insert(db)
        }
    }

    /// Marks a step done with what it created; its `external_id` becomes the primary entity's id (or the media's).
    /// The `campaign` step also sets the job's platform campaign id, in the same transaction, so a crash right after
    /// it cannot lose the id. A step never started is inserted done, its kind taken from its primary entity, or else
    /// from its key's first component.
    private static func complete(
        job: UUID, key: String, entities: [PlatformEntity], media: UploadedMedia?, at: Date, _ db: Database
    ) throws {
        if var step = try step(job, key, db) {
            try step.complete(entities: entities, media: media, at: at)
            try step.update(db)
        } else {
            let kind = entities.last?.kind ?? (media == nil ? EntityKind(rawValue: kindPrefix(of: key)) : .media)
            var step = JobStepRow(job: job, key: key, kind: kind, marker: nil, at: at)
            try step.complete(entities: entities, media: media, at: at)
            try step.insert(db)
        }
        if key == campaignStepKey, let campaign = entities.last(where: { $0.kind == .campaign }) {
            try CampaignJobRow.filter(key: job.databaseKey).updateAll(
                db,
                CampaignJobRow.Columns.platformCampaignID.set(to: campaign.id),
                CampaignJobRow.Columns.updatedAt.set(to: at))
        }
    }

    /// The key of the step that creates the campaign.
    static let campaignStepKey = "campaign"

    /// `adGroup` for `adGroup/families`: step keys start with the kind of what they create.
    private static func kindPrefix(of key: String) -> String {
        String(key.split(separator: "/", maxSplits: 1).first ?? Substring(key))
    }

    /// One step, through a cached statement: the worker reads a step at every ledger write.
    private static func step(_ job: UUID, _ key: String, _ db: Database) throws -> JobStepRow? {
        try JobStepRow.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM job_steps WHERE job_id = ? AND step_key = ?"),
            arguments: [job.databaseKey, key])
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
