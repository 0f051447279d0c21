import Foundation

/// Graph's time formats, done by hand: `DateFormatter` is slow and not `Sendable`, and every create writes
/// `created_time`.
///
/// Graph writes times as `2026-12-01T00:00:00+0000` and accepts ISO 8601 (any offset, optional fraction) or UNIX
/// seconds. Accounts are treated as UTC, so days in insights are UTC days.
enum MetaTime {
    /// `2026-12-01T00:00:00+0000`, written into one buffer (every create writes two of these).
    static func format(_ date: Date) -> String {
        let seconds = epochSeconds(date)
        let days = floorDiv(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        var bytes = dateBytes(days)
        bytes.reserveCapacity(24)
        bytes.append(UInt8(ascii: "T"))
        append2(secondOfDay / 3_600, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        append2(secondOfDay / 60 % 60, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        append2(secondOfDay % 60, to: &bytes)
        bytes += [UInt8(ascii: "+"), UInt8(ascii: "0"), UInt8(ascii: "0"), UInt8(ascii: "0"), UInt8(ascii: "0")]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `2026-12-01`, the UTC day of an instant.
    static func day(_ date: Date) -> String { String(decoding: dateBytes(dayNumber(date)), as: UTF8.self) }

    /// `YYYY-MM-DD` of a day number, as bytes.
    private static func dateBytes(_ days: Int) -> [UInt8] {
        let (year, month, day) = civil(days: days)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        let clamped = min(max(year, 0), 9_999)
        append2(clamped / 100, to: &bytes)
        append2(clamped % 100, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        append2(month, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        append2(day, to: &bytes)
        return bytes
    }

    /// Two decimal digits.
    private static func append2(_ value: Int, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value / 10 % 10))
        bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10))
    }

    /// Days since 1970-01-01 of an instant (UTC).
    static func dayNumber(_ date: Date) -> Int { floorDiv(epochSeconds(date), 86_400) }

    /// Whole seconds since 1970, clamped to years 0–9999 so a clock pushed absurdly far cannot trap.
    static func epochSeconds(_ date: Date) -> Int {
        let raw = date.timeIntervalSince1970
        guard raw.isFinite else { return 0 }
        return Int(min(max(raw, -62_167_219_200), 253_402_300_799).rounded(.down))
    }

    /// Midnight UTC of a day number.
    static func date(dayNumber: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(dayNumber * 86_400)) }

    /// A `YYYY-MM-DD` day as its day number; `nil` when it is not a real date.
    static func parseDay(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        return days(year: year, month: month, day: day)
    }

    /// An ISO 8601 time (`2026-12-01T00:00:00+0000`, `…Z`, `…+01:00`, `….123Z`, a bare date, or a local time
    /// taken as UTC) or UNIX seconds; `nil` when it is neither.
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            // Years 1970–9999 only, so later arithmetic on the date cannot overflow.
            guard let seconds = Int64(trimmed), seconds <= 253_402_300_799 else { return nil }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        let bytes = Array(trimmed.utf8)
        guard bytes.count >= 10, let dayNumber = parseDay(String(decoding: bytes[0..<10], as: UTF8.self)) else {
            return nil
        }
        var seconds = dayNumber * 86_400
        guard bytes.count > 10 else { return Date(timeIntervalSince1970: TimeInterval(seconds)) }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes.count >= 16,
            bytes[13] == UInt8(ascii: ":"), let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2),
            hour < 24, minute < 60
        else { return nil }
        seconds += hour * 3_600 + minute * 60
        var index = 16
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let second = number(bytes, index + 1, 2), second < 61 else { return nil }
            seconds += second
            index += 3
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        }
        if index == bytes.count { return Date(timeIntervalSince1970: TimeInterval(seconds)) }
        if bytes[index] == UInt8(ascii: "Z"), index + 1 == bytes.count {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else { return nil }
        let sign = bytes[index] == UInt8(ascii: "+") ? 1 : -1
        let rest = Array(bytes[(index + 1)...].filter { $0 != UInt8(ascii: ":") })
        guard rest.count == 4 || rest.count == 2, let hours = number(rest, 0, 2) else { return nil }
        let minutes = rest.count == 4 ? number(rest, 2, 2) : 0
        guard let minutes else { return nil }
        seconds -= sign * (hours * 3_600 + minutes * 60)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, UTC)

    /// Year, month and day of a day number (Howard Hinnant's `civil_from_days`).
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        CivilCalendar.civil(fromDays: days)
    }

    /// The day number of a date (Howard Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        CivilCalendar.days(year: year, month: month, day: day)
    }

    /// Days in a month.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// 0 for Monday … 6 for Sunday.
    static func weekday(dayNumber: Int) -> Int { ((dayNumber % 7) + 7 + 3) % 7 }

    private static func floorDiv(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<start + count] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
