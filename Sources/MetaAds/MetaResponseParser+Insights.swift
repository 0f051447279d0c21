import AdPlatformKit
import Foundation

extension MetaResponseParser {
    /// One ``MetricRow`` per entity from insights rows, summing rows of the same entity (one per day when the
    /// report is split by day); with `daily`, one per entity and `date_start` day instead.
    ///
    /// Metrics arrive as strings. `spend` is a decimal in major units; conversions and revenue sum the `actions`
    /// and `action_values` that ``MetaConversionActions/counted(_:)`` selects. Sums are kept exact and rounded to
    /// the currency's minor unit once, at the end.
    public func metricRows(
        from rows: [JSONValue], level kind: EntityKind, currency: Currency, daily: Bool = false
    )
        throws(AdPlatformError) -> [MetricRow]
    {
        let level = try MetaInsightsLevel.of(kind, operation: operation)
        var order: [String] = []
        var totals: [String: InsightsTotals] = [:]
        for row in rows {
            guard let id = row[level.idField]?.scalarText, !id.isEmpty else {
                throw malformed("expected \"\(level.idField)\" in each insights row, got \(Self.excerpt(row))")
            }
            var key = id
            var day: String?
            if daily {
                guard let start = row["date_start"]?.scalarText, !start.isEmpty else {
                    throw malformed("expected \"date_start\" in each daily insights row, got \(Self.excerpt(row))")
                }
                key += "|" + start
                day = start
            }
            if totals[key] == nil { order.append(key) }
            var total = totals[key] ?? InsightsTotals(id: id, date: day)
            total.impressions += try whole(row, "impressions")
            total.clicks += try whole(row, "clicks")
            total.spend += try decimal(row["spend"], "spend")
            for action in try conversionActions(row, "actions") {
                guard let value = action["value"]?.scalarText.flatMap(Double.init) else {
                    throw malformed("expected a numeric \"value\" in insights actions, got \(Self.excerpt(action))")
                }
                total.conversions += value
            }
            for action in try conversionActions(row, "action_values") {
                total.revenue += try decimal(action["value"], "action_values.value")
            }
            totals[key] = total
        }
        var result: [MetricRow] = []
        for key in order {
            guard let total = totals[key] else { continue }
            result.append(
                MetricRow(
                    platform: .meta, level: kind, entityID: total.id, impressions: total.impressions,
                    clicks: total.clicks, spend: try money(total.spend, currency), conversions: total.conversions,
                    revenue: try money(total.revenue, currency), date: total.date))
        }
        return result
    }

    private struct InsightsTotals {
        var id: String
        var date: String?
        var impressions: Int64 = 0
        var clicks: Int64 = 0
        var spend = Decimal(0)
        var conversions: Double = 0
        var revenue = Decimal(0)
    }

    /// A count sent as a string of digits; Meta leaves a metric out when it is zero.
    private func whole(_ row: JSONValue, _ field: String) throws(AdPlatformError) -> Int64 {
        guard let value = row[field] else { return 0 }
        guard let number = value.int64Value else {
            throw malformed("expected \"\(field)\" as a whole number string, got \(Self.excerpt(value))")
        }
        return number
    }

    private func decimal(_ value: JSONValue?, _ field: String) throws(AdPlatformError) -> Decimal {
        guard let value else { return 0 }
        guard let text = value.scalarText, let number = Decimal(string: text, locale: Self.posixLocale) else {
            throw malformed("expected \"\(field)\" as a decimal string, got \(Self.excerpt(value))")
        }
        return number
    }

    private func conversionActions(_ row: JSONValue, _ field: String) throws(AdPlatformError) -> [JSONValue] {
        guard let value = row[field] else { return [] }
        guard let actions = value.arrayValue else {
            throw malformed("expected \"\(field)\" as a list of {action_type, value}, got \(Self.excerpt(value))")
        }
        return MetaConversionActions.counted(actions)
    }

    /// Decimal text is read the same way in any locale; made once, since every row's amounts are read with it.
    private static let posixLocale = Locale(identifier: "en_US_POSIX")

    private func money(_ amount: Decimal, _ currency: Currency) throws(AdPlatformError) -> Money {
        guard let money = Money.rounding(decimal: "\(amount)", currency: currency) else {
            throw malformed("reported amount \(amount) does not fit \(currency.code)")
        }
        return money
    }
}
