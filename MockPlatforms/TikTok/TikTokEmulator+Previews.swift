import Foundation

/// Ad previews (ops-anchors §5): `POST /creative/ads_preview/create/`, answering `preview_link` (an emulator page,
/// ``TikTokPreviewPage``), an `iframe` snippet of it, and `tips`.
///
/// `preview_type` `ADS_CREATION` previews an ad from its creative fields before it exists; `AD` previews an ad by
/// `ad_id`. Both links last 30 days on the virtual clock. The other documented types (`CARD`, `PAGE`,
/// `SINGLE_VIDEO`, `SINGLE_IMAGE`) and preview formats other than `IN_FEED` are not emulated, and are refused with
/// 40002 naming the field, so a test never mistakes a made-up page for one of them.
extension TikTokEmulator {
    /// Every `preview_type` TikTok documents.
    static let previewTypes = ["ADS_CREATION", "AD", "CARD", "PAGE", "SINGLE_VIDEO", "SINGLE_IMAGE"]
    /// How long an `ADS_CREATION` or `AD` preview link works.
    static let previewLifetime: TimeInterval = 30 * 86_400

    /// `POST /creative/ads_preview/create/`.
    func createAdsPreview(_ call: TikTokCall) throws(TikTokError) -> MockJSON {
        let body = try call.body()
        let advertiser = try body.advertiserID()
        let type = try body.requiredEnum("preview_type", Self.previewTypes)
        let placement = try Self.previewPlacement(body)
        let format = try body.string("preview_format") ?? "IN_FEED"
        guard format == "IN_FEED" else {
            throw TikTokError.invalid("preview_format", "Only IN_FEED previews are emulated; got \(format).")
        }
        let expiry = Int64((call.now.timeIntervalSince1970 + Self.previewLifetime).rounded(.down))
        let page: TikTokPreviewPage
        switch type {
        case "ADS_CREATION":
            page = try creationPreview(body, format: format, advertiser: advertiser, world: call.world, expiry: expiry)
        case "AD":
            let adID = try body.requiredID("ad_id")
            let ad = try lookup(call.world, kind: .ad, id: adID, advertiser: advertiser, field: "ad_id")
            page = Self.adPreview(ad, format: format, world: call.world, expiry: expiry)
        default:
            throw TikTokError.invalid(
                "preview_type", "\(type) previews are not emulated; use ADS_CREATION or AD.")
        }
        let host = call.request.header("host") ?? "127.0.0.1"
        let link = "http://\(host)/_mock/tiktok/ad_preview_tool?ad_preview_id=\(page.token)"
        let iframe =
            "<iframe src=\"\(PreviewHTML.escape(link))\" width=\"360\" height=\"640\" frameborder=\"0\" "
            + "allowfullscreen></iframe>"
        return .object([
            ("preview_link", .string(link)), ("iframe", .string(iframe)),
            ("tips", .array([.object([("placement", .string(placement)), ("messages", .array([]))])])),
        ])
    }

    /// The page an `ad_preview_id` stands for (`GET /_mock/tiktok/ad_preview_tool?ad_preview_id=…`); HTTP 410 once
    /// the link has expired on the virtual clock.
    static func previewToolPage(id: String?, now: Date) -> MockResponse {
        guard let id, let page = TikTokPreviewPage(token: id) else {
            return PreviewHTML.problem(404, "This preview link is not one the TikTok emulator made.")
        }
        guard Double(page.expiresAt) > now.timeIntervalSince1970 else {
            return PreviewHTML.problem(410, "This preview link has expired.")
        }
        return page.response
    }

    // MARK: - Parts

    /// `placement` (one value, or a list whose first value is used), `PLACEMENT_TIKTOK` when absent.
    static func previewPlacement(_ body: TikTokParams) throws(TikTokError) -> String {
        if case .array? = body.raw("placement") {
            let list = try body.stringList("placement") ?? []
            for value in list where !TikTokEnums.placements.contains(value) {
                throw TikTokParams.enumError("placement", TikTokEnums.placements)
            }
            return list.first ?? "PLACEMENT_TIKTOK"
        }
        return try body.enumValue("placement", TikTokEnums.placements) ?? "PLACEMENT_TIKTOK"
    }

