import Foundation
import Trafficking

/// A line of a job's execution log.
struct LogEntryResource: Encodable, Sendable {
    /// When.
    var at: Date
    /// `info`, `warning` or `error`.
    var level: String
    /// A short event name, e.g. `step.done`.
    var event: String
    /// What happened.
    var message: String

    /// The resource for a log entry.
    init(_ entry: ExecutionLogEntry) {
        at = entry.at
        level = entry.level.rawValue
        event = entry.event
        message = entry.message
    }
}
