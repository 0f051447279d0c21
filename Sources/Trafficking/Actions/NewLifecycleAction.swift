import Foundation

/// An action to store: what ``ActionStore/enqueueAction(_:)`` takes. The engine plans its steps
/// (``ActionPlanner``) before it is stored, so refusals come before any platform call.
public struct NewLifecycleAction: Sendable, Hashable {
    /// Our id, time-ordered.
    public var id: UUID
    /// The campaign of ours it changes.
    public var campaignID: UUID
    /// What it does.
    public var kind: ActionKind
    /// The level it works on.
    public var level: ActionLevel
    /// The platform ids asked for; empty for every mapped entity of the level.
    public var targets: [String]
    /// Who or what asked.
    public var requestedBy: String
    /// The entities to change, in order, every one pending.
    public var steps: [ActionStep]

    /// Creates an action to store.
    public init(
        id: UUID, campaignID: UUID, kind: ActionKind, level: ActionLevel, targets: [String], requestedBy: String,
        steps: [ActionStep]
    ) {
        self.id = id
        self.campaignID = campaignID
        self.kind = kind
        self.level = level
        self.targets = targets
        self.requestedBy = requestedBy
        self.steps = steps
    }
}
