import Foundation

/// A line in a job's execution log: what the engine did and why, for people reading a job's history.
public struct ExecutionLogEntry: Sendable, Hashable, Codable {
    /// The job.
    public var jobID: UUID
    /// When.
    public var at: Date
    /// How much it matters.
    public var level: LogLevel
    /// A short machine-readable event name, e.g. `step.done`, `retry`, `recovered`.
    public var event: String
    /// What happened, for people.
    public var message: String

    /// Creates an entry.
    public init(jobID: UUID, at: Date, level: LogLevel = .info, event: String, message: String) {
        self.jobID = jobID
        self.at = at
        self.level = level
        self.event = event
        self.message = message
    }
}
