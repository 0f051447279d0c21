/// How much an execution-log entry matters.
public enum LogLevel: String, Sendable, Hashable, Codable {
    /// Progress.
    case info
    /// Something recovered from: a retry, a lookup after a crash.
    case warning
    /// A failure.
    case error
}
