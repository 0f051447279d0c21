import AdPlatformKit

extension TikTokRequestBuilder {
    /// The page size of marker lookups.
    public static let lookupPageSize = 100

    /// The largest page TikTok's get endpoints serve.
    public static let maximumPageSize = 1000

    /// `GET campaign|adgroup|ad/get/` with a JSON filter, the fields this module reads, and a page.
    public func getEntities(
        _ kind: EntityKind, filtering: [String: JSONValue], page: Int, pageSize: Int, in account: AccountContext,
        operation: String
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let resource = try TikTokEntityResource.of(kind, operation: operation)
        var items: [(String, String)] = [("advertiser_id", account.accountID)]
        if !filtering.isEmpty {
            items.append(("filtering", JSONValue.object(filtering).encodedString()))
        }
        items.append(("fields", JSONValue.array(resource.fields.map(JSONValue.string)).encodedString()))
        items.append(("page", String(page)))
        items.append(("page_size", String(min(max(pageSize, 1), Self.maximumPageSize))))
        return try get("\(resource.endpoint)/get", query: items, in: account, operation: operation)
    }

    /// One page of the search for an entity carrying a marker: by name where TikTok filters names (campaigns, ad
    /// groups; it matches fuzzily, so callers check names exactly), and by parent where one is given.
    public func findEntities(
        marked marker: IdempotencyMarker, kind: EntityKind, parentID: String?, page: Int, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "findEntity"
        let resource = try TikTokEntityResource.of(kind, operation: operation)
        var filtering: [String: JSONValue] = [:]
        if let nameFilter = resource.nameFilterField {
            filtering[nameFilter] = .string(marker.value)
        }
        if let parentID, let parentFilter = resource.parentFilterField {
            filtering[parentFilter] = [.string(parentID)]
        }
        return try getEntities(
            kind, filtering: filtering, page: page, pageSize: Self.lookupPageSize, in: account, operation: operation)
    }

    /// The get request for one entity by id.
    public func readEntity(
        _ kind: EntityKind, id: String, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "readEntity"
        let resource = try TikTokEntityResource.of(kind, operation: operation)
        return try getEntities(
            kind, filtering: [resource.idsField: [.string(id)]], page: 1, pageSize: 1, in: account,
            operation: operation)
    }

    /// One page of every entity of a kind in the account.
    public func listEntities(
        _ kind: EntityKind, page: Int, pageSize: Int, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        try getEntities(kind, filtering: [:], page: page, pageSize: pageSize, in: account, operation: "listEntities")
    }
}
