import AdPlatformKit
import Foundation

/// A change to a launched campaign on its platform (activate, pause, resume, a budget), run as a durable job: stored
/// before any platform call, claimed by a worker with a lease, each entity's change recorded as it is made, and
/// finished in one write that brings the campaign and its entity mappings up to date.
public struct LifecycleAction: Sendable, Hashable, Codable, Identifiable {
    /// Our id, time-ordered.
    public var id: UUID
    /// The campaign of ours it changes.
    public var campaignID: UUID
    /// The campaign's ad account.
    public var accountID: UUID
    /// The campaign's platform.
    public var platform: PlatformID
    /// What it does.
    public var kind: ActionKind
    /// The level it works on.
    public var level: ActionLevel
    /// The platform ids it was asked to change at ``level``; empty for every mapped entity of that level.
    public var targets: [String]
    /// Who or what asked: `cli`, `api:<key hash prefix>`, later `rule:<id>`.
    public var requestedBy: String
    /// Where it is in its life.
    public var status: ActionStatus
    /// Why it failed, or why it last went back to the queue; the platform's message where it gave one.
    public var error: JobError?
    /// Every entity it changes, in the order they are changed.
    public var steps: [ActionStep]
    /// Claims so far, takeovers included.
    public var attempts: Int
    /// Claims that took it over from a worker whose lease ran out.
    public var takeovers: Int
    /// The worker holding it, while PROCESSING.
    public var leaseOwner: String?
    /// When the worker's lease runs out.
    public var leaseExpiresAt: Date?
    /// Not to be claimed before this, after its retries ran out.
    public var notBefore: Date?
    /// When it was asked for.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date
    /// When it ended.
    public var finishedAt: Date?

    /// Creates an action record.
    public init(
        id: UUID, campaignID: UUID, accountID: UUID, platform: PlatformID, kind: ActionKind, level: ActionLevel,
        targets: [String], requestedBy: String, status: ActionStatus, error: JobError?, steps: [ActionStep],
        attempts: Int, takeovers: Int, leaseOwner: String?, leaseExpiresAt: Date?, notBefore: Date?,
        createdAt: Date, updatedAt: Date, finishedAt: Date?
    ) {
        self.id = id
        self.campaignID = campaignID
        self.accountID = accountID
        self.platform = platform
        self.kind = kind
        self.level = level
        self.targets = targets
        self.requestedBy = requestedBy
        self.status = status
        self.error = error
        self.steps = steps
        self.attempts = attempts
        self.takeovers = takeovers
        self.leaseOwner = leaseOwner
        self.leaseExpiresAt = leaseExpiresAt
        self.notBefore = notBefore
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.finishedAt = finishedAt
    }

    /// The changes made so far: each done step, with its entity, field, old and new value.
    public var changes: [ActionStep] { steps.filter { $0.state == .done } }
}
