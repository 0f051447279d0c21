import AdPlatformKit
import Foundation
import Trafficking

/// Every entity's metrics over every window, computed once per evaluation pass and shared by all rules.
///
/// Built from the daily rows in one scan: each entity's days are summed into prefix sums over the last
/// ``MetricWindow/deepestDay`` days, and every window's sums (a difference of two prefix sums) and every metric
/// derived from them are laid out in one flat array. A compiled condition then reads a metric over a window with
/// one index; no rule re-scans rows, however many rules there are.
///
/// Money is summed in integer minor units; values are turned into major units (and ratios) only at the end.
public struct MetricsIndex: Sendable {
    /// The day windows count back from.
    public let today: CalendarDay
    /// How many entities have rows.
    public var count: Int { keys.count }

    private let keys: [EntityKey: Int]
    /// `values[base + window * metricCount + metric]`; NaN where a metric has no value (a CPA without conversions).
    let values: [Double]
    /// Entities whose rows cannot be summed, and why.
    let problems: [Int: String]

    static let metricCount = RuleMetric.known.count
    static let windowCount = MetricWindow.known.count
    static let stride = metricCount * windowCount
    private static let days = MetricWindow.deepestDay + 1

    /// Indexes `rows` as of `today`. Rows older than the deepest window, or after today, are left out. An entity's
    /// rows in one attribution window only are summed: `attributionWindow` when given, else the first one seen for
    /// the entity, so a platform reporting two windows is not counted twice.
    public init(rows: [DailyMetric], today: CalendarDay, attributionWindow: String? = nil) {
        self.today = today
        var keys: [EntityKey: Int] = [:]
        var windows: [String] = []
        var currencies: [Currency] = []
        var problems: [Int: String] = [:]
        // Per entity and day (0 = today): the day's sums.
        var impressions: [Int64] = []
        var clicks: [Int64] = []
        var spend: [Int64] = []
        // Conversions in millionths, so windows (differences of prefix sums) of fractional conversions are exact.
        var conversions: [Int64] = []
        var value: [Int64] = []
        for row in rows {
            guard let key = EntityKey(row), let day = CalendarDay(row.date) else { continue }
            let offset = today.daysSinceEpoch - day.daysSinceEpoch
            guard offset >= 0, offset < Self.days else { continue }
            if let wanted = attributionWindow, row.attributionWindow != wanted { continue }
            let entity: Int
            if let known = keys[key] {
                entity = known
                guard windows[entity] == row.attributionWindow else { continue }
            } else {
                entity = keys.count
                keys[key] = entity
                windows.append(row.attributionWindow)
                currencies.append(row.totals.spend.currency)
                impressions += repeatElement(0, count: Self.days)
                clicks += repeatElement(0, count: Self.days)
                spend += repeatElement(0, count: Self.days)
                conversions += repeatElement(0, count: Self.days)
                value += repeatElement(0, count: Self.days)
            }
            if row.totals.spend.currency != currencies[entity]
                || row.totals.conversionValue.currency != currencies[entity]
            {
                problems[entity] =
                    "its metric rows are in more than one currency (\(currencies[entity].code) and "
                    + "\(row.totals.spend.currency.code))"
            }
            let slot = entity * Self.days + offset
            impressions[slot] = Self.add(impressions[slot], row.totals.impressions)
            clicks[slot] = Self.add(clicks[slot], row.totals.clicks)
            spend[slot] = Self.add(spend[slot], row.totals.spend.minorUnits)
            conversions[slot] = Self.add(conversions[slot], Self.micros(row.totals.conversions))
            value[slot] = Self.add(value[slot], row.totals.conversionValue.minorUnits)
        }
        // One block more than there are entities: the figures of an entity without rows (all sums zero).
        var values = [Double](repeating: .nan, count: (keys.count + 1) * Self.stride)
        var prefix = PrefixSums(days: Self.days)
        for entity in 0...keys.count {
            let range = entity * Self.days..<(entity + 1) * Self.days
            if entity < keys.count {
                prefix.fill(
                    impressions: impressions[range], clicks: clicks[range], spend: spend[range],
                    conversions: conversions[range], value: value[range])
            } else {
                prefix.clear()
            }
            let perMajor = entity < keys.count ? Double(currencies[entity].minorUnitsPerMajorUnit) : 1
            for (windowIndex, window) in MetricWindow.known.enumerated() {
                guard let days = window.days else { continue }
                let sums = prefix.sums(newest: days.newest, oldest: days.oldest)
                let base = entity * Self.stride + windowIndex * Self.metricCount
                Self.write(sums, perMajor: perMajor, into: &values, at: base)
            }
        }
        self.keys = keys
        self.values = values
        self.problems = problems
    }

