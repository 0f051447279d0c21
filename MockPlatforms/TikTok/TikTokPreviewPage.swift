import Foundation

/// One emulated TikTok ad preview: an in-feed ad as the TikTok app shows it, and its HTML page, served at
/// `/_mock/tiktok/ad_preview_tool?ad_preview_id=<token>` (the `preview_link` of `creative/ads_preview/create/`).
struct TikTokPreviewPage: Sendable, Equatable {
    /// The `preview_format`, e.g. `IN_FEED`.
    var format: String
    /// The name shown as the ad's author (`display_name`, or the identity).
    var displayName: String
    /// The ad text.
    var adText: String?
    /// The image's URL, for an image ad.
    var imageURL: String?
    /// Where the button leads.
    var link: String?
    /// The call-to-action value, e.g. `LEARN_MORE`.
    var callToAction: String?
    /// When the link stops working, in seconds since 1970 (30 days for `ADS_CREATION` and `AD`).
    var expiresAt: Int64

    /// The opaque `ad_preview_id` of the page.
    var token: String {
        var members: [(String, MockJSON)] = [
            ("f", .string(format)), ("n", .string(displayName)), ("x", .int(expiresAt)),
        ]
        let optional: [(String, String?)] = [("t", adText), ("i", imageURL), ("l", link), ("c", callToAction)]
        for (key, value) in optional { if let value { members.append((key, .string(value))) } }
        return PreviewToken.encode(.object(members))
    }

    /// Creates a page from its parts.
    init(
        format: String, displayName: String, adText: String?, imageURL: String?, link: String?,
        callToAction: String?, expiresAt: Int64
    ) {
        self.format = format
        self.displayName = displayName
        self.adText = adText
        self.imageURL = imageURL
        self.link = link
        self.callToAction = callToAction
        self.expiresAt = expiresAt
    }

    /// The page an `ad_preview_id` stands for; `nil` when it is not one the emulator wrote.
    init?(token: String) {
        guard let json = PreviewToken.decode(token), let format = json["f"]?.string,
            let name = json["n"]?.string, let expiry = json["x"]?.int64
        else { return nil }
        self.init(
            format: format, displayName: name, adText: json["t"]?.string, imageURL: json["i"]?.string,
            link: json["l"]?.string, callToAction: json["c"]?.string, expiresAt: expiry)
    }

    /// The in-feed page, every user-supplied text escaped.
    var response: MockResponse {
        let name = PreviewHTML.escape(displayName)
        let alt = PreviewHTML.escape(adText ?? "Ad image")
        let media =
            PreviewHTML.imageSource(imageURL).map { "<img class=\"media\" src=\"\($0)\" alt=\"\(alt)\">" }
            ?? "<div class=\"media empty\" role=\"img\" aria-label=\"\(alt)\"></div>"
        var button = ""
        if let callToAction {
            let label = PreviewHTML.escape(PreviewHTML.buttonLabel(callToAction))
            button =
                PreviewHTML.webURL(link).map {
                    "<a class=\"cta\" href=\"\($0)\" target=\"_blank\" rel=\"noopener noreferrer\">\(label)</a>"
                } ?? "<span class=\"cta\">\(label)</span>"
        }
        let text = adText.map { "<p class=\"text\">\(PreviewHTML.escape($0))</p>" } ?? ""
        let body =
            "<div class=\"phone\" data-preview-format=\"\(PreviewHTML.escape(format))\">\(media)"
            + "<nav class=\"rail\" aria-hidden=\"true\"><span class=\"avatar\"></span><span>&#9829;</span>"
            + "<span>&#128172;</span><span>&#10150;</span></nav>"
            + "<div class=\"caption\"><strong class=\"name\">@\(name)</strong>"
            + "<span class=\"sponsored\">Sponsored</span>\(text)\(button)</div></div>"
        return PreviewHTML.page(title: "TikTok ad preview", style: Self.style, body: body)
    }

    private static let style = """
        body{margin:0;background:#000;font:14px/1.35 -apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#fff}
        .phone{position:relative;max-width:360px;margin:0 auto;aspect-ratio:9/16;overflow:hidden;background:#161823}
        .media{position:absolute;inset:0;width:100%;height:100%;object-fit:cover;background:#2f3036}
        .rail{position:absolute;right:10px;bottom:120px;display:flex;flex-direction:column;gap:18px;font-size:22px;text-align:center}
        .avatar{width:44px;height:44px;border-radius:50%;background:#fe2c55;border:2px solid #fff}
        .caption{position:absolute;left:12px;right:70px;bottom:16px;text-shadow:0 1px 2px #000}
        .name{display:block;font-size:16px}.sponsored{display:inline-block;font-size:11px;background:rgba(0,0,0,.4);padding:1px 4px;border-radius:2px}
        .text{margin:6px 0 10px;white-space:pre-wrap}
        .cta{display:block;text-align:center;background:#fe2c55;color:#fff;border-radius:4px;padding:9px;font-weight:600;text-decoration:none}
        """
}
