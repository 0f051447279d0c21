import AdPlatformKit
import GoogleAds
import Testing

@Suite("Google capabilities")
struct GoogleCapabilitiesTests {
    let capabilities = GoogleCapabilities.capabilities

    @Test("search campaigns only, budgets in micros on the campaign, daily only")
    func table() {
        #expect(capabilities.platform == .google)
        #expect(capabilities.displayName == "Google Ads")
        #expect(
            capabilities.hierarchy.path == "campaign budget → campaign → ad group → ad group ad (responsive search ad)")
        #expect(capabilities.hierarchy.budgetIsEntity)
        #expect(!capabilities.hierarchy.creativeIsEntity)
        #expect(
            capabilities.objectives == [.traffic: "SEARCH", .conversions: "SEARCH", .leads: "SEARCH", .sales: "SEARCH"])
        #expect(capabilities.callToActions.isEmpty)
        #expect(!capabilities.usesCallToAction)
        #expect(capabilities.budget.unit == .micros)
        #expect(capabilities.budget.placement == .campaign)
        #expect(capabilities.budget.dailyMinimumMicros == nil)
        #expect(!capabilities.budget.supportsLifetime)
        #expect(
            capabilities.media
                == MediaSupport(
                    images: false, videos: false, required: false, placement: "Google search results (text only)"))
        #expect(capabilities.headlines == CountLimit(minimum: 3, maximum: 15, excess: .rejected, requiresUnique: true))
        #expect(
            capabilities.descriptions == CountLimit(minimum: 2, maximum: 4, excess: .rejected, requiresUnique: true))
        #expect(GoogleAdsPlatform.id == .google)
    }

    @Test(
        "text limits",
        arguments: [
            (TextField.campaignName, "campaign.name", 255, LengthCounting.characters),
            (.adGroupName, "ad_group.name", 255, .characters),
            (.headline, "responsive_search_ad.headlines.text", 30, .cjkAsTwo),
            (.description, "responsive_search_ad.descriptions.text", 90, .cjkAsTwo),
            (.displayPath, "responsive_search_ad.path1/path2", 15, .cjkAsTwo),
        ])
    func limits(field: TextField, platformField: String, maximum: Int, counting: LengthCounting) throws {
        let limit = try #require(capabilities.limits(for: field).first)
        #expect(limit.platformField == platformField)
        #expect(limit.maximum == maximum)
        #expect(limit.enforcement == .hard)
        #expect(limit.counting == counting)
        if field == .campaignName || field == .adGroupName {
            #expect(limit.restrictions == [.noLineBreaks])
        }
    }

    @Test("a headline of 15 CJK characters is 30 long, one more is over")
    func cjkHeadline() throws {
        let limit = try #require(capabilities.limits(for: .headline).first)
        #expect(limit.counting.length(of: String(repeating: "映", count: 15)) == 30)
        #expect(limit.counting.length(of: String(repeating: "映", count: 16)) > limit.maximum)
    }
}
