/// A campaign a sync reads, with its mapped campaign, ad groups and ads.
public struct SyncTarget: Sendable, Hashable {
    /// The campaign.
    public var campaign: Campaign
    /// Its platform entities at the levels metrics are read at (campaign, ad group, ad).
    public var mappings: [EntityMapping]

    /// Creates a target.
    public init(campaign: Campaign, mappings: [EntityMapping]) {
        self.campaign = campaign
        self.mappings = mappings
    }
}