    /// An `ADS_CREATION` preview: `ad_format` (`SINGLE_IMAGE` with `image_ids` of the advertiser's images, or
    /// `SINGLE_VIDEO` with `video_id`), `ad_text` (1–100, CJK counting 2), `display_name` (≤ 40),
    /// `call_to_action`, `landing_page_url`, `identity_type` with `identity_id`, `objective_type`.
    private func creationPreview(
        _ body: TikTokParams, format: String, advertiser: String, world: MockWorld, expiry: Int64
    ) throws(TikTokError) -> TikTokPreviewPage {
        _ = try body.enumValue("objective_type", TikTokEnums.objectiveTypes)
        let adFormat = try body.requiredEnum("ad_format", TikTokEnums.adFormats)
        guard adFormat == "SINGLE_IMAGE" || adFormat == "SINGLE_VIDEO" else {
            throw TikTokError.invalid("ad_format", "Only SINGLE_IMAGE and SINGLE_VIDEO previews are emulated.")
        }
        let text = try body.requiredString("ad_text")
        try TikTokText.checkWeighted(text, field: "ad_text", maximum: 100)
        let display = try body.string("display_name")
        if let display { try TikTokText.checkWeighted(display, field: "display_name", maximum: 40) }
        let action = try body.enumValue("call_to_action", TikTokEnums.callsToAction)
        let landing = try body.string("landing_page_url")
        if let landing, !Self.isWebURL(landing) {
            throw TikTokError.invalid("landing_page_url", "Not a valid URL. Use an http(s) URL.")
        }
        var identity: String?
        if try body.enumValue("identity_type", TikTokEnums.identityTypes) != nil {
            guard let id = try body.string("identity_id"), !id.isEmpty else {
                throw TikTokError.missing("identity_id")
            }
            identity = id
        }
        var imageURL: String?
        if adFormat == "SINGLE_IMAGE" {
            guard let images = try body.stringList("image_ids"), let first = images.first else {
                throw TikTokError.missing("image_ids")
            }
            for image in images {
                guard let entity = world.entity(Self.platformID, image), entity.kind == "image",
                    entity.accountID == advertiser, !entity.deleted
                else { throw TikTokError.notExist("image_ids", "Image \(image) does not exist.") }
                if image == first { imageURL = Self.previewImage(entity, world: world) }
            }
        } else if (try body.string("video_id"))?.isEmpty ?? true {
            throw TikTokError.missing("video_id")
        }
        return TikTokPreviewPage(
            format: format, displayName: display ?? identity ?? "advertiser_\(advertiser)", adText: text,
            imageURL: imageURL, link: landing, callToAction: action, expiresAt: expiry)
    }

    /// An `AD` preview: what the stored ad shows.
    private static func adPreview(
        _ ad: MockEntity, format: String, world: MockWorld, expiry: Int64
    ) -> TikTokPreviewPage {
        let fields = ad.fields
        var imageURL: String?
        if let first = fields["image_ids"]?.array?.first?.text, let image = world.entity(platformID, first) {
            imageURL = previewImage(image, world: world)
        }
        let display = fields["display_name"]?.string ?? fields["identity_id"]?.text ?? "advertiser_\(ad.accountID)"
        return TikTokPreviewPage(
            format: format, displayName: display, adText: fields["ad_text"]?.string, imageURL: imageURL,
            link: ad.landingURL ?? fields["landing_page_url"]?.string, callToAction: fields["call_to_action"]?.string,
            expiresAt: expiry)
    }

    /// Where a preview page takes an image from: the uploaded bytes from the emulator when it has them, else the
    /// API's `image_url` (TikTok's CDN, or the address an `UPLOAD_BY_URL` named).
    private static func previewImage(_ image: MockEntity, world: MockWorld) -> String? {
        if let signature = image.fields["signature"]?.string,
            world.uploadedMedia.data(platform: platformID, md5: signature) != nil
        {
            return EmulatorMedia.path(platform: platformID, md5: signature)
        }
        return image.fields["image_url"]?.string
    }
}
