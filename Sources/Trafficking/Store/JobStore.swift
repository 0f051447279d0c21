import AdPlatformKit
import Foundation

/// Campaign jobs: the queue the worker claims from, with leases, outcomes and write-back.
public protocol JobStore: Sendable {
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
}
