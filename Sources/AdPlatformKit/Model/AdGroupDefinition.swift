/// An ad group in a trafficking request: becomes a Meta ad set, TikTok or Google ad group, or Snapchat ad squad.
public struct AdGroupDefinition: Sendable, Hashable, Codable {
    /// The key ads use to refer to this group, unique within the request.
    public var key: String
    /// The name shown on the platform.
    public var name: String
    /// This group's own budget, for platforms that budget ad groups; `nil` takes an even share of the request's.
    public var budget: Budget?
    /// Targeting that replaces the request's for this group; `nil` uses the request's.
    public var targeting: Targeting?
    /// A maximum bid per result, where the platform takes one; `nil` lets the platform bid automatically.
    public var bid: Money?

    /// Creates a group.
    public init(key: String, name: String, budget: Budget? = nil, targeting: Targeting? = nil, bid: Money? = nil) {
        self.key = key
        self.name = name
        self.budget = budget
        self.targeting = targeting
        self.bid = bid
    }
}
