import AdPlatformKit
import Foundation
import Trafficking

/// Campaigns with made-up but plausible delivery, for benchmarks and demos: varied budgets and returns across
/// every band of the optimiser's table, some still learning, on the platforms given. Deterministic from the count.
public enum SyntheticPortfolio {
    /// `count` live campaigns, each with `days` days of delivery ending the day before `now`, spread over
    /// `platforms` in turn.
    public static func candidates(
        count: Int, days: Int = 14, platforms: [PlatformCapabilities], at now: Date
    ) -> [OptimizationCandidate] {
        guard !platforms.isEmpty else { return [] }
        let today = CalendarDay(now)
        var generator = SplitMix64(seed: UInt64(max(count, 0)))
        return (0..<max(count, 0)).map { index in
            let capabilities = platforms[index % platforms.count]
            let budget = Int64(2_000 + Int64(generator.next() % 48) * 500)
            // Returns from 0.2 to 4.5, so every band of the table is reached.
            let roasBasisPoints = Int64(2_000 + generator.next() % 43_000)
            let delivered = index % 10 == 0 ? 2 : days
            let history = (0..<delivered).map { offset -> DailyPerformance in
                let spend = budget * Int64(90 + generator.next() % 11) / 100
                let value = spend * roasBasisPoints / 10_000
                let date = today.adding(offset - delivered).description
                return DailyPerformance(
                    date: date,
                    totals: MetricTotals(
                        impressions: spend * 12, clicks: spend / 8, spend: Money(minorUnits: spend, currency: .usd),
                        conversions: Double(value / 4_000), conversionValue: Money(minorUnits: value, currency: .usd)))
            }
            let campaign = Campaign(
                id: UUID(uuid: Self.uuidBytes(index)), jobID: UUID(uuid: Self.uuidBytes(index + 1_000_000)),
                batchID: UUID(uuid: Self.uuidBytes(0)), ticket: nil, platform: capabilities.platform,
                accountID: UUID(uuid: Self.uuidBytes(7)),
                name: "Synthetic \(index)", objective: .sales, status: .live,
                budget: Budget(.daily, Money(minorUnits: budget, currency: .usd)),
                schedule: Schedule(start: today.adding(-days - 1).midnight), platformCampaignID: "c\(index)",
                createdAt: today.adding(-days - 1).midnight, updatedAt: today.adding(-1).midnight)
            return OptimizationCandidate(
                campaign: campaign, capabilities: capabilities,
                adGroupCount: capabilities.budget.placement == .campaign ? 1 : 2, days: history,
                autoOptimize: index % 25 != 0)
        }
    }

    private static func uuidBytes(_ value: Int) -> uuid_t {
        let bits = UInt64(truncatingIfNeeded: value)
        return (
            0x5E, 0xED, 0, 0, 0, 0, 0x40, 0, 0x80, 0, UInt8(truncatingIfNeeded: bits >> 40),
            UInt8(truncatingIfNeeded: bits >> 32), UInt8(truncatingIfNeeded: bits >> 24),
            UInt8(truncatingIfNeeded: bits >> 16), UInt8(truncatingIfNeeded: bits >> 8), UInt8(truncatingIfNeeded: bits)
        )
    }
}
