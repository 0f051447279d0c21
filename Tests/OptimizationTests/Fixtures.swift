import AdPlatformKit
import Foundation
import Optimization
import Trafficking

/// Campaigns and delivery for the optimisation tests, on a fixed day.
enum Fixtures {
    /// Noon on 2027-03-15: the day passes run on.
    static let now =
        CalendarDay("2027-03-15")?.midnight.addingTimeInterval(12 * 3_600) ?? Date(timeIntervalSince1970: 0)
    static let today = CalendarDay(now)

    static func usd(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .usd) }

    /// A live campaign with a daily budget.
    static func campaign(
        _ number: Int = 1, platform: PlatformID = .meta, budget: Money = usd(10_000), status: CampaignStatus = .live,
        period: Budget.Period = .daily
    ) -> Campaign {
        let id = UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", number)) ?? UUID()
        return Campaign(
            id: id, jobID: id, batchID: id, ticket: nil, platform: platform, accountID: id, name: "Campaign \(number)",
            objective: .sales, status: status, budget: Budget(period, budget),
            schedule: Schedule(
                start: today.adding(-30).midnight, end: period == .lifetime ? today.adding(30).midnight : nil),
            platformCampaignID: "c\(number)", createdAt: today.adding(-30).midnight,
            updatedAt: today.adding(-1).midnight)
    }

    /// `count` days ending yesterday, each with `spend` and `spend × roas` of value (minor units, basis points).
    static func days(
        _ count: Int, spend: Int64, roasBasisPoints: Int64, currency: Currency = .usd
    ) -> [DailyPerformance] {
        (0..<count).map { offset in
            let value = spend * roasBasisPoints / 10_000
            return DailyPerformance(
                date: today.adding(offset - count).description,
                totals: MetricTotals(
                    impressions: spend * 10, clicks: spend / 10, spend: Money(minorUnits: spend, currency: currency),
                    conversions: Double(value) / 5_000, conversionValue: Money(minorUnits: value, currency: currency)))
        }
    }
}
