import Foundation

/// Snap's time format: ISO-8601 in UTC with milliseconds, `2026-12-01T00:00:00.000Z`.
enum SnapchatTimestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    /// The instant as Snap writes it.
    static func string(from date: Date) -> String {
        style.format(date)
    }

    /// Midnight UTC of a `YYYY-MM-DD` day plus a number of days, as Snap writes it; `nil` when the day is not a
    /// real calendar date in that form.
    static func dayBoundary(_ day: String, addingDays days: Int = 0) -> String? {
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let dayOfMonth = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let components = DateComponents(year: year, month: month, day: dayOfMonth)
        guard components.isValidDate(in: calendar), let start = calendar.date(from: components),
            let shifted = calendar.date(byAdding: .day, value: days, to: start)
        else { return nil }
        return string(from: shifted)
    }
}
