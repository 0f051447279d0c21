import AdPlatformKit
import Foundation
import Trafficking

/// What a job's page shows.
struct JobView {
    /// The job's id.
    var id: String
    /// Its status.
    var status: String
    /// Whether it waits or runs, so the section refreshes itself.
    var active: Bool
    /// Whether it can be retried (FAILED or PARTIAL_SUCCESS).
    var retryable: Bool
    /// The campaign's name, from the request.
    var name: String
    /// The platform.
    var platform: String
    /// The submission it belongs to.
    var batch: String
    /// The platform's campaign id, once created.
    var platformCampaignID: String
    /// Claims so far.
    var attempts: String
    /// When it was queued, last changed and ended.
    var createdAt: String
    var updatedAt: String
    var finishedAt: String
    /// Why it failed.
    var error: String?
    /// Our campaign, for its link.
    var campaignID: String?
    /// The ledger.
    var steps: [Step]
    /// The execution log.
    var log: [CampaignView.LogLine]
    /// Whether anything is logged.
    var hasLog: Bool

    /// A ledger step.
    struct Step {
        var key: String
        var kind: String
        var state: String
        var entities: String
        var attempts: String
        var startedAt: String
        var finishedAt: String
    }

    init(detail: JobDetail, campaign: Campaign?) {
        let job = detail.job
        id = job.id.uuidString
        status = job.status.rawValue
        active = job.status == .pending || job.status == .processing
        retryable = job.status == .failed || job.status == .partialSuccess
        name = job.request.name
        platform = job.platform.rawValue
        batch = job.batchID.uuidString
        platformCampaignID = job.platformCampaignID ?? "—"
        attempts = String(job.attempts)
        createdAt = Format.time(job.createdAt)
        updatedAt = Format.time(job.updatedAt)
        finishedAt = Format.time(job.finishedAt)
        error = job.error?.description
        campaignID = campaign?.id.uuidString
        steps = detail.steps.map { step in
            Step(
                key: step.key, kind: step.kind.rawValue, state: "\(step.state)",
                entities: step.entities.map { "\($0.kind.rawValue) \($0.id) (\($0.name))" }.joined(separator: ", "),
                attempts: String(step.attempts), startedAt: Format.time(step.startedAt),
                finishedAt: Format.time(step.finishedAt))
        }
        log = detail.log.map {
            CampaignView.LogLine(at: Format.time($0.at), level: "\($0.level)", event: $0.event, message: $0.message)
        }
        hasLog = !log.isEmpty
    }
}

extension JobView: TitledView {
    /// The job's campaign name and platform.
    var pageTitle: String { "Job: \(name) · \(platform)" }
}
