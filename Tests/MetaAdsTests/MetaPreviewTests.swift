import AdPlatformKit
import Foundation
import Testing

@testable import MetaAds

@Suite("Meta previews")
struct MetaPreviewTests {
    let builder = MetaRequestBuilder()
    let story = MetaCapabilities.previews.format("INSTAGRAM_STORY")

    @Test("generatepreviews: GET on the account with the creative spec inline and the ad_format")
    func generatePreview() throws {
        let format = try #require(story)
        let draft = PreviewDraft(creative: Sample.creative, landingURL: Sample.landingURL, media: [Sample.image])
        let request = try builder.generatePreview(draft, format: format, in: Sample.account())
        #expect(request.method == .get && request.body == nil)
        #expect(request.url.path == "/v26.0/act_123/generatepreviews")
        #expect(request.queryValue("ad_format") == "INSTAGRAM_STORY")
        let creative = try JSONValue(parsing: Data(try #require(request.queryValue("creative")).utf8))
        let linkData = creative["object_story_spec"]?["link_data"]
        #expect(creative["object_story_spec"]?["page_id"]?.stringValue == Sample.account().settings["page_id"])
        #expect(linkData?["link"]?.stringValue == Sample.landingURL)
        #expect(linkData?["image_hash"]?.stringValue == Sample.image.reference)
        #expect(linkData?["name"]?.stringValue == Sample.creative.headlines.first)
    }

    @Test("previews of an ad: GET {id}/previews with the ad_format")
    func entityPreview() throws {
        let request = try builder.preview(ofEntity: Sample.adID, format: try #require(story), in: Sample.account())
        #expect(request.url.path == "/v26.0/\(Sample.adID)/previews")
        #expect(request.queryValue("ad_format") == "INSTAGRAM_STORY")
    }

    @Test("the answer's iframe is the embed and its src, entities decoded, the link")
    func parse() throws {
        let body: JSONValue = [
            "data": [
                [
                    "body": .string(
                        "<iframe src=\"https://www.facebook.com/ads/api/preview_iframe.php?d=AQ1&amp;t=AQ2\" "
                            + "width=\"320\" height=\"570\" scrolling=\"yes\" style=\"border: none;\"></iframe>")
                ]
            ]
        ]
        let format = try #require(story)
        let preview = try MetaResponseParser(operation: "previews").preview(in: body, format: format)
        #expect(preview.url == "https://www.facebook.com/ads/api/preview_iframe.php?d=AQ1&t=AQ2")
        #expect(preview.embedHTML.hasPrefix("<iframe"))
        #expect(throws: AdPlatformError.self) {
            try MetaResponseParser(operation: "previews").preview(in: ["data": []], format: format)
        }
    }

    @Test("a format Meta does not offer is refused before any call, naming formats[i]")
    func unsupportedFormat() throws {
        let odd = PreviewFormat(value: "BILLBOARD", label: "Billboard", aspectRatio: .init(width: 1, height: 1))
        #expect(throws: AdPlatformError.self) {
            try MetaCapabilities.previews.resolve([odd], platform: .meta, operation: "previews")
        }
        let offered = try #require(story)
        do {
            _ = try MetaCapabilities.previews.resolve([offered, odd], platform: .meta, operation: "previews")
            Issue.record("BILLBOARD was accepted")
        } catch {
            #expect(error.code == .unsupported && error.fieldPath == "formats[1]")
        }
        #expect(try MetaCapabilities.previews.resolve([], platform: .meta, operation: "p").count >= 4)
    }
}
