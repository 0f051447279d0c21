import AdPlatformKit
import Foundation

/// What a platform says about one of its entities at an instant: its status and budget. (Stand-in for the lead's
/// API on main; replaced by it on merge.)
public struct EntityObservation: Sendable, Hashable {
    /// The platform.
    public var platform: PlatformID
    /// The entity's platform id.
    public var platformID: String
    /// Its status, when observed.
    public var status: DeliveryStatus?
    /// Its budget, when observed.
    public var budget: Budget?
    /// When the platform reported it.
    public var observedAt: Date

    /// Creates an observation.
    public init(platform: PlatformID, platformID: String, status: DeliveryStatus?, budget: Budget?, observedAt: Date) {
        self.platform = platform
        self.platformID = platformID
        self.status = status
        self.budget = budget
        self.observedAt = observedAt
    }
}

/// Where an observation came from.
public enum ObservationSource: String, Sendable {
    /// A metrics or entity sync.
    case sync
    /// A platform webhook.
    case webhook
}

/// A difference between the platform and our records.
public struct Drift: Sendable, Hashable {
    /// Our campaign.
    public var campaignID: UUID
    /// The entity's platform id.
    public var platformID: String
    /// The status we had.
    public var recorded: DeliveryStatus?
    /// The status the platform reports.
    public var observed: DeliveryStatus?
}
