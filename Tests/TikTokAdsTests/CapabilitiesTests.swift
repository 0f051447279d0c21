import AdPlatformKit
import Foundation
import Testing
import TikTokAds

@Suite("Capabilities")
struct CapabilitiesTests {
    let capabilities = TikTokCapabilities.capabilities

    @Test func identityAndHierarchy() {
        #expect(capabilities.platform == .tiktok)
        #expect(capabilities.displayName == "TikTok")
        #expect(capabilities.hierarchy.path == "campaign → ad group → image → ad (creative inline)")
        #expect(!capabilities.hierarchy.creativeIsEntity)
        #expect(TikTokAdsPlatform.id == .tiktok)
        #expect(TikTokAdsPlatform(transport: UnusedTransport()).capabilities == capabilities)
    }

    @Test func textLimits() throws {
        let primary = try #require(capabilities.limits(for: .primaryText).first)
        #expect(primary.platformField == "ad_text")
        #expect(primary.minimum == 1)
        #expect(primary.maximum == 100)
        #expect(primary.counting == .cjkAsTwo)
        #expect(primary.restrictions == [.noEmoji])
        let brand = try #require(capabilities.limits(for: .brandName).first)
        #expect(brand.platformField == "display_name")
        #expect(brand.maximum == 40)
        #expect(brand.counting == .cjkAsTwo)
        for field in [TextField.campaignName, .adGroupName, .adName] {
            #expect(capabilities.limits(for: field).map(\.maximum) == [512])
            #expect(capabilities.limits(for: field).map(\.enforcement) == [.hard])
        }
        #expect(capabilities.headlines.maximum == 0)
        #expect(capabilities.descriptions.maximum == 0)
    }

    @Test func mediaMapsAndBudget() {
        #expect(capabilities.media.images)
        #expect(!capabilities.media.videos)
        #expect(capabilities.media.required)
        #expect(capabilities.objectives.count == Objective.allCases.count)
        #expect(capabilities.callToActions[.getOffer] == nil)
        #expect(capabilities.callToActions[.download] == "DOWNLOAD_NOW")
        #expect(capabilities.callToActions.count == CallToAction.allCases.count - 1)
        #expect(capabilities.budget.unit == .majorUnits)
        #expect(capabilities.budget.placement == .adGroup)
        #expect(capabilities.budget.dailyMinimumMicros == 20_000_000)
        #expect(capabilities.budget.supportsLifetime)
    }

    @Test func defaultConfigurationIsProduction() {
        let configuration = TikTokAdsConfiguration()
        #expect(configuration.baseURL.absoluteString == "https://business-api.tiktok.com")
        #expect(configuration.path("campaign/create") == "/open_api/v1.3/campaign/create/")
    }
}

/// A transport for tests that must not send anything.
struct UnusedTransport: HTTPTransport {
    func send(_ request: PlatformHTTPRequest) async throws -> PlatformHTTPResponse {
        throw AdPlatformError(code: .permanent, message: "unexpected request \(request.url)")
    }
}
