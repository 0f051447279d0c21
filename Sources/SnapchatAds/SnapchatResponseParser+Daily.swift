import AdPlatformKit

extension SnapchatResponseParser {
    /// One ``MetricRow`` per day of a `DAY` granularity stats answer, dated by each day's `start_time` (the ad
    /// account's time zone, which the request's day boundaries used).
    public func dailyMetricRows(
        level: EntityKind, entityID: String, currency: Currency, from response: PlatformHTTPResponse,
        operation: String
    ) throws(AdPlatformError) -> [MetricRow] {
        let expected = "{\"timeseries_stats\":[{\"timeseries_stat\":{\"timeseries\":[{\"start_time\",\"stats\"}]}}]}"
        let json = try envelope(response, operation: operation, expected: expected)
        let requestID = json["request_id"]?.scalarText
        guard let items = json["timeseries_stats"]?.arrayValue else {
            throw errorMapper.malformed(expected: expected, in: response, operation: operation)
        }
        var rows: [MetricRow] = []
        for item in items {
            try checkSubRequest(item, response: response, requestID: requestID, operation: operation)
            guard let days = item["timeseries_stat"]?["timeseries"]?.arrayValue else {
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
                        platform: .snapchat, level: level, entityID: entityID, impressions: totals.impressions,
                        clicks: totals.swipes, spend: Money.rounding(micros: totals.spendMicros, currency: currency),
                        conversions: totals.conversions,
                        revenue: Money.rounding(micros: totals.revenueMicros, currency: currency),
                        date: String(start.prefix(10))))
            }
        }
        return rows
    }
}
