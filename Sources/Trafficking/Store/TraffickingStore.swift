import AdPlatformKit
import Foundation

/// Everything the engine keeps: ad accounts, jobs, the step ledger, logs and stored media.
///
/// The SQLite implementation is ``SQLiteTraffickingStore``. Each writing method is atomic and has committed when
/// it returns (it may share its transaction with concurrent callers' writes), so a crash between two calls leaves
/// the store consistent; the ledger methods exist so the worker records a step before and after each platform
/// call.
public protocol TraffickingStore: Sendable {
    /// The time of day of this installation: rows are stamped with it, and the engine, the worker and the ticket
    /// intake working on this store read it too, so one injected clock (`ADOPS_NOW`, a test's) sets them all.
    var clock: WallClock { get }

    // MARK: Ad accounts

    /// Registers an account; its credentials are stored encrypted.
    func createAccount(_ account: NewAdAccount) async throws -> AdAccount
    /// An account that is not deleted, or `nil`.
    func account(_ id: UUID) async throws -> AdAccount?
    /// Accounts that are not deleted, oldest first, optionally of one platform.
    func accounts(platform: PlatformID?, page: PageRequest) async throws -> Page<AdAccount>
    /// Applies changes; `nil` when the account does not exist or is deleted.
    func updateAccount(_ id: UUID, _ changes: AdAccountChanges) async throws -> AdAccount?
    /// Soft-deletes an account; `false` when it does not exist or is already deleted.
    func deleteAccount(_ id: UUID) async throws -> Bool
    /// The account's decrypted credentials, or `nil` when the account does not exist.
    func credentials(ofAccount id: UUID) async throws -> PlatformCredentials?

    // MARK: Jobs

    /// Stores jobs as PENDING, all in one atomic write.
    func enqueue(_ jobs: [NewCampaignJob]) async throws -> [CampaignJob]
    /// A job, or `nil`.
    func job(_ id: UUID) async throws -> CampaignJob?
    /// Jobs, newest first, optionally with one status.
    func jobs(status: JobStatus?, page: PageRequest) async throws -> Page<CampaignJob>
    /// The jobs of one batch (one submission), in platform order.
    func jobs(batch: UUID) async throws -> [CampaignJob]
    /// The jobs made from one ticket, in the order they were enqueued, so a ticket read twice is not submitted twice.
    func jobs(ticket: TicketReference) async throws -> [CampaignJob]
    /// Claims up to `limit` jobs for a worker: PENDING jobs due by `now`, and PROCESSING jobs whose lease expired.
    /// Each claimed job becomes PROCESSING, leased to `owner` until `now + lease`, with its attempts counted; a claim
    /// of an expired lease also counts a takeover (``CampaignJob/takeovers``).
    func claimJobs(owner: String, limit: Int, lease: Duration, now: Date) async throws -> [CampaignJob]
    /// Extends a lease the owner still holds; `false` when it lost the job.
    func renewLease(job: UUID, owner: String, until: Date) async throws -> Bool
    /// Gives a job back as PENDING, not to be claimed before `notBefore`, recording why; writes the run's last
    /// records in the same atomic write.
    func release(job: UUID, owner: String, notBefore: Date, error: JobError?, records: JobRunRecords) async throws
    /// Ends a job the owner holds; writes the run's last records in the same atomic write.
    func finish(job: UUID, owner: String, outcome: JobOutcome, records: JobRunRecords) async throws
    /// Puts a FAILED or PARTIAL_SUCCESS job back to PENDING, keeping its ledger so done steps are not redone.
    /// Throws ``StoreError`` `notFound` or `conflict`.
    func retry(job: UUID) async throws -> CampaignJob
    /// Terminal jobs from tickets whose outcome is not yet written back, oldest first.
    func jobsAwaitingWriteBack(limit: Int) async throws -> [CampaignJob]
    /// Records that jobs' outcomes were written back to their ticket.
    func markWrittenBack(jobs: [UUID], at: Date) async throws

    // MARK: Step ledger

    /// The job's steps, in the order they were first started.
    func ledger(job: UUID) async throws -> [LedgerStep]
    /// The account (with its credentials) and the ledger a worker needs to start or resume a job. A default
    /// reads them one by one; a store that can should read them together.
    func runContext(job: UUID, account: UUID) async throws -> JobRunContext
    /// Records steps done and the next step started (when given), with the API calls between them, in one atomic
    /// write. The worker defers each step's completion to the next step's start, and the last one to the job's
    /// end, so a walk of n steps costs n writes instead of 2n; a crash in between leaves the step `started`, which
    /// the marker lookup resolves on resume.
    func advance(
        job: UUID, completing completions: [StepCompletion], starting start: StepStart?, calls: [APICallRecord],
        at: Date) async throws

    // MARK: Logs

    /// Appends execution-log entries.
    func appendLog(_ entries: [ExecutionLogEntry]) async throws
    /// A job's execution log, oldest first.
    func executionLog(job: UUID) async throws -> [ExecutionLogEntry]
    /// Appends API call records.
    func recordAPICalls(_ calls: [APICallRecord]) async throws
    /// A job's API calls, oldest first.
    func apiCalls(job: UUID) async throws -> [APICallRecord]

    // MARK: Media

    /// Stores media bytes once per content; returns the stored value whose ``StoredMedia/source`` requests use.
    func storeMedia(_ data: Data, contentType: String) async throws -> StoredMedia
    /// Stored media by digest, or `nil`.
    func media(digest: String) async throws -> StoredMedia?
}

extension TraffickingStore {
    /// Reads the account, its credentials and the ledger in three calls. A failure to read the credentials is kept
    /// for when they are asked for, as ``JobRunContext/credentials`` promises.
    public func runContext(job: UUID, account: UUID) async throws -> JobRunContext {
        let found = try await self.account(account)
        var credentials: Result<PlatformCredentials?, any Error> = .success(nil)
        if found != nil {
            do {
                credentials = .success(try await self.credentials(ofAccount: account))
            } catch {
                credentials = .failure(error)
            }
        }
        return JobRunContext(
            account: found, credentials: { [credentials] in try credentials.get() }, ledger: try await ledger(job: job))
    }

    /// Gives a job back as PENDING with nothing else to write.
    public func release(job: UUID, owner: String, notBefore: Date, error: JobError?) async throws {
        try await release(job: job, owner: owner, notBefore: notBefore, error: error, records: .none)
    }

    /// Ends a job with nothing else to write.
    public func finish(job: UUID, owner: String, outcome: JobOutcome) async throws {
        try await finish(job: job, owner: owner, outcome: outcome, records: .none)
    }

    /// Records that a step is about to call the platform, and the API calls made since the last ledger write; one
    /// ``advance(job:completing:starting:calls:at:)``.
    public func startStep(
        job: UUID, key: String, kind: EntityKind, marker: IdempotencyMarker?, calls: [APICallRecord], at: Date
    ) async throws {
        try await advance(
            job: job, completing: [], starting: StepStart(key: key, kind: kind, marker: marker), calls: calls, at: at)
    }

    /// Records that a step is done, with what it created, and the API calls it made; one
    /// ``advance(job:completing:starting:calls:at:)``.
    public func completeStep(
        job: UUID, key: String, entities: [PlatformEntity], media: UploadedMedia?, calls: [APICallRecord], at: Date
    ) async throws {
        try await advance(
            job: job, completing: [StepCompletion(key: key, entities: entities, media: media)], starting: nil,
            calls: calls, at: at)
    }
}
