import Foundation

/// TikTok's schedule times: `YYYY-MM-DD HH:MM:SS` in UTC+0.
public enum TikTokScheduleTime {
    /// The text for an instant, e.g. `2026-03-01 14:30:05`.
    public static func string(from date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

}
