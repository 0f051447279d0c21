import Foundation

/// The timestamp form Meta's ad set `start_time` and `end_time` take: ISO-8601 in UTC with a numeric offset,
/// e.g. `2026-12-01T00:00:00+0000`.
enum MetaTimeFormat {
    /// The instant in UTC.
    static func string(from date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d+0000", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
