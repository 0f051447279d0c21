import Foundation

/// Dates as the store writes them: GRDB's `YYYY-MM-DD HH:MM:SS.SSS` UTC text, the fraction rounded to the nearest
/// millisecond as GRDB's formatter rounds it, computed arithmetically.
///
/// GRDB formats a `Date` argument with a `DateFormatter`, which cost a tenth of the worker's write transaction.
/// The hot writes bind this text instead; GRDB reads it back as the same `Date`, and a test checks the two agree.
enum DatabaseTimestamp {
    /// 0001-01-01T00:00:00.000Z, in milliseconds since 1970.
    static let minimumMilliseconds: Double = -62_135_596_800_000
    /// 9999-12-31T23:59:59.999Z, in milliseconds since 1970.
    static let maximumMilliseconds: Double = 253_402_300_799_999

    /// The text of `date`.
    static func text(_ date: Date) -> String {
        // Clamped to years 0001–9999, which is what the text can say, so no date from outside can trap the
        // conversion (NaN and infinities included).
        let raw = (date.timeIntervalSince1970 * 1000).rounded()
        let milliseconds = raw.isNaN ? 0 : Int64(min(max(raw, minimumMilliseconds), maximumMilliseconds))
        let (days, millisecondOfDay) = floorDivision(milliseconds, 86_400_000)
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let second = millisecondOfDay / 1000
        var text = ""
        text.reserveCapacity(23)
        append(year, width: 4, to: &text)
        text.append("-")
        append(month, width: 2, to: &text)
        text.append("-")
        append(day, width: 2, to: &text)
        text.append(" ")
        append(second / 3600, width: 2, to: &text)
        text.append(":")
        append(second / 60 % 60, width: 2, to: &text)
        text.append(":")
        append(second % 60, width: 2, to: &text)
        text.append(".")
        append(millisecondOfDay % 1000, width: 3, to: &text)
        return text
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value >= 0 ? value / divisor : (value - divisor + 1) / divisor
        return (quotient, value - quotient * divisor)
    }

    /// The proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's `civil_from_days`).
    private static func civilDate(daysSinceEpoch days: Int64) -> (Int64, Int64, Int64) {
        let (year, month, day) = CalendarDay.civil(Int(days))
        return (Int64(year), Int64(month), Int64(day))
    }

    private static func append(_ value: Int64, width: Int, to text: inout String) {
        let digits = String(value)
        if digits.count < width { text.append(String(repeating: "0", count: width - digits.count)) }
        text.append(digits)
    }
}
