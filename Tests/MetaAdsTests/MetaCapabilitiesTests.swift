import AdPlatformKit
import Testing

@testable import MetaAds

@Suite("Meta capabilities")
struct MetaCapabilitiesTests {
    let capabilities = MetaCapabilities.capabilities

    @Test("hierarchy: campaign → ad set → ad image → ad creative → ad, with the budget on the campaign")
    func hierarchy() {
        #expect(capabilities.platform == .meta)
        #expect(capabilities.displayName == "Meta")
        #expect(capabilities.hierarchy.path == "campaign → ad set → ad image → ad creative → ad")
        #expect(capabilities.hierarchy.creativeIsEntity)
        #expect(!capabilities.hierarchy.budgetIsEntity)
        #expect(capabilities.budget.placement == .campaign)
        #expect(capabilities.budget.dailyMinimumMicros == 1_000_000)
        #expect(capabilities.budget.supportsLifetime)
    }

    @Test("text limits are recommendations on link_data fields")
    func textLimits() {
        let limits = capabilities.textLimits.map { "\($0.field) \($0.platformField) \($0.maximum) \($0.enforcement)" }
        #expect(
            limits == [
                "headline link_data.name 40 recommended", "primaryText link_data.message 125 recommended",
                "description link_data.description 30 recommended",
            ])
        #expect(capabilities.headlines == CountLimit(minimum: 1, maximum: 1, excess: .ignored))
        #expect(capabilities.descriptions == CountLimit(minimum: 0, maximum: 1, excess: .ignored))
        #expect(capabilities.media.images && !capabilities.media.videos && !capabilities.media.required)
    }

    @Test(
        "every generic objective maps to an OUTCOME_ value",
        arguments: [
            (Objective.awareness, "OUTCOME_AWARENESS"), (.reach, "OUTCOME_AWARENESS"), (.traffic, "OUTCOME_TRAFFIC"),
            (.engagement, "OUTCOME_ENGAGEMENT"), (.videoViews, "OUTCOME_ENGAGEMENT"), (.leads, "OUTCOME_LEADS"),
            (.appPromotion, "OUTCOME_APP_PROMOTION"), (.conversions, "OUTCOME_SALES"), (.sales, "OUTCOME_SALES"),
        ])
    func objectives(objective: Objective, value: String) {
        #expect(capabilities.objectives[objective] == value)
    }

    @Test("every call to action has a Meta type")
    func callToActions() {
        #expect(capabilities.callToActions.count == CallToAction.allCases.count)
        #expect(capabilities.callToActions[.watchNow] == "WATCH_MORE")
        #expect(capabilities.callToActions[.bookNow] == "BOOK_TRAVEL")
        #expect(capabilities.callToActions[.download] == "DOWNLOAD")
    }

    @Test("the budget unit reads Meta's strings back exactly")
    func budgetRoundTrip() throws {
        let unit = capabilities.budget.unit
        #expect(try unit.money(fromPlatformValue: "15000", currency: .usd) == Money(minorUnits: 15_000, currency: .usd))
        #expect(try unit.money(fromPlatformValue: "5000", currency: .jpy) == Money(minorUnits: 5_000, currency: .jpy))
        let twd = try #require(Currency(code: "TWD"))
        #expect(try unit.platformValue(for: Money(minorUnits: 30_000, currency: twd)) == .integer(300))
    }
}
