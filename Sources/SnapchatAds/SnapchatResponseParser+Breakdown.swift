import AdPlatformKit

extension SnapchatResponseParser {
    /// One ``MetricRow`` per entity and day of an account's `DAY` stats split by `breakdown`: the entities are in
    /// `breakdown_stats.<breakdown>` of the `timeseries_stat` (or, as some answers put it, of the
    /// `timeseries_stats` item itself), each with its own `timeseries`.
    public func breakdownMetricRows(
        level: EntityKind, breakdown: String, currency: Currency, from response: PlatformHTTPResponse,
        operation: String
    ) throws(AdPlatformError) -> [MetricRow] {
        let expected =
            "{\"timeseries_stats\":[{\"timeseries_stat\":{\"breakdown_stats\":{\"\(breakdown)\":[{\"id\",\"timeseries\"}]}}}]}"
        let json = try envelope(response, operation: operation, expected: expected)
        let requestID = json["request_id"]?.scalarText
        guard let items = json["timeseries_stats"]?.arrayValue else {
            throw errorMapper.malformed(expected: expected, in: response, operation: operation)
        }
        var rows: [MetricRow] = []
        for item in items {
            try checkSubRequest(item, response: response, requestID: requestID, operation: operation)
            let split = item["timeseries_stat"]?["breakdown_stats"] ?? item["breakdown_stats"]
            guard let entities = split?[breakdown]?.arrayValue else {
                throw errorMapper.malformed(expected: expected, in: response, operation: operation)
            }
            for entity in entities {
                guard let id = entity["id"]?.scalarText, let days = entity["timeseries"]?.arrayValue else {
                    throw errorMapper.malformed(expected: expected, in: response, operation: operation)
                }
                for day in days {
                    guard let start = day["start_time"]?.scalarText, start.count >= 10, let stats = day["stats"],
                        stats.objectValue != nil
                    else {
                        throw errorMapper.malformed(expected: expected, in: response, operation: operation)
                    }
                    var totals = SnapchatStatTotals()
                    if let field = totals.add(stats) {
                        throw errorMapper.malformed(
                            expected: "a number in stats.\(field)", in: response, operation: operation)
                    }
                    rows.append(
                        MetricRow(
                            platform: .snapchat, level: level, entityID: id, impressions: totals.impressions,
                            clicks: totals.swipes,
                            spend: Money.rounding(micros: totals.spendMicros, currency: currency),
                            conversions: totals.conversions,
                            revenue: Money.rounding(micros: totals.revenueMicros, currency: currency),
                            date: String(start.prefix(10))))
                }
            }
        }
        return rows
    }
}
