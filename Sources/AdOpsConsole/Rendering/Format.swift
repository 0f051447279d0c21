import AdPlatformKit
import Foundation
import Trafficking

/// How the console writes numbers, money, ratios and times: plain, locale-free text with grouped thousands, the same
/// on every machine, so screenshots and tests do not depend on where they run.
enum Format {
    /// `1,234,567`.
    static func integer(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index).isMultiple(of: 3) { grouped.append(",") }
            grouped.append(character)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// `12.5` with at most `digits` decimals, trailing zeros kept to `digits`.
    static func decimal(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return "—" }
        let scale = pow(10, Double(digits))
        let rounded = (value * scale).rounded() / scale
        let whole = Int64(rounded.magnitude.rounded(.towardZero))
        let fraction = Int64(((rounded.magnitude - Double(whole)) * scale).rounded())
        let sign = rounded < 0 ? "-" : ""
        guard digits > 0 else { return sign + integer(whole) }
        let padded = String(fraction).leftPadded(to: digits)
        return sign + integer(whole) + "." + padded
    }

    /// `1,234.56 USD`, in the currency's own number of decimals.
    static func money(_ money: Money) -> String {
        let digits = money.currency.minorUnitDigits
        let divisor = money.currency.minorUnitsPerMajorUnit
        let whole = money.minorUnits.magnitude / UInt64(divisor)
        let fraction = money.minorUnits.magnitude % UInt64(divisor)
        let sign = money.minorUnits < 0 ? "-" : ""
        let text =
            digits == 0 ? integer(Int64(whole)) : integer(Int64(whole)) + "." + String(fraction).leftPadded(to: digits)
        return "\(sign)\(text) \(money.currency.code)"
    }

    /// Conversion value over spend, `2.35×`, or `—` without spend.
    static func roas(_ totals: MetricTotals?) -> String {
        guard let ratio = roasValue(totals) else { return "—" }
        return decimal(ratio) + "×"
    }

    /// Conversion value over spend, or `nil` without spend.
    static func roasValue(_ totals: MetricTotals?) -> Double? {
        guard let totals, totals.spend.minorUnits > 0 else { return nil }
        return Double(totals.conversionValue.minorUnits) / Double(totals.spend.minorUnits)
    }

    /// Spend per conversion, in the spend's currency, or `—` without conversions.
    static func cpa(_ totals: MetricTotals?) -> String {
        guard let totals, totals.conversions > 0 else { return "—" }
        let minor = Int64((Double(totals.spend.minorUnits) / totals.conversions).rounded())
        return money(Money(minorUnits: minor, currency: totals.spend.currency))
    }

    /// `2026-12-07 14:05 UTC`, or `never`: minutes, in UTC, as the CLI and the logs write times.
    static func time(_ date: Date?) -> String {
        guard let date else { return "never" }
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { String(value ?? 0).leftPadded(to: 2) }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)) UTC"
    }

    /// The Gregorian calendar in UTC.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()
}

extension String {
    /// The text with zeros in front, to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
