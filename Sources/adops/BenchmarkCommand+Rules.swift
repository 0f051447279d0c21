import AdPlatformKit
import Automation
import Foundation
import GoogleAds
import MetaAds
import SnapchatAds
import TikTokAds
import Trafficking

extension BenchmarkCommand {
    /// `--rules N`: one automation pass over a synthetic, seeded workload, timed by phase. The workload's day is
    /// fixed, so the figures do not depend on the date.
    func runRules(_ count: Int) throws {
        let today = CalendarDay(daysSinceEpoch: 20_522)  // 2026-03-10
        let workload = AutomationWorkload(entities: entities, days: days, rules: count, today: today)
        let figures = try AutomationBenchmark.measure(
            workload,
            platforms: [
                MetaCapabilities.capabilities, TikTokCapabilities.capabilities, SnapchatCapabilities.capabilities,
                GoogleCapabilities.capabilities,
            ])
        try print(figures, text: figures.description)
    }
}
