/// Where a metrics sync run is.
public enum SyncRunStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Reading.
    case running
    /// Every campaign was synced.
    case succeeded
    /// Some campaigns were synced and some failed; the errors say which.
    case partial
    /// Nothing could be synced.
    case failed
    /// Its process stopped before it finished; the next run of the account resumes after the campaigns it synced.
    case interrupted
}
