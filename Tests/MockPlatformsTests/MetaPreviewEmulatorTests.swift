import Foundation
import MockPlatforms
import Testing

/// The Meta emulator's preview edges (ops-anchors §5): `generatepreviews` with an inline creative spec, `previews`
/// of an ad and of a creative, the iframe pages they point at, and Graph's errors for bad parameters.
@Suite("Meta emulator previews")
struct MetaPreviewEmulatorTests {
    typealias Client = MetaTestClient
    static let account = MetaTestClient.account

    /// An inline creative spec: a link ad with the uploaded image and hostile texts.
    static func creative(imageHash: String, headline: String, message: String) -> String {
        let linkData = MockJSON.object([
            ("link", .string("https://example.com/signup?utm_source=facebook&utm_medium=paid")),
            ("message", .string(message)), ("name", .string(headline)), ("description", .string("Plans from $7.99")),
            ("image_hash", .string(imageHash)),
            ("call_to_action", .object([("type", .string("SIGN_UP"))])),
        ])
        let spec = MockJSON.object([("page_id", .string("111222333")), ("link_data", linkData)])
        return MockJSON.object([("object_story_spec", spec)]).serialized
    }

    /// The page of the one preview in a `{"data":[{"body":…}]}` answer.
    static func page(of reply: Client.Reply) async throws -> FetchedPreviewPage {
        #expect(reply.status == 200, "\(reply.json)")
        #expect(reply.data.count == 1, "\(reply.json)")
        let body = try #require(reply.data.first?["body"]?.string)
        #expect(body.hasPrefix("<iframe src=\"") && body.hasSuffix("</iframe>"), "\(body)")
        let source = try #require(FetchedPreviewPage.iframeSource(body))
        #expect(source.contains("/_mock/meta/preview_iframe?d="), "\(source)")
        return try await FetchedPreviewPage.fetch(source)
    }

