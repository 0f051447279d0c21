import AdPlatformKit

extension MetaRequestBuilder {
    /// The insights fields requested besides the level's id field.
    static let insightsFields = ["impressions", "clicks", "spend", "actions", "action_values"]

    /// Rows per page of a daily insights report: a row per entity and day makes long reports, so a sync asks for
    /// Graph's largest page (5,000) with its few fields. A month of a thousand campaigns' ads is then about 30
    /// calls rather than 300, each of which counts against the account's rate budget and Meta's usage.
    public static let dailyInsightsPageSize = 5_000

    /// `GET /{v}/act_{id}/insights` at the query's level over its days, filtered to its entities when it names
    /// any, by day with `time_increment=1` for a daily query; pass the previous page's cursor to continue.
    public func insights(
        _ query: MetricsQuery, in context: AccountContext, after cursor: String? = nil
    )
        throws(AdPlatformError) -> PlatformHTTPRequest
    {
        let operation = "fetchMetrics"
        let account = try MetaAccount(context, operation: operation)
        let level = try MetaInsightsLevel.of(query.level, operation: operation)
        var items: [(String, String)] = [
            ("level", level.level),
            ("fields", ([level.idField] + Self.insightsFields).joined(separator: ",")),
            ("time_range", Self.formText(["since": .string(query.since), "until": .string(query.until)])),
        ]
        if query.granularity == .daily { items.append(("time_increment", "1")) }
        if !query.entityIDs.isEmpty {
            let filter: JSONValue = [
                [
                    "field": .string(level.filterField), "operator": "IN",
                    "value": .array(query.entityIDs.map { .string($0) }),
                ]
            ]
            items.append(("filtering", Self.formText(filter)))
        }
        items.append(("limit", String(query.granularity == .daily ? Self.dailyInsightsPageSize : pageSize)))
        if let cursor { items.append(("after", cursor)) }
        return try request(
            .get, path: [account.nodeID, "insights"], query: items, account: account, operation: operation)
    }

    /// `GET /{v}/act_{id}/<edge>` filtered to names containing the marker; the caller checks each name exactly.
    public func findMarked(
        _ marker: IdempotencyMarker, kind: EntityKind, in context: AccountContext, after cursor: String? = nil
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "findEntity"
        let account = try MetaAccount(context, operation: operation)
        let edge = try MetaEdge.of(kind, operation: operation)
        let filter: JSONValue = [["field": "name", "operator": "CONTAIN", "value": .string(marker.value)]]
        var items: [(String, String)] = [
            ("fields", edge.fieldList), ("filtering", Self.formText(filter)), ("limit", String(pageSize)),
        ]
        if let cursor { items.append(("after", cursor)) }
        return try request(
            .get, path: [account.nodeID, edge.name], query: items, account: account, operation: operation)
    }

    /// `GET /{v}/{id}?fields=…`; images, which are addressed by hash, are read through
    /// `GET /{v}/act_{id}/adimages?hashes=["…"]`.
    public func read(
        _ kind: EntityKind, id: String, in context: AccountContext
    ) throws(AdPlatformError)
        -> PlatformHTTPRequest
    {
        let operation = "readEntity"
        let account = try MetaAccount(context, operation: operation)
        let edge = try MetaEdge.of(kind, operation: operation)
        guard kind == .media else {
            return try request(
                .get, path: [id], query: [("fields", edge.fieldList)], account: account, operation: operation)
        }
        // Listed images carry ids like `<account>:<hash>`; the hash is the part Meta filters by.
        let hash = id.split(separator: ":").last.map(String.init) ?? id
        return try request(
            .get, path: [account.nodeID, edge.name],
            query: [("fields", edge.fieldList), ("hashes", Self.formText([.string(hash)]))], account: account,
            operation: operation)
    }

    /// `GET /{v}/act_{id}/<edge>?fields=…&limit=N&after=cursor`.
    public func list(
        _ kind: EntityKind, in context: AccountContext, pageSize: Int, after cursor: String? = nil
    )
        throws(AdPlatformError) -> PlatformHTTPRequest
    {
        let operation = "listEntities"
        let account = try MetaAccount(context, operation: operation)
        let edge = try MetaEdge.of(kind, operation: operation)
        guard pageSize > 0 else {
            throw AdPlatformError(
                code: .invalidParameter, message: "page size must be at least 1, not \(pageSize)", platform: .meta,
                operation: operation, fieldPath: "pageSize")
        }
        var items: [(String, String)] = [("fields", edge.fieldList), ("limit", String(pageSize))]
        if let cursor { items.append(("after", cursor)) }
        return try request(
            .get, path: [account.nodeID, edge.name], query: items, account: account, operation: operation)
    }
}
