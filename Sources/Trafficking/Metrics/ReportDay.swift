import Foundation

/// Days as reports name them, `YYYY-MM-DD`, in UTC: the time zone of the emulators' accounts and of this
/// engine's day arithmetic. (An account in another time zone would shift its days; accounts carry none yet.)
public enum ReportDay {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()

    /// The day `date` falls on.
    public static func of(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// The day `days` after `day` (before, when negative); `nil` for text that is not a day.
    public static func adding(_ days: Int, to day: String) -> String? {
        guard let date = date(day), let moved = calendar.date(byAdding: .day, value: days, to: date) else {
            return nil
        }
        return of(moved)
    }

    /// Midnight UTC of a `YYYY-MM-DD` day; `nil` for anything else, including impossible dates.
    public static func date(_ day: String) -> Date? {
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard day.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
            let dayOfMonth = Int(parts[2])
        else { return nil }
        let components = DateComponents(year: year, month: month, day: dayOfMonth)
        guard let date = calendar.date(from: components), of(date) == day else { return nil }
        return date
    }

    /// The days from `since` to `until` in pieces of at most `length` days, in order.
    public static func pieces(since: String, until: String, length: Int) -> [(since: String, until: String)] {
        var result: [(String, String)] = []
        var start = since
        while start <= until {
            guard let end = adding(max(length, 1) - 1, to: start) else { break }
            let last = min(end, until)
            result.append((start, last))
            guard let next = adding(1, to: last) else { break }
            start = next
        }
        return result
    }
}
