/// Where a lifecycle action is in its life; the same shape as a job's (``JobStatus``).
public enum ActionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Stored, waiting for a worker.
    case pending = "PENDING"
    /// A worker holds its lease and is changing entities.
    case processing = "PROCESSING"
    /// Every entity has the new value.
    case done = "DONE"
    /// A permanent error stopped it; the changes already made are listed, and kept in our records.
    case failed = "FAILED"

    /// Whether the action is over.
    public var isTerminal: Bool { self == .done || self == .failed }
}
