import AdPlatformKit
import Foundation
import Trafficking

/// A campaign job as the API returns it, and as `adops jobs … --json` and `adops traffic --json` print it. Lists
/// carry the job alone; the detail adds the ids it created, its ledger steps, its execution log and the stored
/// request.
public struct JobResource: Encodable, Sendable {
    /// The job's id.
    var id: UUID
    /// `PENDING`, `PROCESSING`, `SUCCESS`, `FAILED` or `PARTIAL_SUCCESS`.
    var status: JobStatus
    /// The platform.
    var platform: PlatformID
    /// The ad account.
    var adAccountID: UUID
    /// The submission it belongs to.
    var batchID: UUID
    /// How many times a worker claimed it.
    var attempts: Int
    /// The ticket it came from.
    var ticket: TicketReference?
    /// Why it failed or stopped.
    var error: JobErrorResource?
    /// The platform's campaign id, once created.
    var platformCampaignID: String?
    /// Ids created, by kind (`campaign`, `adGroup`, `creative`, `ad`, `budget`, `media`); detail only.
    var externalIDs: [String: [String]]?
    /// The ledger; detail only.
    var steps: [LedgerStepResource]?
    /// The execution log; detail only.
    var log: [LogEntryResource]?
    /// The request as stored (media resolved to stored references or URLs); detail only.
    var request: TraffickingRequest?
    /// The earliest time a worker may claim it.
    var notBefore: Date?
    /// When it was accepted.
    var createdAt: Date
    /// When it last changed.
    var updatedAt: Date
    /// When it reached a terminal status.
    var finishedAt: Date?
    /// `self`, and `retry` when the job can be retried.
    var links: [String: String]

    private enum CodingKeys: String, CodingKey {
        case id, status, platform
        case adAccountID = "ad_account_id"
        case batchID = "batch_id"
        case attempts, ticket, error
        case platformCampaignID = "platform_campaign_id"
        case externalIDs = "external_ids"
        case steps, log, request
        case notBefore = "not_before"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case finishedAt = "finished_at"
        case links
    }

    /// The resource for a job, without its ledger and log.
    public init(_ job: CampaignJob) {
        id = job.id
        status = job.status
        platform = job.platform
        adAccountID = job.accountID
        batchID = job.batchID
        attempts = job.attempts
        ticket = job.ticket
        error = job.error.map(JobErrorResource.init)
        platformCampaignID = job.platformCampaignID
        notBefore = job.notBefore
        createdAt = job.createdAt
        updatedAt = job.updatedAt
        finishedAt = job.finishedAt
        links = ["self": Self.path(of: job.id)]
        if job.status == .failed || job.status == .partialSuccess {
            links["retry"] = Self.path(of: job.id) + "/retry"
        }
    }

    /// The resource for a job with its ledger, log and request.
    public init(_ detail: JobDetail) {
        self.init(detail.job)
        externalIDs = detail.externalIDs
        steps = detail.steps.map(LedgerStepResource.init)
        log = detail.log.map(LogEntryResource.init)
        request = detail.job.request
    }

    /// `/api/v1/jobs/<id>`.
    static func path(of id: UUID) -> String { "/api/v1/jobs/\(id.uuidString)" }
}
