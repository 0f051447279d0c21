import Foundation

/// One entity an emulator created: its platform-native fields plus what the world needs for paging, delivery
/// and attribution.
public struct MockEntity: Sendable, Codable, Hashable {
    /// What the entity does in synthetic delivery.
    public enum Role: String, Sendable, Codable, Hashable {
        /// Delivers impressions (an ad).
        case leaf
        /// Gates delivery of its descendants and may carry their budget (campaign, ad group).
        case container
        /// Takes no part in delivery (creative, media, budget, criterion).
        case passive
    }

    /// A stretch of virtual time during which the entity's own status was active.
    public struct ActiveInterval: Sendable, Codable, Hashable {
        /// When it became active.
        public var start: Date
        /// When it stopped; `nil` while still active.
        public var end: Date?
    }

    /// A budget an entity carried until a change replaced it, so delivery before the change keeps its old budget.
    public struct BudgetPeriod: Sendable, Codable, Hashable {
        /// When the change replaced it.
        public var until: Date
        /// The daily budget it carried, in micros.
        public var dailyMicros: Int64?
        /// The lifetime budget it carried, in micros.
        public var lifetimeMicros: Int64?
    }

    /// Targeting an entity carried until a change replaced it, so delivery before the change keeps its old
    /// audience.
    public struct TargetingPeriod: Sendable, Codable, Hashable {
        /// When the change replaced it.
        public var until: Date
        /// What it targeted; `nil` when its fields set no targeting.
        public var targeting: DeliveryTargeting?
    }

    /// The platform id (`meta`, `tiktok`, `snapchat`, `google`, …).
    public var platform: String
    /// The platform's own kind name, e.g. `adset`, `adgroup`, `adsquad`, `adGroupAd`.
    public var kind: String
    /// The platform id of the entity.
    public var id: String
    /// The ad account (advertiser, customer) it belongs to.
    public var accountID: String
    /// The parent entity's id, where it has one.
    public var parentID: String?
    /// The name.
    public var name: String
    /// The platform-native representation, returned on read.
    public var fields: MockJSON
    /// Virtual creation time.
    public var createdAt: Date
    /// Virtual time of the last change.
    public var updatedAt: Date
    /// Whether it was deleted or removed; deleted entities are hidden from lists.
    public var deleted = false
    /// Its part in delivery.
    public var role: Role
    /// When its own status was active.
    public var activeIntervals: [ActiveInterval] = []
    /// A daily budget it carries, in micros of the account currency.
    public var dailyBudgetMicros: Int64?
    /// A lifetime budget it carries, in micros.
    public var lifetimeBudgetMicros: Int64?
    /// When delivery may start, if scheduled.
    public var scheduleStart: Date?
    /// When delivery must end, if scheduled.
    public var scheduleEnd: Date?
    /// For ads: the landing URL people reach on a click.
    public var landingURL: String?
    /// Budgets replaced by changes, oldest first; `nil` until the first change. The world records them on every
    /// write, so platform code only ever sets the current budget.
    public var budgetHistory: [BudgetPeriod]?
    /// Targeting replaced by changes, oldest first; `nil` until the first change. Recorded by the world, as
    /// ``budgetHistory`` is.
    public var targetingHistory: [TargetingPeriod]?

    /// Creates an entity; `active` starts its first active interval at `createdAt`.
    public init(
        platform: String, kind: String, id: String, accountID: String, parentID: String?, name: String,
        fields: MockJSON, createdAt: Date, role: Role, active: Bool
    ) {
        self.platform = platform
        self.kind = kind
        self.id = id
        self.accountID = accountID
        self.parentID = parentID
        self.name = name
        self.fields = fields
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.role = role
        if active { activeIntervals = [ActiveInterval(start: createdAt, end: nil)] }
    }

    /// Whether its own status is active now.
    public var isActive: Bool { activeIntervals.last.map { $0.end == nil } ?? false }

    /// Records a status change at a virtual instant.
    public mutating func setActive(_ active: Bool, at now: Date) {
        if active, !isActive {
            activeIntervals.append(ActiveInterval(start: now, end: nil))
        } else if !active, isActive, let last = activeIntervals.indices.last {
            activeIntervals[last].end = now
        }
        updatedAt = now
    }
}
