import AdPlatformKit
import Foundation

/// One entity an action changes: which, the value it gets, the value it had, and how far the change got.
///
/// The steps of an action are planned when it is stored, in the order they run, so a resumed action walks the same
/// entities in the same order and skips the ones already done.
public struct ActionStep: Sendable, Hashable, Codable {
    /// How far a step got.
    public enum State: String, Sendable, Hashable, Codable {
        /// Not started.
        case pending
        /// Its old value is recorded and the platform call may have been sent; a resumed action sends it again
        /// (sets are absolute) or, for a status the platform already shows, records it done without a call.
        case started
        /// The platform confirmed the new value.
        case done
    }

    /// Where an old value came from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// Read from the platform just before the change.
        case platform
        /// Our records: the mapping's last-seen value, or the launch's planned budget.
        case records
    }

    /// The step's place in the action, from 0.
    public var position: Int
    /// The entity's level.
    public var level: ActionLevel
    /// The platform's id of the entity.
    public var platformID: String
    /// The parent's platform id, which some platforms need to address the entity (a Google ad's ad group).
    public var parentPlatformID: String?
    /// The entity's name on the platform.
    public var name: String
    /// The value it gets.
    public var newValue: ActionValue
    /// The value it had, once known; `nil` when neither the platform nor our records know it.
    public var oldValue: ActionValue?
    /// Where ``oldValue`` came from.
    public var oldValueSource: Source?
    /// How far it got.
    public var state: State
    /// What the platform answered to the change: the HTTP status and the start of the body, redacted.
    public var response: String?
    /// When the change was confirmed.
    public var finishedAt: Date?

    /// Creates a step.
    public init(
        position: Int, level: ActionLevel, platformID: String, parentPlatformID: String?, name: String,
        newValue: ActionValue, oldValue: ActionValue?, oldValueSource: Source?, state: State = .pending,
        response: String? = nil, finishedAt: Date? = nil
    ) {
        self.position = position
        self.level = level
        self.platformID = platformID
        self.parentPlatformID = parentPlatformID
        self.name = name
        self.newValue = newValue
        self.oldValue = oldValue
        self.oldValueSource = oldValueSource
        self.state = state
        self.response = response
        self.finishedAt = finishedAt
    }

    /// The field it changes: `status`, `budget`, `bid` or `targeting`.
    public var field: String { newValue.field }

    /// The entity as a platform module addresses it.
    public func entity(on platform: PlatformID) -> PlatformEntity {
        PlatformEntity(
            platform: platform, kind: level.kind, id: platformID, name: name, parentID: parentPlatformID)
    }

    /// `adGroup 1202…: status PAUSED → ACTIVE`.
    public var summary: String {
        "\(level) \(platformID): \(field) \(oldValue?.description ?? "?") → \(newValue)"
    }
}