    @Test(
        "generatepreviews draws an unsaved creative in each placement, everything user-supplied escaped",
        arguments: [
            ("DESKTOP_FEED_STANDARD", "desktopFeed"), ("MOBILE_FEED_STANDARD", "mobileFeed"),
            ("INSTAGRAM_STANDARD", "instagramFeed"), ("INSTAGRAM_STORY", "story"),
        ])
    func generatePreviews(format: String, layout: String) async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let image = try await client.upload([("filename", "hero.png", Client.png())])
            let hash = try #require(image.json["images"]?["hero.png"]?["hash"]?.string)
            let creative = Self.creative(
                imageHash: hash, headline: "<script>alert(1)</script> Stream now",
                message: "Tom & Jerry say \"hi\" <b>today</b>")
            let reply = try await client.get(
                "\(Self.account)/generatepreviews", [("creative", creative), ("ad_format", format)])
            let page = try await Self.page(of: reply)
            #expect(page.status == 200)
            #expect(page.contentType.hasPrefix("text/html"))
            #expect(page.html.contains("class=\"preview \(layout)\""), "\(format) is drawn as \(layout)")
            #expect(page.html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Stream now"))
            #expect(!page.html.contains("<script"), "no script reaches the page")
            #expect(page.html.contains("Tom &amp; Jerry say &quot;hi&quot; &lt;b&gt;today&lt;/b&gt;"))
            #expect(page.html.contains("Sponsored") && page.html.contains("Sign up"))
            // The uploaded image is shown from the emulator, never from the CDN address the API answers.
            #expect(page.html.contains("src=\"/_mock/media/meta/\(hash)\""), "the uploaded image is shown")
            #expect(!page.html.contains("fbcdn.net"))
            let media = try await FetchedPreviewPage.fetchBytes("\(running.baseURL)/_mock/media/meta/\(hash)")
            #expect(media.status == 200 && media.contentType == "image/png")
            #expect(media.body == Client.png())
            if layout != "story" && layout != "instagramFeed" {
                #expect(page.html.contains("EXAMPLE.COM"), "the link caption")
            }
        }
    }

    @Test("previews of an existing ad and of its creative show the stored creative")
    func entityPreviews() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let ids = try await MetaEmulatorTests.hierarchy(client)
            for node in [ids.ad, ids.creative] {
                let reply = try await client.get("\(node)/previews", [("ad_format", "MOBILE_FEED_STANDARD")])
                let page = try await Self.page(of: reply)
                #expect(page.status == 200)
                #expect(page.html.contains("Sign up today."), "\(page.html)")
                #expect(page.html.contains(ids.hash))
            }
            let sized = try await client.get(
                "\(ids.ad)/previews", [("ad_format", "INSTAGRAM_STORY"), ("width", "400"), ("height", "711")])
            let body = try #require(sized.data.first?["body"]?.string)
            #expect(body.contains("width=\"400\"") && body.contains("height=\"711\""))
        }
    }

    @Test("bad parameters get Graph's error 100 naming the parameter; bad tokens a 404 page")
    func errors() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let ids = try await MetaEmulatorTests.hierarchy(client)
            let creative = Self.creative(imageHash: ids.hash, headline: "Hi", message: "Hello")

            let unknown = try await client.get("\(ids.ad)/previews", [("ad_format", "BILLBOARD")])
            #expect(unknown.status == 400 && unknown.code == 100)
            #expect(unknown.message.contains("ad_format") && unknown.message.contains("DESKTOP_FEED_STANDARD"))
            #expect(unknown.message.contains("INSTAGRAM_STORY"), "every valid value is listed")

            let noFormat = try await client.get("\(Self.account)/generatepreviews", [("creative", creative)])
            #expect(noFormat.code == 100 && noFormat.message.contains("ad_format"), "\(noFormat.json)")

            let noCreative = try await client.get(
                "\(Self.account)/generatepreviews", [("ad_format", "DESKTOP_FEED_STANDARD")])
            #expect(noCreative.status == 400 && noCreative.code == 100 && noCreative.message.contains("creative"))

            let emptySpec = try await client.get(
                "\(Self.account)/generatepreviews", [("creative", "{}"), ("ad_format", "DESKTOP_FEED_STANDARD")])
            #expect(emptySpec.code == 100 && emptySpec.message.contains("object_story_spec"), "\(emptySpec.json)")

            let noPage = try await client.get(
                "\(Self.account)/generatepreviews",
                [
                    ("creative", #"{"object_story_spec":{"link_data":{"link":"https://example.com"}}}"#),
                    ("ad_format", "DESKTOP_FEED_STANDARD"),
                ])
            #expect(noPage.code == 100 && noPage.message.contains("page_id"), "\(noPage.json)")

            let campaign = try await client.get("\(ids.campaign)/previews", [("ad_format", "DESKTOP_FEED_STANDARD")])
            #expect(campaign.code == 100 && campaign.message.contains("previews"), "\(campaign.json)")

            let missing = try await client.get("999999999/previews", [("ad_format", "DESKTOP_FEED_STANDARD")])
            #expect(missing.error != nil, "\(missing.json)")

            let noToken = try await client.get(
                "\(ids.ad)/previews", [("ad_format", "DESKTOP_FEED_STANDARD")], token: nil)
            #expect(noToken.code == 104)

            let forged = try await FetchedPreviewPage.fetch(
                running.baseURL.absoluteString + "/_mock/meta/preview_iframe?d=not-a-token")
            #expect(forged.status == 404 && forged.contentType.hasPrefix("text/html"))
        }
    }

    @Test("a javascript: link or image never becomes an href or src")
    func unsafeURLs() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let spec = MockJSON.object([
                ("page_id", .string("111222333")),
                (
                    "link_data",
                    .object([
                        ("link", .string("https://example.com/")), ("picture", .string("javascript:alert(1)")),
                        ("message", .string("Hello")),
                        ("call_to_action", .object([("type", .string("LEARN_MORE"))])),
                    ])
                ),
            ])
            let reply = try await client.get(
                "\(Self.account)/generatepreviews",
                [
                    ("creative", MockJSON.object([("object_story_spec", spec)]).serialized),
                    ("ad_format", "MOBILE_FEED_STANDARD"),
                ])
            let page = try await Self.page(of: reply)
            #expect(page.status == 200)
            #expect(!page.html.contains("javascript:"), "\(page.html)")
            #expect(page.html.contains("href=\"https://example.com/\""))
        }
    }
}
