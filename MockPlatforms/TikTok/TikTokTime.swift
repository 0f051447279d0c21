import Foundation

/// TikTok's time formats, in UTC+0: `YYYY-MM-DD HH:MM:SS` for schedules and entity times, `YYYY-MM-DD` for
/// report dates. Written and parsed by hand (days-from-civil arithmetic) because `DateFormatter` is slow and
/// locale-sensitive, and these run on every create.
enum TikTokTime {
    /// `YYYY-MM-DD HH:MM:SS`.
    static func format(_ date: Date) -> String {
        let (year, month, day, seconds) = civil(date)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + " " + pad(seconds / 3600, 2) + ":"
            + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
    }

    /// `YYYY-MM-DD`.
    static func formatDay(_ date: Date) -> String {
        let (year, month, day, _) = civil(date)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// `YYYYMMDDHHMMSS`, the head of a `request_id`.
    static func compact(_ date: Date) -> String {
        let (year, month, day, seconds) = civil(date)
        return pad(year, 4) + pad(month, 2) + pad(day, 2) + pad(seconds / 3600, 2) + pad(seconds / 60 % 60, 2)
            + pad(seconds % 60, 2)
    }

    /// The same wall-clock time `years` calendar years later (29 February becomes 28 February), as TikTok sets
    /// the end of a `SCHEDULE_FROM_NOW` schedule ten years after its start.
    static func adding(years: Int, to date: Date) -> Date {
        let (year, month, day, seconds) = civil(date)
        let target = year + years
        let days = daysFromCivil(target, month, min(day, daysIn(month: month, year: target)))
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + seconds))
    }

    /// Parses `YYYY-MM-DD HH:MM:SS` strictly; `nil` for anything else, including impossible dates.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 19, bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"), let day = parseDay(bytes[0..<10]),
            let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]),
            let second = number(bytes[17..<19]), hour < 24, minute < 60, second < 60
        else { return nil }
        return day.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60 + second))
    }

    /// Parses `YYYY-MM-DD` strictly (midnight UTC); `nil` for anything else.
    static func parseDay(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return nil }
        return parseDay(bytes[0..<10])
    }

    private static func parseDay(_ bytes: ArraySlice<UInt8>) -> Date? {
        let start = bytes.startIndex
        guard bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
            let year = number(bytes[start..<start + 4]), let month = number(bytes[start + 5..<start + 7]),
            let day = number(bytes[start + 8..<start + 10]), (1...12).contains(month),
            day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(daysFromCivil(year, month, day) * 86_400))
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Year, month, day and seconds into the day of an instant, in UTC.
    private static func civil(_ date: Date) -> (Int, Int, Int, Int) {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let civil = CivilCalendar.civil(fromDays: days)
        return (civil.year, civil.month, civil.day, total - days * 86_400)
    }

    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        CivilCalendar.days(year: year, month: month, day: day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
