import Foundation

/// The window a rule's `time_preset` covers, in the account's time zone (UTC for every emulated account), as
/// reference §1.4 gives it: `LAST_3_DAYS` is two full days plus today so far, `LAST_3D` the three full days before
/// today, `LAST_ND_14_8` from 14 days ago through 7 days ago.
enum MetaAdRuleTimePreset {
    /// `[from, to)` of a preset at `now`; `LIFETIME` windows start at the object's creation.
    static func window(_ preset: String, now: Date, createdAt: Date) -> (from: Date, to: Date) {
        let today = MetaTime.dayNumber(now)
        let midnight = MetaTime.date(dayNumber: today)
        func days(_ first: Int, through last: Int) -> (Date, Date) {
            (MetaTime.date(dayNumber: first), min(now, MetaTime.date(dayNumber: last + 1)))
        }
        switch preset {
        case "TODAY": return (midnight, now)
        case "YESTERDAY": return days(today - 1, through: today - 1)
        case "LIFETIME": return (min(createdAt, now), now)
        case "THIS_MONTH":
            let (year, month, _) = MetaTime.civil(days: today)
            return (MetaTime.date(dayNumber: MetaTime.days(year: year, month: month, day: 1)), now)
        case "THIS_WEEK_MON_TODAY":
            return (MetaTime.date(dayNumber: today - MetaTime.weekday(dayNumber: today)), now)
        case "THIS_WEEK_SUN_TODAY":
            return (MetaTime.date(dayNumber: today - (MetaTime.weekday(dayNumber: today) + 1) % 7), now)
        default: break
        }
        if preset.hasPrefix("LAST_ND_") {
            // LAST_ND_<from>_<to>: from `from` days ago through `to - 1` days ago; LIFETIME starts at creation.
            let parts = preset.dropFirst("LAST_ND_".count).split(separator: "_")
            guard parts.count == 2, let lag = Int(parts[1]) else { return (midnight, now) }
            let end = today - (lag - 1)
            if parts[0] == "LIFETIME" {
                return (min(createdAt, now), min(now, MetaTime.date(dayNumber: end + 1)))
            }
            let span = Int(parts[0]) ?? lag
            return days(today - span, through: end)
        }
        if preset.hasPrefix("LAST_"), preset.hasSuffix("_DAYS"),
            let count = Int(preset.dropFirst("LAST_".count).dropLast("_DAYS".count))
        {
            return (MetaTime.date(dayNumber: today - (count - 1)), now)
        }
        if preset.hasPrefix("LAST_"), preset.hasSuffix("D"), let count = Int(preset.dropFirst(5).dropLast()) {
            return days(today - count, through: today - 1)
        }
        return (midnight, now)
    }
}
