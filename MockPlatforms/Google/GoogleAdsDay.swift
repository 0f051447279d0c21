import Foundation

/// A calendar day in the customer's time zone (the emulator's customers are on UTC), as GAQL's `segments.date`
/// and date ranges use it. Arithmetic on day numbers keeps it free of formatters on the query path.
struct GoogleAdsDay: Sendable, Hashable, Comparable, Strideable {
    /// Days since 1970-01-01.
    var number: Int

    /// The day of a number.
    init(number: Int) { self.number = number }

    /// The day an instant falls on.
    init(_ date: Date) { number = Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }

    /// Parses `YYYY-MM-DD`; `nil` unless it is a real date.
    init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month),
            day >= 1, day <= Self.daysIn(month: month, year: year)
        else { return nil }
        number = Self.daysFromCivil(year: year, month: month, day: day)
    }

    /// The first instant of the day.
    var start: Date { Date(timeIntervalSince1970: Double(number) * 86_400) }

    /// `YYYY-MM-DD`.
    var text: String {
        let (year, month, day) = civil
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Year, month and day.
    var civil: (year: Int, month: Int, day: Int) {
        CivilCalendar.civil(fromDays: number)
    }

    /// 0 for Monday … 6 for Sunday.
    var weekday: Int { ((number % 7) + 7 + 3) % 7 }

    /// The first day of the day's month.
    var firstOfMonth: GoogleAdsDay {
        let (year, month, _) = civil
        return GoogleAdsDay(number: Self.daysFromCivil(year: year, month: month, day: 1))
    }

    static func < (lhs: GoogleAdsDay, rhs: GoogleAdsDay) -> Bool { lhs.number < rhs.number }

    func distance(to other: GoogleAdsDay) -> Int { other.number - number }

    func advanced(by n: Int) -> GoogleAdsDay { GoogleAdsDay(number: number + n) }

    /// The inclusive range a GAQL date function names, relative to today; `nil` for an unknown function.
    static func range(during function: String, today: GoogleAdsDay) -> ClosedRange<GoogleAdsDay>? {
        switch function {
        case "TODAY": return today...today
        case "YESTERDAY": return today.advanced(by: -1)...today.advanced(by: -1)
        case "LAST_7_DAYS": return today.advanced(by: -7)...today.advanced(by: -1)
        case "LAST_14_DAYS": return today.advanced(by: -14)...today.advanced(by: -1)
        case "LAST_30_DAYS": return today.advanced(by: -30)...today.advanced(by: -1)
        case "THIS_MONTH": return today.firstOfMonth...today
        case "LAST_MONTH":
            let end = today.firstOfMonth.advanced(by: -1)
            return end.firstOfMonth...end
        case "THIS_WEEK_MON_TODAY": return today.advanced(by: -today.weekday)...today
        case "THIS_WEEK_SUN_TODAY": return today.advanced(by: -((today.weekday + 1) % 7))...today
        case "LAST_WEEK_MON_SUN":
            let monday = today.advanced(by: -today.weekday - 7)
            return monday...monday.advanced(by: 6)
        case "LAST_WEEK_SUN_SAT":
            let sunday = today.advanced(by: -((today.weekday + 1) % 7) - 7)
            return sunday...sunday.advanced(by: 6)
        case "LAST_BUSINESS_WEEK":
            let monday = today.advanced(by: -today.weekday - 7)
            return monday...monday.advanced(by: 4)
        default: return nil
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        CivilCalendar.days(year: year, month: month, day: day)
    }
}
