import AdPlatformKit

extension GoogleRequestBuilder {
    /// One atomic `googleAds:mutate` that creates a search ad group, a broad-match keyword criterion per keyword,
    /// and a campaign location criterion for each of the group's countries the campaign does not target yet.
    ///
    /// Google targets locations per campaign, and ``CampaignSpec`` carries no targeting, so countries travel with
    /// the ad groups: pass the campaign's current locations as `existingLocations` so none is added twice. Age and
    /// gender are not sent: Google's demographic criteria are exclusions of fixed buckets, and a generic range
    /// does not map onto them without guessing.
    public func createAdGroup(
        _ spec: AdGroupSpec, under campaign: PlatformEntity, existingLocations: Set<String> = [],
        in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "createAdGroup"
        let customerID = try customerID(for: account, operation: operation)
        let campaignName = try campaignResourceName(of: campaign, customerID: customerID, operation: operation)
        let adGroupName = GoogleResourceName.make(customerID: customerID, collection: "adGroups", id: "-1")
        var adGroup: [String: JSONValue] = [
            "resourceName": .string(adGroupName),
            "name": .string(spec.name),
            "campaign": .string(campaignName),
            "status": try createStatus(spec.status, fieldPath: "status", operation: operation),
            "type": "SEARCH_STANDARD",
        ]
        if let bid = spec.bid {
            adGroup["cpcBidMicros"] = try micros(bid, in: account, fieldPath: "bid", operation: operation)
        }
        var operations: [JSONValue] = [["adGroupOperation": ["create": .object(adGroup)]]]
        for keyword in spec.targeting.keywords {
            operations.append([
                "adGroupCriterionOperation": [
                    "create": [
                        "adGroup": .string(adGroupName),
                        "status": "ENABLED",
                        "keyword": ["text": .string(keyword), "matchType": "BROAD"],
                    ]
                ]
            ])
        }
        let locations = try locationResourceNames(
            forCountries: spec.targeting.countries, fieldPath: "targeting.countries", operation: operation)
        for location in locations where !existingLocations.contains(location) {
            operations.append(locationCriterionOperation(campaign: campaignName, location: location))
        }
        return try post(
            "googleAds:mutate", body: ["mutateOperations": .array(operations), "partialFailure": false],
            in: account, operation: operation)
    }

    /// The campaign's resource name from its attributes, or built from its id.
    func campaignResourceName(
        of campaign: PlatformEntity, customerID: String, operation: String
    )
        throws(AdPlatformError) -> String
    {
        if let name = campaign.attributes["resourceName"] { return name }
        guard GoogleResourceName.isNumericID(campaign.id) else {
            throw .google(
                .invalidParameter, "campaign id '\(campaign.id)' is not a Google Ads id", operation: operation,
                fieldPath: "campaign.id")
        }
        return GoogleResourceName.make(customerID: customerID, collection: "campaigns", id: campaign.id)
    }
}
