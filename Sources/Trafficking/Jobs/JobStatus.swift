/// Where a campaign job is in its life.
public enum JobStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Stored, waiting for a worker.
    case pending = "PENDING"
    /// A worker holds its lease and is creating entities.
    case processing = "PROCESSING"
    /// Every entity exists on the platform.
    case success = "SUCCESS"
    /// Nothing was created, or the job could not run.
    case failed = "FAILED"
    /// Some entities exist, then a permanent error stopped the job; the job lists what exists.
    case partialSuccess = "PARTIAL_SUCCESS"

    /// Whether the job is over: success, failure or partial success.
    public var isTerminal: Bool { self == .success || self == .failed || self == .partialSuccess }
}
