import AdPlatformKit

extension GoogleRequestBuilder {
    /// An `adGroupAds:mutate` that creates a responsive search ad: every headline and description, up to two
    /// display paths, and the landing URL as the final URL.
    ///
    /// Responsive search ads have no name (`Ad.name` applies to display, image, shopping and video ads only), so
    /// the idempotency marker travels as the URL custom parameter ``GoogleQueryBuilder/markerParameterKey``.
    /// Media are ignored: the format is text only.
    public func createAd(
        _ spec: AdSpec, under adGroup: PlatformEntity, in account: AccountContext
    )
        throws(AdPlatformError) -> PlatformHTTPRequest
    {
        let operation = "createAd"
        let customerID = try customerID(for: account, operation: operation)
        let adGroupName: String
        if let name = adGroup.attributes["resourceName"] {
            adGroupName = name
        } else {
            guard GoogleResourceName.isNumericID(adGroup.id) else {
                throw .google(
                    .invalidParameter, "ad group id '\(adGroup.id)' is not a Google Ads id", operation: operation,
                    fieldPath: "adGroup.id")
            }
            adGroupName = GoogleResourceName.make(customerID: customerID, collection: "adGroups", id: adGroup.id)
        }
        let creative = spec.creative
        var searchAd: [String: JSONValue] = [
            "headlines": .array(creative.headlines.map { ["text": .string($0)] }),
            "descriptions": .array(creative.descriptions.map { ["text": .string($0)] }),
        ]
        if creative.displayPaths.count > 2 {
            throw .google(
                .invalidParameter, "a responsive search ad takes at most two display paths", operation: operation,
                fieldPath: "creative.displayPaths")
        }
        for (index, path) in creative.displayPaths.enumerated() {
            searchAd["path\(index + 1)"] = .string(path)
        }
        let ad: JSONValue = [
            "finalUrls": [.string(spec.landingURL)],
            "responsiveSearchAd": .object(searchAd),
            "urlCustomParameters": [
                ["key": .string(GoogleQueryBuilder.markerParameterKey), "value": .string(spec.marker.value)]
            ],
        ]
        let create: JSONValue = [
            "adGroup": .string(adGroupName),
            "status": try createStatus(spec.status, fieldPath: "status", operation: operation),
            "ad": ad,
        ]
        return try post(
            "adGroupAds:mutate", body: ["operations": [["create": create]]], in: account, operation: operation)
    }
}
