import Foundation

/// A line in an action's log: each change with its old and new value and the platform's answer, retries,
/// recoveries after a crash, and the end.
public struct ActionLogEntry: Sendable, Hashable, Codable {
    /// The action.
    public var actionID: UUID
    /// When.
    public var at: Date
    /// How much it matters.
    public var level: LogLevel
    /// A short machine-readable event name, e.g. `requested`, `changed`, `retry`, `recovered`, `done`, `failed`.
    public var event: String
    /// What happened, for people.
    public var message: String

    /// Creates an entry.
    public init(actionID: UUID, at: Date, level: LogLevel = .info, event: String, message: String) {
        self.actionID = actionID
        self.at = at
        self.level = level
        self.event = event
        self.message = message
    }
}
