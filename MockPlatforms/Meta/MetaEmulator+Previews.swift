import Foundation

/// Ad previews (ops-anchors §5): `GET act_<id>/generatepreviews` for a creative spec that is not yet created, and
/// `GET <ad_id>/previews` or `GET <creative_id>/previews` for one that is. Each answers
/// `{"data":[{"body":"<iframe src=…></iframe>"}]}`, the iframe pointing at an emulator page
/// (`/_mock/meta/preview_iframe?d=…`, ``MetaPreviewPage``) that draws the ad in the asked `ad_format`.
extension MetaEmulator {
    /// `GET act_<id>/generatepreviews?creative={…}&ad_format=…`: the creative spec inline, as `AdCreative` fields
    /// (`object_story_spec`, or `object_story_id`), checked as creating it would check it.
    func generatePreviews(_ call: MetaCall, account: String, world: MockWorld) throws(MetaError) -> MockResponse {
        guard let creative = try call.params.object("creative") else { throw MetaError.required("creative") }
        let format = try Self.previewFormat(call.params)
        let spec = creative["object_story_spec"]
        let storyID = creative["object_story_id"]?.text
        guard spec != nil || storyID != nil else { throw MetaError.required("creative[object_story_spec]") }
        if let spec, spec.members == nil {
            throw MetaError.param("param creative[object_story_spec] must be an object.")
        }
        let details = try Self.creativeDetails(spec, account: account, world: world)
        let page = Self.previewPage(
            format: format, spec: spec, storyID: storyID, details: details, account: account, world: world)
        return try Self.previewAnswer(page, call: call)
    }

    /// `GET <ad_id>/previews?ad_format=…` or `GET <creative_id>/previews?ad_format=…`: the stored creative (the
    /// ad's own, for an ad) drawn in that format.
    func entityPreviews(_ entity: MockEntity, call: MetaCall, world: MockWorld) throws(MetaError) -> MockResponse {
        let format = try Self.previewFormat(call.params)
        var creative = entity
        if entity.kind == MetaKind.ad {
            let creativeID = entity.fields["creative"]?["id"]?.text ?? ""
            guard let stored = world.entity(Self.platformID, creativeID) else {
                throw MetaError.notFound(creativeID, method: call.method)
            }
            creative = stored
        }
        let fields = creative.fields
        let spec = fields["object_story_spec"]
        var details = CreativeDetails(objectType: fields["object_type"]?.string ?? "SHARE")
        details.link = creative.landingURL
        details.body = fields["body"]?.string
        details.title = fields["title"]?.string
        details.imageHash = fields["image_hash"]?.string
        details.callToAction = fields["call_to_action_type"]?.string
        let page = Self.previewPage(
            format: format, spec: spec, storyID: fields["object_story_id"]?.string, details: details,
            account: creative.accountID, world: world)
        return try Self.previewAnswer(page, call: call)
    }

    /// The page an emulator preview link stands for (`GET /_mock/meta/preview_iframe?d=<token>`).
    static func previewIframePage(token: String?) -> MockResponse {
        guard let token, let page = MetaPreviewPage(token: token) else {
            return PreviewHTML.problem(404, "This preview link is not one the Meta emulator made.")
        }
        return page.response
    }

    // MARK: - Parts

    /// `ad_format`: required, one of the 76 values (error 100 listing them otherwise).
    static func previewFormat(_ params: MetaParams) throws(MetaError) -> String {
        guard let format = try params.enumValue("ad_format", MetaPreviewFormat.values) else {
            throw MetaError.required("ad_format")
        }
        return format
    }

    /// `{"data":[{"body":"<iframe …>"}]}`, sized by `width` and `height` when given.
    static func previewAnswer(_ page: MetaPreviewPage, call: MetaCall) throws(MetaError) -> MockResponse {
        let width = try call.params.int("width", in: 1...10_000).map(Int.init)
        let height = try call.params.int("height", in: 1...10_000).map(Int.init)
        let body = page.iframe(origin: call.origin, width: width, height: height)
        return .json(.object([("data", .array([.object([("body", .string(body))])]))]))
    }

    /// What a creative shows, from its story spec where it has one (link, video or photo data), else from what
    /// the creative stored; an image hash is looked up among the account's images for its URL.
    static func previewPage(
        format: String, spec: MockJSON?, storyID: String?, details: CreativeDetails, account: String,
        world: MockWorld
    ) -> MetaPreviewPage {
        let pageID = spec?["page_id"]?.text ?? storyID?.split(separator: "_").first.map(String.init) ?? ""
        var page = MetaPreviewPage(
            format: format, pageName: pageID.isEmpty ? "Page" : "Page \(pageID)", message: details.body,
            headline: details.title, link: details.link, callToAction: details.callToAction)
        let story = spec?["link_data"] ?? spec?["video_data"] ?? spec?["photo_data"]
        page.linkDescription = story?["description"]?.string ?? story?["link_description"]?.string
        if let hash = details.imageHash {
            let image = world.entity(platformID, MetaCall.accountDigits(account) + ":" + hash)
            // The API's `url` is Meta's CDN; the page shows the uploaded bytes from the emulator instead.
            page.imageURL =
                image != nil && world.uploadedMedia.data(platform: platformID, md5: hash) != nil
                ? EmulatorMedia.path(platform: platformID, md5: hash) : image?.fields["url"]?.string
        }
        if page.imageURL == nil {
            page.imageURL = story?["picture"]?.string ?? story?["image_url"]?.string ?? story?["url"]?.string
        }
        return page
    }
}
