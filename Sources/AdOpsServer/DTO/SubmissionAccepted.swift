import AdPlatformKit
import Foundation
import Trafficking

/// The 202 answer to `POST /api/v1/ads/{platform}`: the job's id and where to follow it.
struct SubmissionAccepted: Encodable, Sendable {
    /// The job.
    var jobID: UUID
    /// The submission's batch.
    var batchID: UUID
    /// The platform.
    var platform: PlatformID
    /// The ad account.
    var adAccountID: UUID
    /// `PENDING`.
    var status: JobStatus
    /// `self`: the job's URL.
    var links: [String: String]

    private enum CodingKeys: String, CodingKey {
        case jobID = "job_id"
        case batchID = "batch_id"
        case platform
        case adAccountID = "ad_account_id"
        case status, links
    }

    /// The answer for a stored job.
    init(_ job: CampaignJob) {
        jobID = job.id
        batchID = job.batchID
        platform = job.platform
        adAccountID = job.accountID
        status = job.status
        links = ["self": JobResource.path(of: job.id)]
    }
}
