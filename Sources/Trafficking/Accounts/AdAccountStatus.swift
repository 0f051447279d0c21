/// Whether an ad account can be used for new jobs.
public enum AdAccountStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Usable.
    case active = "ACTIVE"
    /// Switched off by its owners; jobs for it are refused.
    case inactive = "INACTIVE"
    /// Its credentials were rejected and must be renewed before jobs can run.
    case requiresReauth = "REQUIRES_REAUTH"
    /// Suspended by the platform.
    case suspended = "SUSPENDED"
}
