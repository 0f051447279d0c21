import AdPlatformKit

extension GoogleQueryBuilder {
    /// An ad group's bid fields: the max CPC and the target overrides.
    public static func adGroupBidQuery(adGroupID: String) throws(AdPlatformError) -> String {
        let id = try lifecycleID(adGroupID, operation: "readBid")
        return "SELECT ad_group.id, ad_group.cpc_bid_micros, ad_group.target_cpa_micros, ad_group.target_roas "
            + "FROM ad_group WHERE ad_group.id = \(id)"
    }

    /// A campaign's bidding strategy type and the cap or target of each strategy this module sets.
    public static func campaignBidQuery(campaignID: String) throws(AdPlatformError) -> String {
        let id = try lifecycleID(campaignID, operation: "readBid")
        return "SELECT campaign.id, campaign.bidding_strategy_type, campaign.target_spend.cpc_bid_ceiling_micros, "
            + "campaign.maximize_conversions.target_cpa_micros, campaign.maximize_conversion_value.target_roas "
            + "FROM campaign WHERE campaign.id = \(id)"
    }

    /// A campaign's live location criteria, with resource names so a change can remove them.
    public static func campaignLocationCriteriaQuery(campaignID: String) throws(AdPlatformError) -> String {
        let id = try lifecycleID(campaignID, operation: "readTargeting")
        return "SELECT campaign_criterion.resource_name, campaign_criterion.negative, "
            + "campaign_criterion.location.geo_target_constant FROM campaign_criterion WHERE campaign.id = \(id) "
            + "AND campaign_criterion.type = 'LOCATION' AND campaign_criterion.status != 'REMOVED'"
    }

    /// An ad group's live age and gender criteria.
    public static func adGroupDemographicsQuery(adGroupID: String) throws(AdPlatformError) -> String {
        let id = try lifecycleID(adGroupID, operation: "readTargeting")
        return "SELECT ad_group_criterion.resource_name, ad_group_criterion.negative, ad_group_criterion.type, "
            + "ad_group_criterion.age_range.type, ad_group_criterion.gender.type FROM ad_group_criterion "
            + "WHERE ad_group.id = \(id) AND ad_group_criterion.type IN ('AGE_RANGE', 'GENDER') "
            + "AND ad_group_criterion.status != 'REMOVED'"
    }

    private static func lifecycleID(_ id: String, operation: String) throws(AdPlatformError) -> String {
        guard GoogleResourceName.isNumericID(id) else {
            throw .google(
                .invalidParameter, "'\(id)' is not a Google Ads id (digits only)", operation: operation,
                fieldPath: "entity.id")
        }
        return id
    }
}
