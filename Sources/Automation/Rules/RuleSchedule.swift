import Foundation

/// How often a rule is evaluated: every N minutes, from 1 to 43,200 (30 days); 30 by default (Meta's fastest,
/// `SEMI_HOURLY`).
public struct RuleSchedule: Sendable, Hashable, Codable {
    /// Minutes between evaluations.
    public var everyMinutes: Int

    /// The default interval.
    public static let defaultMinutes = 30
    /// The shortest interval: the scheduler's tick.
    public static let minimumMinutes = 1
    /// The longest interval: 30 days, the longest window a rule reads. (A longer one would also put the next run
    /// past the dates the store can write.)
    public static let maximumMinutes = 43_200

    /// Every `everyMinutes` minutes.
    public init(everyMinutes: Int = RuleSchedule.defaultMinutes) {
        self.everyMinutes = everyMinutes
    }

    /// Whether the rule is due at `now`, having last run at `lastRun` (never when `nil`). A run a few seconds early
    /// on the scheduler's tick still counts, so a 1-minute rule does not slip to every 2 minutes.
    public func isDue(lastRun: Date?, now: Date) -> Bool {
        guard let lastRun else { return true }
        return now.timeIntervalSince(lastRun) >= Double(max(everyMinutes, Self.minimumMinutes)) * 60 - 5
    }

    /// When the rule is next due after a run at `lastRun`.
    public func nextRun(after lastRun: Date) -> Date {
        lastRun.addingTimeInterval(Double(max(everyMinutes, Self.minimumMinutes)) * 60)
    }

    private enum CodingKeys: String, CodingKey {
        case everyMinutes
    }

    /// Decodes `{"everyMinutes": 15}`; a missing interval is the default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        everyMinutes = try container.decodeIfPresent(Int.self, forKey: .everyMinutes) ?? Self.defaultMinutes
    }
}
