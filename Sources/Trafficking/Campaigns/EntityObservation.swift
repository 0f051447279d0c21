import AdPlatformKit
import Foundation

/// What a platform said about one of its entities at one moment, from a sync's read or a webhook: its status and,
/// for the entity that holds the budget, its budget. A `nil` field was not reported and is left as it was.
public struct EntityObservation: Sendable, Hashable {
    /// The platform.
    public var platform: PlatformID
    /// The entity's platform id.
    public var platformID: String
    /// The status the platform reported, if it reported one.
    public var status: DeliveryStatus?
    /// The budget the platform reported, if it reported one.
    public var budget: Budget?
    /// When the platform said it.
    public var observedAt: Date

    /// Creates an observation.
    public init(
        platform: PlatformID, platformID: String, status: DeliveryStatus? = nil, budget: Budget? = nil,
        observedAt: Date
    ) {
        self.platform = platform
        self.platformID = platformID
        self.status = status
        self.budget = budget
        self.observedAt = observedAt
    }
}
