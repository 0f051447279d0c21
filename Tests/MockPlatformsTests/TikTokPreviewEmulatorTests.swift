import Foundation
import MockPlatforms
import Testing

/// The TikTok emulator's `creative/ads_preview/create/` (ops-anchors §5): `ADS_CREATION` and `AD` previews in the
/// envelope, the in-feed page behind `preview_link`, its 30-day life on the virtual clock, and 40002/40007 errors
/// naming the field.
@Suite("TikTok emulator previews")
struct TikTokPreviewEmulatorTests {
    typealias Client = TikTokTestClient
    static let advertiser = TikTokTestClient.advertiser

    /// An `ADS_CREATION` body for an uploaded image; `extra` members replace or extend the defaults.
    static func creation(image: String, extra: [(String, MockJSON)] = []) -> MockJSON {
        Client.merged(
            [
                ("advertiser_id", .string(advertiser)), ("preview_type", .string("ADS_CREATION")),
                ("objective_type", .string("TRAFFIC")), ("placement", .string("PLACEMENT_TIKTOK")),
                ("preview_format", .string("IN_FEED")), ("ad_format", .string("SINGLE_IMAGE")),
                ("image_ids", .array([.string(image)])), ("ad_text", .string("<script>alert(1)</script> & more")),
                ("display_name", .string("Stream\"Co")), ("call_to_action", .string("SIGN_UP")),
                ("landing_page_url", .string("https://example.com/signup?utm_source=tiktok")),
            ], extra)
    }

    @Test("ADS_CREATION answers preview_link, iframe and tips; the link is an escaped in-feed page for 30 days")
    func adsCreation() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let ids = try await TikTokEmulatorTests.hierarchy(client, world: running.mock.world)
            let reply = try await client.post("creative/ads_preview/create", Self.creation(image: ids.image))
            #expect(reply.status == 200 && reply.code == 0 && reply.message == "OK", "\(reply.json)")
            #expect(reply.json["request_id"]?.string?.isEmpty == false)
            let link = try #require(reply.data["preview_link"]?.string)
            #expect(link.contains("/_mock/tiktok/ad_preview_tool?ad_preview_id="))
            let iframe = try #require(reply.data["iframe"]?.string)
            #expect(FetchedPreviewPage.iframeSource(iframe) == link)
            #expect(reply.data["tips"]?.array?.first?["placement"]?.string == "PLACEMENT_TIKTOK")

            let page = try await FetchedPreviewPage.fetch(link)
            #expect(page.status == 200 && page.contentType.hasPrefix("text/html"))
            #expect(page.html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
            #expect(!page.html.contains("<script"))
            #expect(page.html.contains("@Stream&quot;Co") && page.html.contains("Sponsored"))
            #expect(page.html.contains("Sign up") && page.html.contains("data-preview-format=\"IN_FEED\""))
            // The uploaded image comes from the emulator, not from TikTok's CDN address.
            let signature = TikTokTestClient.md5(TikTokTestClient.png())
            #expect(page.html.contains("src=\"/_mock/media/tiktok/\(signature)\""), "\(page.html)")
            #expect(!page.html.contains("tiktokcdn.com"))
            let media = try await FetchedPreviewPage.fetchBytes("\(running.baseURL)/_mock/media/tiktok/\(signature)")
            #expect(media.status == 200 && media.body == TikTokTestClient.png())

            _ = running.mock.world.advance(by: 29 * 86_400)
            #expect(try await FetchedPreviewPage.fetch(link).status == 200, "still valid on day 29")
            _ = running.mock.world.advance(by: 2 * 86_400)
            #expect(try await FetchedPreviewPage.fetch(link).status == 410, "expired after 30 days")
        }
    }

    @Test("AD previews an existing ad by ad_id")
    func adPreview() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let ids = try await TikTokEmulatorTests.hierarchy(client, world: running.mock.world)
            let reply = try await client.post(
                "creative/ads_preview/create",
                .object([
                    ("advertiser_id", .string(Self.advertiser)), ("preview_type", .string("AD")),
                    ("ad_id", .string(ids.ad)),
                ]))
            #expect(reply.code == 0, "\(reply.json)")
            let page = try await FetchedPreviewPage.fetch(try #require(reply.data["preview_link"]?.string))
            #expect(page.status == 200)
            #expect(page.html.contains("Stream the new season tonight.") && page.html.contains("@StreamCo"))
        }
    }

    @Test(
        "bad parameters answer 40002 (or 40007 for unknown ids) naming the field",
        arguments: [
            ("preview_type", MockJSON.null, 40002), ("preview_type", .string("BANNER"), 40002),
            ("preview_type", .string("CARD"), 40002), ("ad_text", .null, 40002), ("ad_text", .string(""), 40002),
            ("ad_format", .null, 40002), ("preview_format", .string("SEARCH_RESULTS"), 40002),
            ("placement", .string("PLACEMENT_NOWHERE"), 40002), ("call_to_action", .string("CLICK_ME"), 40002),
            ("landing_page_url", .string("javascript:alert(1)"), 40002), ("image_ids", .array([]), 40002),
            ("image_ids", .array([.string("no-such-image")]), 40007), ("advertiser_id", .null, 40002),
        ])
    func errors(field: String, value: MockJSON, code: Int) async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let ids = try await TikTokEmulatorTests.hierarchy(client, world: running.mock.world)
            var members = Self.creation(image: ids.image).members ?? []
            members.removeAll { $0.0 == field }
            if value != .null { members.append((field, value)) }
            let reply = try await client.post("creative/ads_preview/create", .object(members))
            #expect(reply.status == 200 && reply.code == code, "\(reply.json)")
            #expect(reply.message.hasPrefix(field + ":"), "\(reply.message)")
            #expect(reply.data == .object([]))
        }
    }

    @Test("AD with an unknown ad_id is 40007; a missing token 40104; an unknown page token a 404 page")
    func adErrors() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let body = MockJSON.object([
                ("advertiser_id", .string(Self.advertiser)), ("preview_type", .string("AD")),
                ("ad_id", .string("1799999999999999999")),
            ])
            let unknown = try await client.post("creative/ads_preview/create", body)
            #expect(unknown.code == 40007 && unknown.message.hasPrefix("ad_id:"), "\(unknown.json)")
            let noID = try await client.post(
                "creative/ads_preview/create",
                .object([("advertiser_id", .string(Self.advertiser)), ("preview_type", .string("AD"))]))
            #expect(noID.code == 40002 && noID.message.hasPrefix("ad_id:"))
            let noToken = try await client.post("creative/ads_preview/create", body, token: nil)
            #expect(noToken.code == 40104)
            let forged = try await FetchedPreviewPage.fetch(
                running.baseURL.absoluteString + "/_mock/tiktok/ad_preview_tool?ad_preview_id=bogus")
            #expect(forged.status == 404)
        }
    }
}
