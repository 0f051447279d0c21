import Foundation

/// What became of a recorded rule execution after it was written: the lifecycle action requested for it, or the
/// engine's refusal, or a webhook's delivery. Written after the execution itself, so every execution is on record
/// even when what follows fails or the process stops.
public struct RuleExecutionLink: Sendable, Hashable, Codable {
    /// The line (``RuleExecutionRecord/id``).
    public var recordID: UUID
    /// The lifecycle action requested, if one was.
    public var actionID: UUID?
    /// The refusal or the delivery, for a person.
    public var response: String?
    /// Whether it failed.
    public var failed: Bool

    /// An execution carried out by a lifecycle action.
    public init(recordID: UUID, actionID: UUID) {
        self.recordID = recordID
        self.actionID = actionID
        self.response = nil
        self.failed = false
    }

    /// An execution with an outcome but no lifecycle action: a refusal (`failed`) or a webhook's delivery.
    public init(recordID: UUID, response: String, failed: Bool) {
        self.recordID = recordID
        self.actionID = nil
        self.response = response
        self.failed = failed
    }
}
