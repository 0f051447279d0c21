import AdPlatformKit
import Foundation
import Trafficking

/// A job as `adops jobs … --json` and `adops traffic --json` print it: the job without its stored request, and,
/// in detail, the ids it created, its steps and its execution log.
struct JobJSON: Encodable {
    /// The job's id.
    var id: UUID
    /// The platform.
    var platform: PlatformID
    /// The ad account (our id).
    var accountID: UUID
    /// `PENDING`, `PROCESSING`, `SUCCESS`, `FAILED` or `PARTIAL_SUCCESS`.
    var status: JobStatus
    /// The request's name.
    var name: String
    /// Why it failed or stopped.
    var error: JobError?
    /// The platform's campaign id, once created.
    var platformCampaignID: String?
    /// How many times a worker claimed it.
    var attempts: Int
    /// The submission it belongs to.
    var batchID: UUID
    /// The ticket it came from.
    var ticket: TicketReference?
    /// When it was accepted.
    var createdAt: Date
    /// When it last changed.
    var updatedAt: Date
    /// When it reached a terminal status.
    var finishedAt: Date?
    /// Ids created, by kind (`campaign`, `adGroup`, `creative`, `ad`, `budget`); detail only.
    var externalIDs: [String: [String]]?
    /// The ledger steps; detail only.
    var steps: [LedgerStep]?
    /// The execution log; detail only.
    var log: [ExecutionLogEntry]?

    /// A job without its ledger and log.
    init(_ job: CampaignJob) {
        id = job.id
        platform = job.platform
        accountID = job.accountID
        status = job.status
        name = job.request.name
        error = job.error
        platformCampaignID = job.platformCampaignID
        attempts = job.attempts
        batchID = job.batchID
        ticket = job.ticket
        createdAt = job.createdAt
        updatedAt = job.updatedAt
        finishedAt = job.finishedAt
    }

    /// A job with the ids it created, its steps and its log.
    init(_ detail: JobDetail) {
        self.init(detail.job)
        externalIDs = detail.externalIDs
        steps = detail.steps
        log = detail.log
    }
}
