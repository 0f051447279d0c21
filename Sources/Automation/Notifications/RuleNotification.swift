import AdPlatformKit
import Foundation
import Trafficking

/// The body of a rule's notification webhook: which rule fired, when, and the entities it matched with the values
/// that matched. One delivery per rule run and URL, listing every entity notified in that run.
public struct RuleNotification: Sendable, Hashable, Codable {
    /// One notified entity.
    public struct Entity: Sendable, Hashable, Codable {
        /// Our campaign.
        public var campaignID: UUID
        /// The level.
        public var level: ActionLevel
        /// The platform.
        public var platform: PlatformID
        /// The platform's id of the entity.
        public var platformID: String
        /// Its name.
        public var name: String
        /// The values its conditions read.
        public var values: [ObservedValue]

        /// Creates an entity entry.
        public init(
            campaignID: UUID, level: ActionLevel, platform: PlatformID, platformID: String, name: String,
            values: [ObservedValue]
        ) {
            self.campaignID = campaignID
            self.level = level
            self.platform = platform
            self.platformID = platformID
            self.name = name
            self.values = values
        }
    }

    /// The same for every retry of one delivery, so a receiver can drop duplicates.
    public var deliveryID: String
    /// The rule.
    public var ruleID: String
    /// Its name.
    public var ruleName: String
    /// When the rule ran.
    public var firedAt: Date
    /// The entities, in evaluation order.
    public var entities: [Entity]

    /// Creates a notification.
    public init(deliveryID: String, ruleID: String, ruleName: String, firedAt: Date, entities: [Entity]) {
        self.deliveryID = deliveryID
        self.ruleID = ruleID
        self.ruleName = ruleName
        self.firedAt = firedAt
        self.entities = entities
    }
}
