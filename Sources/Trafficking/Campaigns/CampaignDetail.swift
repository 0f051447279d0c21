/// A campaign with everything we keep about it: its platform entities at every level and its creatives' versions.
public struct CampaignDetail: Sendable, Hashable, Codable {
    /// The campaign.
    public var campaign: Campaign
    /// Its platform entities, in the order they were created.
    public var mappings: [EntityMapping]
    /// Every version of each creative, oldest first.
    public var creativeVersions: [CreativeVersion]

    /// Creates a detail.
    public init(campaign: Campaign, mappings: [EntityMapping], creativeVersions: [CreativeVersion]) {
        self.campaign = campaign
        self.mappings = mappings
        self.creativeVersions = creativeVersions
    }
}
