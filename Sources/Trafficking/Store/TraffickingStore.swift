import AdPlatformKit
import Foundation

/// Everything the engine keeps, as one store made of small protocols split by concern: ad accounts
/// (``AccountStore``), jobs (``JobStore``), the step ledger (``LedgerStore``), logs (``LogStore``), stored media
/// (``MediaStore``), campaigns with their entity mappings (``CampaignStore``), lifecycle actions
/// (``ActionStore``), synced metrics with the sync log (``MetricsStore``), the receipts of webhook changes
/// (``WebhookStore``), the optimisation log with each campaign's optimisation settings (``OptimizationStore``), and
/// automation rules with their history (``RuleStore``) and creative tests (``CreativeTestStore``). A second
/// implementation comes as a set of those pieces.
///
/// The SQLite implementation is ``SQLiteTraffickingStore``. Each writing method is atomic and has committed when
/// it returns (it may share its transaction with concurrent callers' writes), so a crash between two calls leaves
/// the store consistent; the ledger methods exist so the worker records a step before and after each platform
/// call.
public protocol TraffickingStore: AccountStore, JobStore, LedgerStore, LogStore, MediaStore, CampaignStore,
    ActionStore, MetricsStore, WebhookStore, OptimizationStore, RuleStore, CreativeTestStore, ReportingStore
{
    /// The time of day of this installation: rows are stamped with it, and the engine, the worker and the ticket
    /// intake working on this store read it too, so one injected clock (`ADOPS_NOW`, a test's) sets them all.
    var clock: WallClock { get }
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
