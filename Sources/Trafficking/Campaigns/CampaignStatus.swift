import AdPlatformKit

/// Where a campaign of ours is in its life, as last known on the platform (seed 002's campaign statuses).
public enum CampaignStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Submitted; its launch job has not finished yet.
    case draft
    /// Launched and delivering (or set to deliver once its flight starts).
    case live
    /// Launched and paused, as every launch is unless the request asks for `ACTIVE`.
    case paused
    /// Its flight is over.
    case completed
    /// Its launch failed, in whole or in part; the job's error says why.
    case error
    /// Archived by a lifecycle action: it stops delivering for good and takes no further action (Meta `ARCHIVED`,
    /// Google `REMOVED`).
    case archived

    /// The status a campaign has once its launch job is in `job`, for a request that asked for `requested`.
    public static func afterLaunch(job: JobStatus, requested: DeliveryStatus) -> CampaignStatus {
        switch job {
        case .pending, .processing: .draft
        case .failed, .partialSuccess: .error
        case .success: requested == .active ? .live : .paused
        }
    }
}
