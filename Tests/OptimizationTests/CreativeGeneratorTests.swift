import AdPlatformKit
import Foundation
import GoogleAds
import MetaAds
import Optimization
import SnapchatAds
import Testing
import TikTokAds

/// The offline template generator: three angles, deterministic, and every creative valid on its platform.
@Suite("Creative generator")
struct CreativeGeneratorTests {
    static let platforms = [
        MetaCapabilities.capabilities, TikTokCapabilities.capabilities, SnapchatCapabilities.capabilities,
        GoogleCapabilities.capabilities,
    ]

    static let brief = CreativeBrief(
        key: "spring", brandName: "Disney+ Demo Streaming Service Limited", product: "Disney+",
        benefit: "Stream new originals, classics and live sport every single week with your whole family",
        socialProof: "Loved by millions of families 🎉", urgency: "Offer ends Sunday",
        problem: "Nothing good to watch tonight?", solution: "Thousands of films and series in one app",
        callToAction: .bookNow, landingURL: "https://disneyplus-signup-demo.localhost/",
        media: [
            MediaReference(kind: .video, source: "https://example.com/trailer.mp4"),
            MediaReference(kind: .image, source: "https://example.com/hero.jpg"),
        ])

    @Test("N variations cycle the three angles, one creative per platform, each valid there with no warning")
    func validEverywhere() throws {
        let variations = try TemplateCreativeGenerator().generate(Self.brief, count: 5, for: Self.platforms)
        #expect(
            variations.map(\.angle) == [
                .benefit, .socialProofOrUrgency, .problemSolution, .benefit, .socialProofOrUrgency,
            ])
        #expect(variations.map(\.number) == [1, 2, 3, 4, 5])
        for variation in variations {
            #expect(variation.creatives.count == 4)
            for capabilities in Self.platforms {
                let creative = try #require(variation.creative(for: capabilities.platform))
                // The request validator itself, on a request the test builds, not the generator's own check.
                let request = TraffickingRequest(
                    name: "Spring", objective: .traffic,
                    budget: Budget(.daily, Money(minorUnits: 100_000, currency: .usd)),
                    schedule: Schedule(start: Fixtures.now), targeting: Targeting(countries: ["US"]),
                    adGroups: [AdGroupDefinition(key: "g", name: "Group")], creatives: [creative],
                    ads: [AdDefinition(name: "Ad", adGroup: "g", creative: creative.key)])
                let violations = RequestValidator().validate(request, against: [capabilities])
                #expect(violations.isEmpty, "\(capabilities.platform) v\(variation.number): \(violations)")
                #expect(creative.headlines.allSatisfy { $0.count <= 40 })
                #expect((creative.primaryText?.count ?? 0) <= 125)
            }
        }
        let meta = try #require(variations[0].creative(for: .meta))
        #expect(meta.callToAction == .bookNow, "Meta has BOOK_TRAVEL")
        #expect(variations[0].creative(for: .snapchat)?.callToAction == .learnMore, "Snapchat has no book-now button")
        #expect(variations[0].creative(for: .google)?.callToAction == nil, "search ads have no button")
        #expect(variations[0].creative(for: .google)?.headlines.count == 5)
        #expect(variations[0].creative(for: .google)?.media.isEmpty == true)
        #expect(variations[0].creative(for: .tiktok)?.media.map(\.kind) == [.image], "TikTok here shows images only")
        let tiktokText = try #require(variations[1].creative(for: .tiktok)?.primaryText)
        #expect(!tiktokText.contains("🎉") && tiktokText.contains("Loved by millions of families"))
    }

    @Test("variations differ by angle and the generator is deterministic")
    func deterministic() async throws {
        let generator = TemplateCreativeGenerator()
        let first = try await generator.variations(of: Self.brief, count: 3, for: Self.platforms)
        let second = try await generator.variations(of: Self.brief, count: 3, for: Self.platforms)
        #expect(first == second)
        let headlines = first.compactMap { $0.creative(for: .meta)?.headlines.first }
        #expect(Set(headlines).count == 3, "\(headlines)")
        #expect(headlines[2] == "Nothing good to watch tonight?")
        #expect(
            first[0].creatives.map(\.key) == [
                "spring-v1-meta", "spring-v1-tiktok", "spring-v1-snapchat", "spring-v1-google",
            ])
    }

    @Test("a platform that needs media the brief lacks is refused, naming it")
    func noMedia() {
        var brief = Self.brief
        brief.media = []
        let error = #expect(throws: CreativeGenerationError.self) {
            try TemplateCreativeGenerator().generate(
                brief, count: 1, for: [MetaCapabilities.capabilities, TikTokCapabilities.capabilities])
        }
        #expect(error?.kind == .noUsableMedia && error?.platform == .tiktok)
        #expect(
            (try? TemplateCreativeGenerator().generate(brief, count: 3, for: [GoogleCapabilities.capabilities]))?.count
                == 3)
    }
}
