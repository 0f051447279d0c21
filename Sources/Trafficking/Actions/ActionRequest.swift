import Foundation

/// What a person, an API client or a rule asks of a campaign: the input of ``TraffickingEngine/requestAction(_:)``.
public struct ActionRequest: Sendable, Hashable {
    /// The campaign of ours.
    public var campaignID: UUID
    /// What to do.
    public var kind: ActionKind
    /// The level to do it at.
    public var level: ActionLevel
    /// Platform ids at ``level``; empty for every mapped entity of that level.
    public var entityIDs: [String]
    /// Who or what asks: `cli`, `api:<key hash prefix>`, `rule:<id>`.
    public var requestedBy: String
    /// The id to store the action under, chosen by the caller so that asking again is safe: a request whose id is
    /// already stored returns that action and stores no second one. `nil`: the engine picks one.
    public var id: UUID?

    /// Creates a request; by default at the campaign level, for every mapped entity.
    public init(
        campaignID: UUID, kind: ActionKind, level: ActionLevel = .campaign, entityIDs: [String] = [],
        requestedBy: String, id: UUID? = nil
    ) {
        self.id = id
        self.campaignID = campaignID
        self.kind = kind
        self.level = level
        self.entityIDs = entityIDs
        self.requestedBy = requestedBy
    }
}
