/// What an action run has not written yet: its API calls and log lines, written with its next step or its end.
public struct ActionRunRecords: Sendable, Hashable {
    /// API calls made since the last write.
    public var calls: [APICallRecord]
    /// Log lines not yet written.
    public var log: [ActionLogEntry]

    /// Records to write; empty by default.
    public init(calls: [APICallRecord] = [], log: [ActionLogEntry] = []) {
        self.calls = calls
        self.log = log
    }

    /// Nothing to write.
    public static let none = ActionRunRecords()
}
