import AdPlatformKit
import Foundation

extension SnapchatRequestBuilder {
    /// Snap's page-size range for lists; larger or smaller requests are clamped into it.
    public static let pageSizeRange = 50...1000

    /// `GET /v1/{campaigns|adsquads|media|creatives|ads}/{id}`.
    public func readEntity(
        _ kind: EntityKind, id: String, in account: AccountContext, operation: String = "readEntity"
    )
        throws(AdPlatformError) -> PlatformHTTPRequest
    {
        let collection = try SnapchatResponseParser.collection(kind, operation: operation)
        return try request(.get, path: path(collection.pluralKey, id), account: account, operation: operation)
    }

    /// `GET /v1/adaccounts/{acct}/{collection}?limit=N[&cursor=…]`: one page of everything of a kind in the
    /// account. Snap takes limits of 50–1000 only, so `pageSize` is clamped into that range.
    public func listEntities(
        _ kind: EntityKind, in account: AccountContext, pageSize: Int, after cursor: String?,
        operation: String = "listEntities"
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let collection = try SnapchatResponseParser.collection(kind, operation: operation)
        return try page(
            path: path("adaccounts", account.accountID, collection.pluralKey), pageSize: pageSize, cursor: cursor,
            account: account, operation: operation)
    }

    /// One page of the collection a marked entity would be in. Snap has no name filter, so the module lists the
    /// parent's collection and matches names itself: ad squads under their campaign and ads under their squad
    /// when a parent is given, else everything in the account.
    public func lookup(
        _ kind: EntityKind, under parent: PlatformEntity?, in account: AccountContext, after cursor: String?
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "findEntity"
        let collection = try SnapchatResponseParser.collection(kind, operation: operation)
        let listPath: String
        switch (collection, parent) {
        case (.adSquads, .some(let campaign)) where campaign.kind == .campaign:
            listPath = path("campaigns", campaign.id, "adsquads")
        case (.ads, .some(let squad)) where squad.kind == .adGroup:
            listPath = path("adsquads", squad.id, "ads")
        default:
            listPath = path("adaccounts", account.accountID, collection.pluralKey)
        }
        return try page(
            path: listPath, pageSize: configuration.lookupPageSize, cursor: cursor, account: account,
            operation: operation)
    }

    /// `GET /v1/{campaigns|adsquads|ads}/{id}/stats` with TOTAL granularity over whole UTC days: `start_time` is
    /// midnight of `since` and `end_time` midnight after `until`, since Snap's end is exclusive.
    public func stats(
        level: EntityKind, entityID: String, since: String, until: String, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "fetchMetrics"
        let collection = try metricsCollection(level)
        let window = try statsWindow(since: since, until: until)
        return try request(
            .get, path: path(collection.pluralKey, entityID, "stats"),
            query: [
                ("granularity", "TOTAL"),
                ("fields", SnapchatStatTotals.fields.joined(separator: ",")),
                ("start_time", window.start), ("end_time", window.end),
            ], account: account, operation: operation)
    }

    /// The collection whose stats a level reads; only campaigns, ad squads and ads report.
    func metricsCollection(_ level: EntityKind) throws(AdPlatformError) -> SnapchatEntityCollection {
        guard let collection = SnapchatEntityCollection(level), [.campaigns, .adSquads, .ads].contains(collection)
        else {
            throw AdPlatformError(
                code: .unsupported, message: "Snapchat reports stats for campaigns, ad squads and ads, not \(level)",
                platform: .snapchat, operation: "fetchMetrics", fieldPath: "level")
        }
        return collection
    }

    /// Snap times for a `since`–`until` day range; throws `invalidParameter` for days not written `YYYY-MM-DD`.
    func statsWindow(since: String, until: String) throws(AdPlatformError) -> (start: String, end: String) {
        guard let start = SnapchatTimestamp.dayBoundary(since) else {
            throw Self.invalidDay(since, field: "since")
        }
        guard let end = SnapchatTimestamp.dayBoundary(until, addingDays: 1) else {
            throw Self.invalidDay(until, field: "until")
        }
        return (start, end)
    }

    /// A list request; a cursor that is a whole `next_link` URL is replayed on the configured host with its own
    /// query, any other cursor is sent as `cursor`.
    private func page(
        path listPath: String, pageSize: Int, cursor: String?, account: AccountContext, operation: String
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        if let cursor, cursor.hasPrefix("http://") || cursor.hasPrefix("https://"), let link = URL(string: cursor) {
            let query = link.query(percentEncoded: true).map(FormURLEncoding.decode) ?? []
            return try request(
                .get, path: link.path(percentEncoded: true), query: query.map { ($0.name, $0.value) },
                account: account, operation: operation)
        }
        let limit = min(max(pageSize, Self.pageSizeRange.lowerBound), Self.pageSizeRange.upperBound)
        var query = [("limit", String(limit))]
        if let cursor { query.append(("cursor", cursor)) }
        return try request(.get, path: listPath, query: query, account: account, operation: operation)
    }

    private static func invalidDay(_ day: String, field: String) -> AdPlatformError {
        AdPlatformError(
            code: .invalidParameter, message: "'\(day)' is not a day written YYYY-MM-DD", platform: .snapchat,
            operation: "fetchMetrics", fieldPath: field)
    }
}
