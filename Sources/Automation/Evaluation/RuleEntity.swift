import AdPlatformKit
import Foundation
import Trafficking

/// An entity rules may look at, with what the scope, the guardrails and the planner need to know of it: where it
/// is, its name and labels, its status, budget and bid as last seen, whether it is learning, and its own targets.
public struct RuleEntity: Sendable, Hashable {
    /// The entity.
    public var key: EntityKey
    /// Our ad account.
    public var accountID: UUID
    /// Its platform.
    public var platform: PlatformID
    /// Its name on the platform.
    public var name: String
    /// Labels people gave it (Meta's ad labels, or ours).
    public var labels: [String]
    /// Its status as last seen; `nil` when unknown.
    public var status: DeliveryStatus?
    /// Its budget as last seen, where it holds one.
    public var budget: Budget?
    /// Its bid as last seen, where it holds one.
    public var bid: BidStrategy?
    /// Whether the platform reports it learning (Meta's `learning_stage_info`, Google's bid-strategy status).
    public var isLearning: Bool
    /// Its own values for targets the conditions name (a campaign's target CPA), replacing the rule's.
    public var targets: [String: Double]
    /// The account's currency.
    public var currency: Currency
    /// When its status, budget and bid were read; a change in the history after this is newer than them. `nil`
    /// when unknown: every change in the history is then taken as newer.
    public var seenAt: Date?

    /// Creates an entity.
    public init(
        key: EntityKey, accountID: UUID, platform: PlatformID, name: String, labels: [String] = [],
        status: DeliveryStatus? = nil, budget: Budget? = nil, bid: BidStrategy? = nil, isLearning: Bool = false,
        targets: [String: Double] = [:], currency: Currency, seenAt: Date? = nil
    ) {
        self.key = key
        self.accountID = accountID
        self.platform = platform
        self.name = name
        self.labels = labels
        self.status = status
        self.budget = budget
        self.bid = bid
        self.isLearning = isLearning
        self.targets = targets
        self.currency = currency
        self.seenAt = seenAt
    }

    /// The entity of a campaign's mapping, with its last-seen status and budget; `nil` for levels actions do not
    /// address (media, creatives, Google's budget entity). The campaign level takes the campaign's budget where
    /// the mapping saw none.
    public init?(
        mapping: EntityMapping, of campaign: Campaign, labels: [String] = [], bid: BidStrategy? = nil,
        isLearning: Bool = false, targets: [String: Double] = [:]
    ) {
        guard let level = ActionLevel(kind: mapping.level) else { return nil }
        self.init(
            key: EntityKey(campaignID: campaign.id, level: level, platformID: mapping.platformID),
            accountID: campaign.accountID, platform: campaign.platform, name: mapping.name, labels: labels,
            status: mapping.lastSeenStatus,
            budget: mapping.lastSeenBudget ?? (level == .campaign ? campaign.budget : nil), bid: bid,
            isLearning: isLearning, targets: targets, currency: campaign.budget.amount.currency,
            seenAt: mapping.lastSeenAt)
    }
}
