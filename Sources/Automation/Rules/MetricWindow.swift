/// The days a metric is summed over, counted back from the evaluation's day ("today", in the account's time zone).
///
/// Today is excluded by default: `last3Days` is the three full days before today, as Meta's `LAST_3D`. A rule opts
/// in to partial-day data with the `…IncludingToday` windows, which are Meta's `LAST_3_DAYS` (two full days plus
/// today). A CPA over a window that includes today reads a day still filling up, so the default keeps it out.
///
/// String-backed, so an unknown window still decodes and the validator reports it with its path.
public struct MetricWindow: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The name, e.g. `last3Days`.
    public let rawValue: String

    /// Creates a window from its name; unknown names are kept for the validator to report.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a window from a literal.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// Today so far.
    public static let today: MetricWindow = "today"
    /// Yesterday.
    public static let yesterday: MetricWindow = "yesterday"
    /// The 3 full days before today.
    public static let last3Days: MetricWindow = "last3Days"
    /// The 7 full days before today.
    public static let last7Days: MetricWindow = "last7Days"
    /// The 14 full days before today.
    public static let last14Days: MetricWindow = "last14Days"
    /// The 30 full days before today.
    public static let last30Days: MetricWindow = "last30Days"
    /// The 2 full days before today, and today.
    public static let last3DaysIncludingToday: MetricWindow = "last3DaysIncludingToday"
    /// The 6 full days before today, and today.
    public static let last7DaysIncludingToday: MetricWindow = "last7DaysIncludingToday"
    /// The 13 full days before today, and today.
    public static let last14DaysIncludingToday: MetricWindow = "last14DaysIncludingToday"
    /// The 29 full days before today, and today.
    public static let last30DaysIncludingToday: MetricWindow = "last30DaysIncludingToday"

    /// Every window a rule may name, in a fixed order: a window's position is its slot in ``MetricsIndex``.
    public static let known: [MetricWindow] = [
        .today, .yesterday, .last3Days, .last7Days, .last14Days, .last30Days, .last3DaysIncludingToday,
        .last7DaysIncludingToday, .last14DaysIncludingToday, .last30DaysIncludingToday,
    ]

    /// The most days back any window reaches, today being 0.
    public static let deepestDay = 30

    /// The days the window covers, as days before today: `newest` 0 is today, `oldest` 3 is three days ago.
    /// `nil` when the window is unknown.
    public var days: (newest: Int, oldest: Int)? {
        switch rawValue {
        case "today": (0, 0)
        case "yesterday": (1, 1)
        case "last3Days": (1, 3)
        case "last7Days": (1, 7)
        case "last14Days": (1, 14)
        case "last30Days": (1, 30)
        case "last3DaysIncludingToday": (0, 2)
        case "last7DaysIncludingToday": (0, 6)
        case "last14DaysIncludingToday": (0, 13)
        case "last30DaysIncludingToday": (0, 29)
        default: nil
        }
    }

    /// The window's slot in ``known``, or `nil` when it is unknown.
    public var index: Int? { Self.known.firstIndex(of: self) }

    /// Whether the name is one of ``known``.
    public var isKnown: Bool { days != nil }

    /// Whether the window reads today's partial data.
    public var includesToday: Bool { days?.newest == 0 }

    /// The name.
    public var description: String { rawValue }

    /// Decodes the name as a string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the name as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
