import Foundation

/// What became of a logged decision in apply mode: the lifecycle action requested for it, or why the engine refused
/// one. Written after the decision itself, so every decision is logged even when requesting its action fails.
public struct OptimizationActionLink: Sendable, Hashable, Codable {
    /// The log line (``OptimizationRecord/id``).
    public var recordID: UUID
    /// The action requested, or `nil` when it was refused.
    public var actionID: UUID?
    /// Why it was refused, or `nil` when it was requested.
    public var error: String?

    /// A decision carried out by an action.
    public init(recordID: UUID, actionID: UUID) {
        self.recordID = recordID
        self.actionID = actionID
        self.error = nil
    }

    /// A decision whose action the engine refused, and why.
    public init(recordID: UUID, error: String) {
        self.recordID = recordID
        self.actionID = nil
        self.error = error
    }
}
