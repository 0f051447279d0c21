import AdPlatformKit
import Foundation
import Trafficking

/// The figures a decision was made on: a campaign's sums over a window of days, how many of them delivered, and
/// its return on ad spend. Logged with every decision (seed 003's `metrics` snapshot).
public struct PerformanceSnapshot: Sendable, Hashable, Codable {
    /// The first day of the window, `YYYY-MM-DD`.
    public var since: String
    /// The last day of the window, `YYYY-MM-DD`.
    public var until: String
    /// The sums over the window.
    public var totals: MetricTotals
    /// The days of the window with any spend.
    public var deliveryDays: Int
    /// Conversion value over spend, or `nil` without spend.
    public var returnOnAdSpend: ReturnOnAdSpend?

    /// Creates a snapshot; the return on ad spend is computed from the sums.
    public init(since: String, until: String, totals: MetricTotals, deliveryDays: Int) {
        self.since = since
        self.until = until
        self.totals = totals
        self.deliveryDays = deliveryDays
        self.returnOnAdSpend = .of(value: totals.conversionValue, spend: totals.spend)
    }

    /// The sums of a campaign's days from `since` to `until`, both included.
    public static func summarizing(
        _ days: [DailyPerformance], since: CalendarDay, until: CalendarDay, currency: Currency
    ) -> PerformanceSnapshot {
        var totals = MetricTotals.zero(currency)
        var delivered = 0
        for day in days {
            guard let date = CalendarDay(day.date), date >= since, date <= until else { continue }
            totals = totals + day.totals
            if day.totals.spend.minorUnits > 0 { delivered += 1 }
        }
        return PerformanceSnapshot(
            since: since.description, until: until.description, totals: totals, deliveryDays: delivered)
    }
}
