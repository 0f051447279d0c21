import AdPlatformKit
import Foundation
import Trafficking

/// One step of a job's ledger, as the API returns it.
struct LedgerStepResource: Encodable, Sendable {
    /// The step key, e.g. `adGroup/families`.
    var key: String
    /// What the step creates.
    var kind: String
    /// `started` or `done`.
    var state: String
    /// The idempotency marker carried in the entity's name.
    var marker: String?
    /// The entities created, the primary one last.
    var entities: [EntityResource]
    /// The platform ids of ``entities``, in the same order.
    var entityIDs: [String]
    /// The platform's reference for uploaded media (Meta image hash, Google asset resource name).
    var mediaReference: String?
    /// How many times the step was started.
    var attempts: Int
    /// When it was first started.
    var startedAt: Date
    /// When it was done.
    var finishedAt: Date?

    private enum CodingKeys: String, CodingKey {
        case key, kind, state, marker, entities
        case entityIDs = "entity_ids"
        case mediaReference = "media_reference"
        case attempts
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }

    /// The resource for a step.
    init(_ step: LedgerStep) {
        key = step.key
        kind = step.kind.rawValue
        state = step.state.rawValue
        marker = step.marker
        entities = step.entities.map(EntityResource.init)
        entityIDs = step.entities.map(\.id)
        mediaReference = step.media?.reference
        attempts = step.attempts
        startedAt = step.startedAt
        finishedAt = step.finishedAt
    }
}
