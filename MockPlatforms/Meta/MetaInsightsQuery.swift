import Foundation

/// An insights request as Graph reads it: `level`, `fields`, `time_range`/`time_ranges`/`date_preset` (default
/// `last_30d`), `time_increment` (`all_days`, `monthly` or 1–90 days) and `filtering` on the objects reported.
struct MetaInsightsQuery: Sendable {
    /// A span of UTC days, both ends included, reported as one row per object.
    struct Span: Sendable {
        /// The first day number.
        var first: Int
        /// The last day number.
        var last: Int
    }

    /// `ad`, `adset`, `campaign` or `account`.
    var level: String
    /// The metric and attribute fields asked for, in order.
    var fields: [String]
    /// The spans reported, in order.
    var spans: [Span]
    /// The `filtering` clauses.
    var filters: [MetaFilter]

    /// The fields `filtering` may name in insights.
    static let filterFields: Set<String> = [
        "campaign.id", "adset.id", "ad.id", "campaign.name", "adset.name", "ad.name", "campaign.effective_status",
        "adset.effective_status", "ad.effective_status",
    ]

    /// The fields reported when none are asked for.
    static let defaultFields = ["impressions", "spend"]

    /// Reads a request; `rootLevel` is the level of the object asked about, `today` the virtual day and
    /// `firstDay` the earliest day with anything in the account (for `maximum`).
    init(_ params: MetaParams, rootLevel: String, today: Int, firstDay: Int) throws(MetaError) {
        level = try params.enumValue("level", MetaVocabulary.levels) ?? rootLevel
        let fieldText: String?
        switch params["fields"] {
        case .array(let items)?: fieldText = items.compactMap(\.text).joined(separator: ",")
        case let value?: fieldText = value.text
        case nil: fieldText = nil
        }
        var names: [String] = []
        for piece in MetaFieldSelection.split(fieldText ?? "") {
            let (name, _) = MetaFieldSelection.nameAndExpansion(piece)
            guard MetaVocabulary.insightsFields.contains(name) else {
                throw MetaError.param(
                    "\(name) is not valid for fields param. please check "
                        + "https://developers.facebook.com/docs/marketing-api/reference/ads-insights/ for all valid "
                        + "values")
            }
            if !names.contains(name), name != "date_start", name != "date_stop" { names.append(name) }
        }
        let blank = fieldText?.trimmingCharacters(in: .whitespaces).isEmpty ?? true
        fields = blank ? Self.defaultFields : names
        if let breakdowns = try params.list("breakdowns"), !breakdowns.isEmpty {
            throw MetaError.param(
                "param breakdowns is not supported by this emulator; it reports totals per object and day only.")
        }
        filters = try MetaFilter.parse(params, fields: Self.filterFields)

        var ranges: [Span] = []
        if let range = params["time_range"] {
            ranges = [try Self.span(range, name: "time_range")]
        } else if let list = try params.array("time_ranges") {
            for (index, range) in list.enumerated() {
                ranges.append(try Self.span(range, name: "time_ranges[\(index)]"))
            }
            guard !ranges.isEmpty else { throw MetaError.param("param time_ranges must not be empty.") }
        } else {
            let preset = try params.enumValue("date_preset", MetaVocabulary.datePresets) ?? "last_30d"
            ranges = [Self.preset(preset, today: today, firstDay: firstDay)]
        }
        let increment = try params.string("time_increment") ?? "all_days"
        spans = []
        for range in ranges {
            switch increment {
            case "all_days":
                spans.append(range)
            case "monthly":
                var first = range.first
                while first <= range.last {
                    let (year, month, _) = MetaTime.civil(days: first)
                    let monthEnd =
                        MetaTime.days(year: year, month: month, day: 1) + MetaTime.daysIn(month: month, year: year) - 1
                    spans.append(Span(first: first, last: min(monthEnd, range.last)))
                    first = monthEnd + 1
                }
            default:
                guard let days = Int(increment), (1...90).contains(days) else {
                    throw MetaError.param("param time_increment must be all_days, monthly or an integer from 1 to 90.")
                }
                var first = range.first
                while first <= range.last {
                    spans.append(Span(first: first, last: min(first + days - 1, range.last)))
                    first += days
                }
            }
        }
        guard spans.count <= 5_000 else { throw MetaError.param("The time range and increment ask for too many rows.") }
    }

    /// A `{"since":"YYYY-MM-DD","until":"YYYY-MM-DD"}` range.
    static func span(_ value: MockJSON, name: String) throws(MetaError) -> Span {
        guard value.members != nil, let sinceText = value["since"]?.string, let untilText = value["until"]?.string
        else {
            throw MetaError.param("param \(name) must be an object with since and until dates (YYYY-MM-DD).")
        }
        guard let since = MetaTime.parseDay(sinceText), let until = MetaTime.parseDay(untilText) else {
            throw MetaError.param("param \(name) must have since and until dates in the form YYYY-MM-DD.")
        }
        guard since <= until else { throw MetaError.param("param \(name): since must not be after until.") }
        guard until - since < 37 * 31 else { throw MetaError.param("param \(name) must span at most 37 months.") }
        return Span(first: since, last: until)
    }

    /// The days a `date_preset` covers, relative to `today`; the `last_Nd` presets end yesterday, as Meta's do.
    static func preset(_ preset: String, today: Int, firstDay: Int) -> Span {
        let (year, month, _) = MetaTime.civil(days: today)
        let monthStart = MetaTime.days(year: year, month: month, day: 1)
        let quarterMonth = (month - 1) / 3 * 3 + 1
        let quarterStart = MetaTime.days(year: year, month: quarterMonth, day: 1)
        let weekday = MetaTime.weekday(dayNumber: today)
        let sundayStart = today - (weekday + 1) % 7
        switch preset {
        case "today": return Span(first: today, last: today)
        case "yesterday": return Span(first: today - 1, last: today - 1)
        case "last_3d": return Span(first: today - 3, last: today - 1)
        case "last_7d": return Span(first: today - 7, last: today - 1)
        case "last_14d": return Span(first: today - 14, last: today - 1)
        case "last_28d": return Span(first: today - 28, last: today - 1)
        case "last_90d": return Span(first: today - 90, last: today - 1)
        case "this_month": return Span(first: monthStart, last: today)
        case "last_month":
            let (lastYear, lastMonth, _) = MetaTime.civil(days: monthStart - 1)
            return Span(first: MetaTime.days(year: lastYear, month: lastMonth, day: 1), last: monthStart - 1)
        case "this_quarter": return Span(first: quarterStart, last: today)
        case "last_quarter":
            let (lastYear, lastMonth, _) = MetaTime.civil(days: quarterStart - 1)
            let start = MetaTime.days(year: lastYear, month: (lastMonth - 1) / 3 * 3 + 1, day: 1)
            return Span(first: start, last: quarterStart - 1)
        case "this_year": return Span(first: MetaTime.days(year: year, month: 1, day: 1), last: today)
        case "last_year":
            return Span(
                first: MetaTime.days(year: year - 1, month: 1, day: 1),
                last: MetaTime.days(year: year, month: 1, day: 1) - 1)
        case "this_week_mon_today": return Span(first: today - weekday, last: today)
        case "this_week_sun_today": return Span(first: sundayStart, last: today)
        case "last_week_mon_sun": return Span(first: today - weekday - 7, last: today - weekday - 1)
        case "last_week_sun_sat": return Span(first: sundayStart - 7, last: sundayStart - 1)
        case "maximum", "data_maximum": return Span(first: min(firstDay, today), last: today)
        default: return Span(first: today - 30, last: today - 1)
        }
    }
}
