import Foundation

/// When a SCHEDULE rule runs (`schedule_spec`, reference §1.5): every half hour (`SEMI_HOURLY`, the default and the
/// fastest), at the start of every hour, at midnight, or at the half hours a `CUSTOM` list names. The account's time
/// zone is UTC, as every emulated account's is.
struct MetaAdRuleSchedule: Sendable {
    /// One `CUSTOM` entry: minutes of the day (multiples of 30) and days (0 = Sunday … 6).
    struct Entry: Sendable {
        /// The first run's minute of the day; `nil` runs every half hour of the days.
        var startMinute: Int?
        /// The last run's minute of the day; `nil` with a start runs once, at the start.
        var endMinute: Int?
        /// The days, 0 = Sunday; `nil` is every day.
        var days: Set<Int>?
    }

    /// `DAILY`, `HOURLY`, `SEMI_HOURLY` or `CUSTOM`.
    var type: String
    /// The `CUSTOM` entries.
    var entries: [Entry]

    /// Every half hour, as a rule without a `schedule_spec` runs.
    static let semiHourly = MetaAdRuleSchedule(type: "SEMI_HOURLY", entries: [])

    /// The seconds between two possible runs: every run falls on a half hour.
    static let step: TimeInterval = 1_800

    /// Reads and checks a `schedule_spec`.
    static func parse(_ json: MockJSON) throws(MetaError) -> MetaAdRuleSchedule {
        guard json.members != nil else { throw MetaError.param("param schedule_spec must be a JSON object.") }
        guard let type = json["schedule_type"]?.string else { throw MetaError.required("schedule_spec[schedule_type]") }
        guard MetaAdRuleVocabulary.scheduleTypes.contains(type) else {
            throw MetaError.notInEnum("schedule_spec[schedule_type]", MetaAdRuleVocabulary.scheduleTypes.ordered)
        }
        guard type == "CUSTOM" else {
            if json["schedule"] != nil {
                throw MetaError.param("schedule_spec[schedule] is only allowed with schedule_type CUSTOM.")
            }
            return MetaAdRuleSchedule(type: type, entries: [])
        }
        guard let list = json["schedule"]?.array, !list.isEmpty else {
            throw MetaError.required("schedule_spec[schedule]")
        }
        var entries: [Entry] = []
        for (index, item) in list.enumerated() {
            let path = "schedule_spec[schedule][\(index)]"
            guard item.members != nil else { throw MetaError.param("\(path) must be a JSON object.") }
            let start = try minute(item["start_minute"], path: path + "[start_minute]")
            let end = try minute(item["end_minute"], path: path + "[end_minute]")
            var days: Set<Int>?
            if let value = item["days"], value != .null {
                guard let array = value.array, !array.isEmpty else {
                    throw MetaError.param("\(path)[days] must be a non-empty list of days 0-6 (0 is Sunday).")
                }
                var set: Set<Int> = []
                for day in array {
                    guard let number = day.int64, (0...6).contains(number) else {
                        throw MetaError.param("\(path)[days] must be a non-empty list of days 0-6 (0 is Sunday).")
                    }
                    set.insert(Int(number))
                }
                days = set
            }
            guard start != nil || days != nil else {
                throw MetaError.param("\(path) needs at least one of start_minute or days.")
            }
            if let end {
                guard let start else { throw MetaError.param("\(path)[end_minute] needs a start_minute.") }
                guard end >= start else {
                    throw MetaError.param("\(path)[end_minute] must not be before start_minute.")
                }
            }
            entries.append(Entry(startMinute: start, endMinute: end, days: days))
        }
        return MetaAdRuleSchedule(type: type, entries: entries)
    }

    /// A minute of the day: a multiple of 30 from 0 to 1410.
    private static func minute(_ value: MockJSON?, path: String) throws(MetaError) -> Int? {
        guard let value, value != .null else { return nil }
        guard let number = value.int64, number >= 0, number < 1_440, number % 30 == 0 else {
            throw MetaError.param("\(path) must be a multiple of 30 between 0 and 1410.")
        }
        return Int(number)
    }

    /// Whether the rule runs at a half hour (an instant whose seconds are a multiple of 1800).
    func runs(at instant: Date) -> Bool {
        let seconds = MetaTime.epochSeconds(instant)
        let dayNumber = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let minute = (seconds - dayNumber * 86_400) / 60
        switch type {
        case "DAILY": return minute == 0
        case "HOURLY": return minute % 60 == 0
        case "SEMI_HOURLY": return true
        default:
            // MetaTime counts 0 as Monday; schedules count 0 as Sunday.
            let day = (MetaTime.weekday(dayNumber: dayNumber) + 1) % 7
            return entries.contains { entry in
                if let days = entry.days, !days.contains(day) { return false }
                guard let start = entry.startMinute else { return true }
                guard let end = entry.endMinute else { return minute == start }
                return minute >= start && minute <= end
            }
        }
    }

    /// The half hours in `(after, through]` at which the rule runs, oldest first.
    func runs(after start: Date, through end: Date) -> [Date] {
        let first = (MetaTime.epochSeconds(start) / Int(Self.step) + 1) * Int(Self.step)
        let last = MetaTime.epochSeconds(end)
        guard first <= last else { return [] }
        var instants: [Date] = []
        var seconds = first
        // A jump of years is bounded to its last week: every schedule runs at least weekly, and a rule runs once
        // per pass however many of its times a jump passed (`MetaEmulator+AdRuleRuns.swift`).
        seconds = max(seconds, last - 7 * 86_400 - Int(Self.step))
        seconds = (seconds / Int(Self.step)) * Int(Self.step)
        if seconds < first { seconds = first }
        while seconds <= last {
            let instant = Date(timeIntervalSince1970: TimeInterval(seconds))
            if runs(at: instant) { instants.append(instant) }
            seconds += Int(Self.step)
        }
        return instants
    }

    /// The schedule as Graph reads it back.
    var json: MockJSON {
        guard type == "CUSTOM" else { return .object([("schedule_type", .string(type))]) }
        let list = entries.map { entry -> MockJSON in
            var members: [(String, MockJSON)] = []
            if let start = entry.startMinute { members.append(("start_minute", .int(start))) }
            if let end = entry.endMinute { members.append(("end_minute", .int(end))) }
            if let days = entry.days { members.append(("days", .array(days.sorted().map { .int($0) }))) }
            return .object(members)
        }
        return .object([("schedule_type", .string(type)), ("schedule", .array(list))])
    }
}
