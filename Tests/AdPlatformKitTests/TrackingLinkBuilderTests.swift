import AdPlatformKit
import Testing

@Suite("Tracking links")
struct TrackingLinkBuilderTests {
    let builder = TrackingLinkBuilder()
    let tags = TrackingLinkBuilder.Tags(campaign: "disneyplus_winter", content: "us_adults__hero")

    @Test(
        "UTM parameters follow the taxonomy per platform",
        arguments: [
            (PlatformID.meta, "paid_social"), (.tiktok, "paid_social"), (.snapchat, "paid_social"), (.google, "cpc"),
        ])
    func taxonomy(platform: PlatformID, medium: String) {
        let link = builder.link("https://example.test/signup", for: platform, tags: tags)
        #expect(
            link == "https://example.test/signup?utm_source=\(platform)&utm_medium=\(medium)"
                + "&utm_campaign=disneyplus_winter&utm_content=us_adults__hero")
    }

    @Test("existing parameters win, fragments stay last, click ids are added on request")
    func preservesExisting() {
        let link = builder.link(
            "https://example.test/p?utm_campaign=manual&x=1#plans", for: .meta, tags: tags, clickID: "fb.1.abc")
        #expect(
            link == "https://example.test/p?utm_campaign=manual&x=1&utm_source=meta&utm_medium=paid_social"
                + "&utm_content=us_adults__hero&fbclid=fb.1.abc#plans")
    }

    @Test(
        "click-id parameter names",
        arguments: [
            (PlatformID.meta, "fbclid"), (.tiktok, "ttclid"), (.snapchat, "ScCid"), (.google, "gclid"),
        ])
    func clickIDs(platform: PlatformID, name: String) {
        #expect(TrackingLinkBuilder.clickIDParameter(for: platform) == name)
    }

    @Test("slugs are lower-case ASCII words joined by underscores")
    func slugs() {
        #expect(TrackingLinkBuilder.slug("Disney+ Signup — Winter 2026") == "disney_signup_winter_2026")
        #expect(TrackingLinkBuilder.slug("  Hulu: Promo!! ") == "hulu_promo")
    }

    @Test("values are percent-encoded")
    func encoding() {
        let special = TrackingLinkBuilder.Tags(campaign: "a b&c", content: "x", extra: ["promo": "50%"])
        let link = builder.link("https://example.test/", for: .google, tags: special)
        #expect(link.contains("utm_campaign=a+b%26c"))
        #expect(link.hasSuffix("&promo=50%25"))
    }
}
