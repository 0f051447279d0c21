import Foundation

/// Snap's timestamps: ISO 8601 in UTC with milliseconds (`2026-12-01T00:00:00.000Z`), written and read by hand so
/// the create path needs no `DateFormatter` (slow, and not thread-safe to share).
enum SnapchatTime {
    /// `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC.
    static func format(_ date: Date) -> String {
        // Clamped so a nonsensical instant (a restored state file, `distantFuture`) cannot trap the conversion.
        let millis = Int64(min(max((date.timeIntervalSince1970 * 1_000).rounded(.down), -1e15), 1e15))
        let days = floorDivide(millis, 86_400_000)
        let ofDay = millis - days * 86_400_000
        let (year, month, day) = civil(fromDays: days)
        var text = ""
        text.reserveCapacity(24)
        append(year, width: 4, to: &text)
        text += "-"
        append(month, width: 2, to: &text)
        text += "-"
        append(day, width: 2, to: &text)
        text += "T"
        append(ofDay / 3_600_000, width: 2, to: &text)
        text += ":"
        append(ofDay / 60_000 % 60, width: 2, to: &text)
        text += ":"
        append(ofDay / 1_000 % 60, width: 2, to: &text)
        text += "."
        append(ofDay % 1_000, width: 3, to: &text)
        text += "Z"
        return text
    }

    /// Parses `yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:mm|±HHmm)`; `nil` for anything else, including impossible
    /// dates such as February 30th.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"),
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
            let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour < 24, minute < 60,
            second < 60
        else { return nil }
        var index = 19
        var millis: Int64 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                if digits < 3 { millis = millis * 10 + Int64(bytes[index] - UInt8(ascii: "0")) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 3) { millis *= 10 }
        }
        guard index < bytes.count else { return nil }
        var offsetMinutes: Int64 = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign: Int64 = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            guard let hours = number(bytes, index + 1, 2) else { return nil }
            var next = index + 3
            if next < bytes.count, bytes[next] == UInt8(ascii: ":") { next += 1 }
            guard let minutes = number(bytes, next, 2), hours < 24, minutes < 60 else { return nil }
            offsetMinutes = sign * (hours * 60 + minutes)
            index = next + 2
        default:
            return nil
        }
        guard index == bytes.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetMinutes * 60
        return Date(timeIntervalSince1970: Double(seconds) + Double(millis) / 1_000)
    }

    /// Whether an instant falls exactly on a UTC boundary of `seconds` (a day, an hour).
    static func isAligned(_ date: Date, to seconds: Int64) -> Bool {
        let value = date.timeIntervalSince1970
        return value.rounded(.down) == value && Int64(value) % seconds == 0
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, after Howard Hinnant's algorithms)

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let civil = CivilCalendar.civil(fromDays: Int(days))
        return (Int64(civil.year), Int64(civil.month), Int64(civil.day))
    }

    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        Int64(CivilCalendar.days(year: Int(year), month: Int(month), day: Int(day)))
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int64? {
        guard start >= 0, start + count <= bytes.count else { return nil }
        var value: Int64 = 0
        for byte in bytes[start..<start + count] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func append(_ value: Int64, width: Int, to text: inout String) {
        let digits = String(value)
        if digits.count < width { text += String(repeating: "0", count: width - digits.count) }
        text += digits
    }
}
