import Foundation

/// Airtable's timestamps: ISO 8601 in UTC with milliseconds (`2026-11-21T10:00:00.000Z`), for `createdTime`
/// and `dateTime` cells alike.
enum AirtableTime {
    /// A date as Airtable writes it.
    static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// A written date: a full ISO 8601 timestamp (with or without fractional seconds, any offset) or a bare
    /// `YYYY-MM-DD` (midnight UTC), as Airtable accepts for a date-time field.
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        if trimmed.count == 10, let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle().year().month().day())
        {
            return date
        }
        return nil
    }
}
