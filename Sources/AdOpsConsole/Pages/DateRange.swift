import Foundation
import Hummingbird
import Trafficking

/// The days a page reports on, from `?since=YYYY-MM-DD&until=YYYY-MM-DD` or a preset `?days=N`; by default the
/// 30 days up to today, by the store's clock. A range is kept in the URL, so a view can be shared.
struct DateRange: Sendable, Hashable {
    /// The first day.
    var since: CalendarDay
    /// The last day.
    var until: CalendarDay

    /// The longest range a page reports on, so a typo cannot ask for centuries of days.
    static let maximumDays = 731

    /// The range a query asks for; a malformed or backwards range is an error naming the field.
    init(query: [String: String], today: CalendarDay) throws {
        if let days = query["days"], query["since"] == nil {
            guard let count = Int(days), (1...Self.maximumDays).contains(count) else {
                throw ConsoleError(.invalidField, field: "days", "must be a whole number from 1 to \(Self.maximumDays)")
            }
            self.init(since: today.adding(1 - count), until: today)
            return
        }
        let until = try Self.day(query["until"], field: "until") ?? today
        let since = try Self.day(query["since"], field: "since") ?? until.adding(-29)
        guard since <= until else {
            throw ConsoleError(.invalidField, field: "since", "\(since) is after until (\(until))")
        }
        guard until.daysSinceEpoch - since.daysSinceEpoch < Self.maximumDays else {
            throw ConsoleError(.invalidField, field: "since", "a range may span at most \(Self.maximumDays) days")
        }
        self.init(since: since, until: until)
    }

    /// A range.
    init(since: CalendarDay, until: CalendarDay) {
        self.since = since
        self.until = until
    }

    /// Every day of the range, in order.
    var days: [CalendarDay] { (0...(until.daysSinceEpoch - since.daysSinceEpoch)).map { since.adding($0) } }

    /// A `YYYY-MM-DD` query field, or `nil` when absent or blank.
    private static func day(_ text: String?, field: String) throws -> CalendarDay? {
        guard let text, !text.isEmpty else { return nil }
        guard let day = CalendarDay(text) else {
            throw ConsoleError(.invalidField, field: field, "'\(text)' is not a date as YYYY-MM-DD")
        }
        return day
    }
}

extension Request {
    /// The query's fields, first value of each, decoded as a form is (`+` is a space), so a link and a `GET` form
    /// read the same.
    var queryFields: [String: String] {
        FormFields(encoded: uri.query ?? "").values.compactMapValues(\.first)
    }
}
