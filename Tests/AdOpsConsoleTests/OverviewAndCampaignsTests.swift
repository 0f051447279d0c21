import AdPlatformKit
import AdPlatformTesting
import Foundation
import HTTPTypes
import Testing
import Trafficking

/// The overview and the campaign list read the rollups: figures per platform, a chart, what needs attention, and a
/// table filtered, sorted and paged by its URL.
@Suite("Console overview and campaign list")
struct OverviewAndCampaignsTests {
    @Test("the overview totals spend, value, ROAS and CPA per platform for the range, and charts each day")
    func overviewFigures() async throws {
        let harness = try ConsoleHarness()
        let meta = try await harness.account(.meta, name: "Disney+ US — Meta")
        let google = try await harness.account(.google, name: "Hulu — Google")
        let signup = try await harness.campaign(named: "Signup", on: meta)
        try await harness.deliver(signup, days: 10, spend: 10_000)
        try await harness.store.recordOptimizations([
            OptimizationRecord(
                id: UUID(), campaignID: signup.id, accountID: meta.id, platform: .meta, action: "BUDGET_INCREASE",
                previousValue: .budget(Budget(.daily, Money(minorUnits: 20_000, currency: .usd))),
                newValue: .budget(Budget(.daily, Money(minorUnits: 24_000, currency: .usd))),
                reason: "excellent ROAS", confidence: 0.9, metricsJSON: "{}", mode: "dryRun",
                createdAt: harness.clock.now)
        ])
        try await harness.deliver(try await harness.campaign(named: "Promo", on: google), days: 5, spend: 2_000)
        try await harness.run { browser in
            try await browser.signIn()
            let page = try await browser.send(.get, "/?days=7")
            #expect(page.status == .ok)
            // Meta: 7 days × 100.00; Google: 5 days × 20.00; value 3×; 2 conversions a day each.
            #expect(page.body.contains("800.00 USD"))
            #expect(page.body.contains("2,400.00 USD"))
            #expect(page.body.contains("3.00×"))
            #expect(page.body.contains("33.33 USD"))  // 800.00 / 24 conversions
            #expect(page.body.contains(#"<th scope="row" class="platform">meta</th><td class="num">700.00 USD"#))
            #expect(page.body.contains(#"<th scope="row" class="platform">google</th><td class="num">100.00 USD"#))
            #expect(page.body.contains("<svg"))
            #expect(
                page.body.contains("BUDGET_INCREASE</span> <a href=\"/campaigns/\(signup.id.uuidString)\">Signup</a>"))
            #expect(page.body.contains("200.00 USD daily → 240.00 USD daily · dryRun"))
            #expect(page.body.contains(#"<polyline class="line series-1""#))
            let older = try await browser.send(.get, "/?since=2020-01-01&until=2020-01-31")
            #expect(older.body.contains("No synced delivery"))
            let backwards = try await browser.send(.get, "/?since=2026-12-07&until=2026-12-01")
            #expect(backwards.status == .badRequest)
            #expect(backwards.body.contains("since: 2026-12-07 is after until (2026-12-01)"))
        }
    }

    @Test("the list filters, sorts by a figure both ways and pages, all in the URL")
    func listFiltersSortsPages() async throws {
        let harness = try ConsoleHarness()
        let meta = try await harness.account(.meta, name: "Disney+ US — Meta")
        let google = try await harness.account(.google, name: "Hulu — Google")
        for index in 0..<55 {
            let campaign = try await harness.campaign(named: "Meta \(index)", on: meta)
            try await harness.deliver(campaign, days: 1, spend: Int64(1_000 + index))
        }
        _ = try await harness.campaign(named: "Google only", on: google)
        try await harness.run { browser in
            try await browser.signIn()
            let first = try await browser.send(.get, "/campaigns?sort=spend&order=desc")
            #expect(first.body.contains("1–50 of 56"))
            #expect(first.body.contains(#"aria-sort="descending""#))
            let firstRow = try #require(first.body.range(of: "Meta 54"))
            let secondRow = try #require(first.body.range(of: "Meta 53"))
            #expect(firstRow.lowerBound < secondRow.lowerBound)
            #expect(first.body.contains(#"href="/campaigns?order=desc&amp;page=2&amp;sort=spend""#))
            let second = try await browser.send(.get, "/campaigns?order=desc&page=2&sort=spend")
            #expect(second.body.contains("51–56 of 56"))
            // Without spend, last either way.
            #expect(second.body.contains("Google only"))
            let ascending = try await browser.send(.get, "/campaigns?sort=spend&order=asc&page=2")
            #expect(ascending.body.contains("Google only"))
            let google = try await browser.send(.get, "/campaigns?platform=google")
            #expect(google.body.contains("1–1 of 1"))
            #expect(google.body.contains(#"<option value="google" selected>"#))
            let bad = try await browser.send(.get, "/campaigns?sort=color")
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("sort: &#39;color&#39; is not a column"))
        }
    }

    @Test("names with markup are shown as text on every page, never run")
    func escapesEverything() async throws {
        let harness = try ConsoleHarness()
        let meta = try await harness.account(.meta, name: #"<img src=x onerror="alert(1)">"#)
        let campaign = try await harness.campaign(named: "<script>alert('name')</script>", on: meta)
        try await harness.deliver(campaign, days: 2, spend: 500)
        try await harness.run { browser in
            try await browser.signIn()
            for path in ["/", "/campaigns", "/campaigns?status=%3Cscript%3E"] {
                let page = try await browser.send(.get, path)
                #expect(!page.body.contains("<script>alert"), "\(path)")
                #expect(!page.body.contains("<img src=x"), "\(path)")
            }
            let list = try await browser.send(.get, "/campaigns")
            #expect(list.body.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;"))
        }
    }
}
