import Foundation
import Trafficking

/// A line of a lifecycle action's log, in the shape of a job's log lines.
struct ActionLogEntryResource: Encodable, Sendable {
    /// When.
    var at: Date
    /// `info`, `warning` or `error`.
    var level: String
    /// A short event name, e.g. `changed`, `retry`, `recovered`.
    var event: String
    /// What happened.
    var message: String

    /// The resource for a log entry.
    init(_ entry: ActionLogEntry) {
        at = entry.at
        level = entry.level.rawValue
        event = entry.event
        message = entry.message
    }
}
