import AdPlatformKit
import Foundation

/// One step of a job in the ledger: a campaign, an ad group, a media upload or an ad, with what it created.
public struct LedgerStep: Sendable, Hashable, Codable {
    /// The job.
    public var jobID: UUID
    /// The step key, e.g. `campaign`, `adGroup/families`, `media/social-hero/0`, `ad/0/families/social-hero`.
    public var key: String
    /// What the step creates.
    public var kind: EntityKind
    /// Started or done.
    public var state: StepState
    /// The idempotency marker carried in the entity's name, for steps that create named entities.
    public var marker: String?
    /// The entities the step created, in the order the platform returned them (an ad's creative, then the ad).
    public var entities: [PlatformEntity]
    /// The uploaded media, for media steps.
    public var media: UploadedMedia?
    /// How many times the step was started.
    public var attempts: Int
    /// When it was first started.
    public var startedAt: Date
    /// When it was done.
    public var finishedAt: Date?

    /// Creates a step value.
    public init(
        jobID: UUID, key: String, kind: EntityKind, state: StepState, marker: String? = nil,
        entities: [PlatformEntity] = [], media: UploadedMedia? = nil, attempts: Int = 1, startedAt: Date,
        finishedAt: Date? = nil
    ) {
        self.jobID = jobID
        self.key = key
        self.kind = kind
        self.state = state
        self.marker = marker
        self.entities = entities
        self.media = media
        self.attempts = attempts
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    /// The entity the step is about: the last one it created (the ad, not its creative).
    public var primaryEntity: PlatformEntity? { entities.last }
}
