import AdPlatformKit

extension TikTokRequestBuilder {
    /// The report metrics requested. `total_complete_payment_rate` is, despite its name, the total value of
    /// complete-payment events, which this module reports as revenue.
    public static let reportMetrics = ["spend", "impressions", "clicks", "conversion", "total_complete_payment_rate"]

    /// The largest report page TikTok serves.
    public static let reportPageSize = 1000

    /// `GET report/integrated/get/`: a BASIC report at the query's level, one dimension (the entity id), over the
    /// query's days, filtered to its ids when it names any.
    public func report(
        _ query: MetricsQuery, page: Int, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "fetchMetrics"
        let resource = try TikTokEntityResource.of(query.level, operation: operation)
        var items: [(String, String)] = [
            ("advertiser_id", account.accountID),
            ("report_type", "BASIC"),
            ("data_level", resource.dataLevel),
            (
                "dimensions",
                JSONValue.array(
                    [.string(resource.idField)] + (query.granularity == .daily ? [.string("stat_time_day")] : [])
                ).encodedString()
            ),
            ("metrics", JSONValue.array(Self.reportMetrics.map(JSONValue.string)).encodedString()),
            ("start_date", query.since),
            ("end_date", query.until),
        ]
        if !query.entityIDs.isEmpty {
            // The report's filter_value is itself JSON text inside the JSON filter list.
            let ids = JSONValue.array(query.entityIDs.map(JSONValue.string)).encodedString()
            let filter: JSONValue = [
                "field_name": .string(resource.idsField), "filter_type": "IN", "filter_value": .string(ids),
            ]
            items.append(("filtering", JSONValue.array([filter]).encodedString()))
        }
        items.append(("page", String(page)))
        items.append(("page_size", String(Self.reportPageSize)))
        return try get("report/integrated/get", query: items, in: account, operation: operation)
    }
}