    /// Where an entity's figures start in ``values``: its own block, or the block of zeros without rows.
    func base(of key: EntityKey) -> Int { (keys[key] ?? keys.count) * Self.stride }

    /// Why an entity's figures cannot be used, or `nil` when they can.
    func problem(of key: EntityKey) -> String? { keys[key].flatMap { problems[$0] } }

    /// A metric over a window of an entity; `nil` when it has no value, the metric or window is unknown, or the
    /// entity's rows cannot be summed. An entity without rows has zero sums.
    public func value(_ metric: RuleMetric, over window: MetricWindow, of key: EntityKey) -> Double? {
        guard let metricIndex = metric.index, let windowIndex = window.index, problem(of: key) == nil else {
            return nil
        }
        let value = values[base(of: key) + windowIndex * Self.metricCount + metricIndex]
        return value.isNaN ? nil : value
    }

    private static func write(_ sums: WindowSums, perMajor: Double, into values: inout [Double], at base: Int) {
        let spend = Double(sums.spend) / perMajor
        let impressions = Double(sums.impressions)
        let clicks = Double(sums.clicks)
        values[base + 0] = spend
        values[base + 1] = impressions
        values[base + 2] = clicks
        let conversions = Double(sums.conversions) / 1_000_000
        values[base + 3] = conversions
        values[base + 4] = Double(sums.value) / perMajor
        values[base + 5] = sums.impressions > 0 ? clicks * 100 / impressions : .nan
        values[base + 6] = sums.clicks > 0 ? spend / clicks : .nan
        values[base + 7] = sums.impressions > 0 ? spend * 1000 / impressions : .nan
        values[base + 8] = sums.conversions > 0 ? spend / conversions : .nan
        values[base + 9] = sums.spend > 0 ? Double(sums.value) / Double(sums.spend) : .nan
        values[base + 10] = sums.clicks > 0 ? conversions * 100 / clicks : .nan
    }

    /// Conversions in millionths, rounded; absurd values saturate.
    private static func micros(_ conversions: Double) -> Int64 {
        let scaled = (conversions * 1_000_000).rounded()
        guard scaled.isFinite else { return 0 }
        return scaled >= 9.2e18 ? .max : scaled <= -9.2e18 ? .min : Int64(scaled)
    }

    /// Adds without trapping: sums saturate, as ``MetricTotals`` adds.
    private static func add(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }
}

/// The sums of one window.
struct WindowSums {
    var impressions: Int64 = 0
    var clicks: Int64 = 0
    var spend: Int64 = 0
    var conversions: Int64 = 0
    var value: Int64 = 0
}

/// One entity's prefix sums over days: `sums(newest:oldest:)` is one subtraction per metric, whatever the window.
/// Entry `k` holds the sums of days 0 (today) to `k - 1` back.
struct PrefixSums {
    private var impressions: [Int64]
    private var clicks: [Int64]
    private var spend: [Int64]
    private var conversions: [Int64]
    private var value: [Int64]

    init(days: Int) {
        impressions = Array(repeating: 0, count: days + 1)
        clicks = impressions
        spend = impressions
        conversions = impressions
        value = impressions
    }

    mutating func clear() {
        for index in impressions.indices {
            impressions[index] = 0
            clicks[index] = 0
            spend[index] = 0
            conversions[index] = 0
            value[index] = 0
        }
    }

    mutating func fill(
        impressions dayImpressions: ArraySlice<Int64>, clicks dayClicks: ArraySlice<Int64>,
        spend daySpend: ArraySlice<Int64>, conversions dayConversions: ArraySlice<Int64>,
        value dayValue: ArraySlice<Int64>
    ) {
        var day = 0
        for index in dayImpressions.indices {
            // Wrapping adds: a day's sums already saturated, and a window's sum is a difference of two prefixes.
            impressions[day + 1] = impressions[day] &+ dayImpressions[index]
            clicks[day + 1] = clicks[day] &+ dayClicks[index]
            spend[day + 1] = spend[day] &+ daySpend[index]
            conversions[day + 1] = conversions[day] &+ dayConversions[index]
            value[day + 1] = value[day] &+ dayValue[index]
            day += 1
        }
    }

    func sums(newest: Int, oldest: Int) -> WindowSums {
        WindowSums(
            impressions: impressions[oldest + 1] &- impressions[newest],
            clicks: clicks[oldest + 1] &- clicks[newest], spend: spend[oldest + 1] &- spend[newest],
            conversions: conversions[oldest + 1] &- conversions[newest], value: value[oldest + 1] &- value[newest])
    }
}
