import AdPlatformKit

extension GoogleRequestBuilder {
    /// A `campaigns:mutate`, `adGroups:mutate` or `adGroupAds:mutate` that sets `status` through an update with
    /// `updateMask: "status"`, or removes the entity for ``DeliveryStatus/removed``.
    public func setStatus(
        _ status: DeliveryStatus, of entity: PlatformEntity, in account: AccountContext
    )
        throws(AdPlatformError) -> PlatformHTTPRequest
    {
        let operation = "setStatus"
        guard [EntityKind.campaign, .adGroup, .ad].contains(entity.kind),
            let resource = GoogleEntityResource.forKind(entity.kind)
        else {
            throw .google(
                .unsupported, "Google statuses are set on campaigns, ad groups and ads, not \(entity.kind)",
                operation: operation, fieldPath: "entity.kind")
        }
        let resourceName = try self.resourceName(of: entity, resource: resource, in: account, operation: operation)
        let change: JSONValue
        if status == .removed {
            change = ["remove": .string(resourceName)]
        } else {
            change = [
                "update": [
                    "resourceName": .string(resourceName),
                    "status": .string(GoogleStatus.platformValue(for: status)),
                ],
                "updateMask": "status",
            ]
        }
        return try post(
            "\(resource.collection):mutate", body: ["operations": [change]], in: account, operation: operation)
    }

    /// An entity's resource name from its attributes, else built from its id (and, for an ad, its ad group id in
    /// ``PlatformEntity/parentID``).
    func resourceName(
        of entity: PlatformEntity, resource: GoogleEntityResource, in account: AccountContext, operation: String
    ) throws(AdPlatformError) -> String {
        if let name = entity.attributes["resourceName"] { return name }
        let customerID = try customerID(for: account, operation: operation)
        var id = entity.id
        if entity.kind == .ad {
            guard let parent = entity.parentID, GoogleResourceName.isNumericID(parent) else {
                throw .google(
                    .invalidParameter, "an ad without a resourceName attribute needs its ad group id as parentID",
                    operation: operation, fieldPath: "entity.parentID")
            }
            id = "\(parent)~\(entity.id)"
        }
        guard GoogleResourceName.isNumericID(entity.id) else {
            throw .google(
                .invalidParameter, "'\(entity.id)' is not a Google Ads id", operation: operation,
                fieldPath: "entity.id")
        }
        return GoogleResourceName.make(customerID: customerID, collection: resource.collection, id: id)
    }
}
