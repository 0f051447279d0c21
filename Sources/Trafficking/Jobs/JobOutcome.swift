/// How a worker ends a job it holds.
public enum JobOutcome: Sendable, Hashable {
    /// Every step is done.
    case success(platformCampaignID: String?)
    /// Nothing usable was created.
    case failed(JobError, platformCampaignID: String?)
    /// Some entities exist; the error stopped the rest.
    case partialSuccess(JobError, platformCampaignID: String?)

    /// The status the job ends in.
    public var status: JobStatus {
        switch self {
        case .success: .success
        case .failed: .failed
        case .partialSuccess: .partialSuccess
        }
    }
}
