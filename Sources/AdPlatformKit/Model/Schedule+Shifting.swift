import Foundation

extension Schedule {
    /// The same flight moved to start at `start`, keeping its length: a sample ticket written for one date keeps its
    /// meaning on any other.
    public func shifted(toStartAt start: Date) -> Schedule {
        let offset = start.timeIntervalSince(self.start)
        return Schedule(start: start, end: end?.addingTimeInterval(offset))
    }

    /// Midnight UTC of the day after `now`: where the demo, the benchmark and the tests start a sample flight, so that
    /// every platform (TikTok refuses a start more than 12 hours in the past) takes it on any date.
    public static func tomorrow(after now: Date) -> Date {
        let day = 86_400.0
        return Date(timeIntervalSince1970: (now.timeIntervalSince1970 / day).rounded(.down) * day + day)
    }
}
