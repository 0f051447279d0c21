import Foundation

/// One emulated Meta preview: what a link ad shows in one placement, and its HTML page, served at
/// `/_mock/meta/preview_iframe?d=<token>` (the iframe `src` of a `previews`/`generatepreviews` answer).
struct MetaPreviewPage: Sendable, Equatable {
    /// The `ad_format` value.
    var format: String
    /// The Page the ad runs as.
    var pageName: String
    /// The primary text (`message`).
    var message: String?
    /// The headline (`name`).
    var headline: String?
    /// The link description.
    var linkDescription: String?
    /// The image's URL, when the creative has an image.
    var imageURL: String?
    /// Where the ad leads.
    var link: String?
    /// The call-to-action type, e.g. `LEARN_MORE`.
    var callToAction: String?

    /// The content as the token carries it.
    var json: MockJSON {
        var members: [(String, MockJSON)] = [("f", .string(format)), ("p", .string(pageName))]
        let optional: [(String, String?)] = [
            ("m", message), ("h", headline), ("d", linkDescription), ("i", imageURL), ("l", link), ("c", callToAction),
        ]
        for (key, value) in optional { if let value { members.append((key, .string(value))) } }
        return .object(members)
    }

    /// The opaque token for the page's link.
    var token: String { PreviewToken.encode(json) }

    /// Creates a page from its parts.
    init(
        format: String, pageName: String, message: String? = nil, headline: String? = nil,
        linkDescription: String? = nil, imageURL: String? = nil, link: String? = nil, callToAction: String? = nil
    ) {
        self.format = format
        self.pageName = pageName
        self.message = message
        self.headline = headline
        self.linkDescription = linkDescription
        self.imageURL = imageURL
        self.link = link
        self.callToAction = callToAction
    }

    /// The page a token stands for; `nil` when the token is not one the emulator wrote.
    init?(token: String) {
        guard let json = PreviewToken.decode(token), let format = json["f"]?.string,
            MetaPreviewFormat.values.contains(format), let page = json["p"]?.string
        else { return nil }
        self.init(
            format: format, pageName: page, message: json["m"]?.string, headline: json["h"]?.string,
            linkDescription: json["d"]?.string, imageURL: json["i"]?.string, link: json["l"]?.string,
            callToAction: json["c"]?.string)
    }

    /// The `<iframe>` Graph answers with, pointing at this page on the emulator's origin.
    func iframe(origin: String, width: Int?, height: Int?) -> String {
        let size = MetaPreviewFormat.frameSize(MetaPreviewFormat.layout(of: format))
        let source = origin + "/_mock/meta/preview_iframe?d=" + token
        return "<iframe src=\"\(PreviewHTML.escape(source))\" width=\"\(width ?? size.width)\" "
            + "height=\"\(height ?? size.height)\" scrolling=\"yes\" style=\"border: none;\"></iframe>"
    }

    // MARK: - Rendering

    /// The HTML page, every user-supplied text escaped.
    var response: MockResponse {
        let layout = MetaPreviewFormat.layout(of: format)
        let body: String =
            switch layout {
            case .desktopFeed, .mobileFeed: feed(layout: layout)
            case .instagramFeed: instagram
            case .story: story
            }
        var note = ""
        if !MetaPreviewFormat.isDrawnFaithfully(format) {
            note = "<p class=\"note\">\(PreviewHTML.escape(format)) is drawn as the mobile feed by the emulator.</p>"
        }
        let wrapped =
            "<div class=\"preview \(layout.rawValue)\" data-ad-format=\"\(PreviewHTML.escape(format))\">"
            + body + "</div>" + note
        return PreviewHTML.page(
            title: "Ad preview: \(PreviewHTML.escape(format))", style: Self.style, body: wrapped)
    }

    private var escapedPage: String { PreviewHTML.escape(pageName) }

    private var avatar: String {
        let initial = pageName.first.map { PreviewHTML.escape(String($0).uppercased()) } ?? "?"
        return "<span class=\"avatar\" aria-hidden=\"true\">\(initial)</span>"
    }

    private var image: String {
        let alt = PreviewHTML.escape(headline ?? "Ad image")
        guard let source = PreviewHTML.imageSource(imageURL) else {
            return "<div class=\"media empty\" role=\"img\" aria-label=\"\(alt)\"></div>"
        }
        return "<div class=\"media\"><img src=\"\(source)\" alt=\"\(alt)\"></div>"
    }

    private var button: String {
        guard let callToAction else { return "" }
        let label = PreviewHTML.escape(PreviewHTML.buttonLabel(callToAction))
        guard let href = PreviewHTML.webURL(link) else { return "<span class=\"cta\">\(label)</span>" }
        return "<a class=\"cta\" href=\"\(href)\" target=\"_blank\" rel=\"noopener noreferrer\">\(label)</a>"
    }

    private func paragraph(_ text: String?, class name: String) -> String {
        guard let text, !text.isEmpty else { return "" }
        return "<p class=\"\(name)\">\(PreviewHTML.escape(text))</p>"
    }

    private func feed(layout: MetaPreviewFormat.Layout) -> String {
        let caption = PreviewHTML.host(of: link).map { PreviewHTML.escape($0.uppercased()) } ?? ""
        return "<header>\(avatar)<div><strong class=\"page\">\(escapedPage)</strong>"
            + "<span class=\"sponsored\">Sponsored</span></div></header>"
            + paragraph(message, class: "message") + image
            + "<footer><div class=\"texts\"><span class=\"caption\">\(caption)</span>"
            + paragraph(headline, class: "headline") + paragraph(linkDescription, class: "description")
            + "</div>\(button)</footer>"
    }

    private var instagram: String {
        let handle = PreviewHTML.escape(pageName.lowercased().filter { !$0.isWhitespace })
        let caption =
            message.map { "<p class=\"message\"><strong>\(handle)</strong> \(PreviewHTML.escape($0))</p>" } ?? ""
        return "<header>\(avatar)<div><strong class=\"page\">\(handle)</strong>"
            + "<span class=\"sponsored\">Sponsored</span></div></header>" + image
            + "<div class=\"bar\">\(button.isEmpty ? "<span class=\"cta\">Learn more</span>" : button)</div>"
            + caption + paragraph(headline, class: "headline")
    }

    private var story: String {
        "<div class=\"frame\">\(image)<header>\(avatar)<div><strong class=\"page\">\(escapedPage)</strong>"
            + "<span class=\"sponsored\">Sponsored</span></div></header>"
            + "<div class=\"overlay\">" + paragraph(message, class: "message") + paragraph(headline, class: "headline")
            + button + "</div></div>"
    }

    private static let style = """
        body{margin:0;font:14px/1.35 -apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1c1e21;background:#f0f2f5}
        .preview{background:#fff;margin:0 auto;overflow:hidden}
        .desktopFeed{max-width:500px;border-radius:8px}.mobileFeed{max-width:335px}
        header{display:flex;gap:8px;align-items:center;padding:12px}
        .avatar{width:40px;height:40px;border-radius:50%;background:#1877f2;color:#fff;display:grid;place-items:center;font-weight:700}
        .page{display:block}.sponsored{font-size:12px;color:#65676b}
        .message{margin:0 12px 12px;white-space:pre-wrap}
        .media{background:#dfe3e8;aspect-ratio:1.91/1}.media img{width:100%;height:100%;object-fit:cover;display:block}
        footer{display:flex;gap:8px;align-items:center;justify-content:space-between;padding:10px 12px;background:#f0f2f5}
        .caption{font-size:12px;color:#65676b}.headline{margin:2px 0;font-weight:700}.description{margin:0;color:#65676b}
        .texts{min-width:0}
        .cta{background:#e4e6eb;color:#050505;border-radius:6px;padding:8px 12px;font-weight:600;text-decoration:none;white-space:nowrap}
        .instagramFeed{max-width:335px;font-size:13px}.instagramFeed .avatar{width:32px;height:32px;background:#d6249f}
        .instagramFeed .media{aspect-ratio:1/1}.instagramFeed .message{margin:8px 12px}
        .instagramFeed .headline{margin:0 12px 12px;font-weight:400;color:#737373}
        .bar{padding:10px 12px;border-bottom:1px solid #dbdbdb}.bar .cta{display:block;background:none;color:#0095f6;padding:0}
        .story{max-width:320px;background:#000}
        .frame{position:relative;aspect-ratio:9/16;color:#fff}
        .story .media{position:absolute;inset:0;aspect-ratio:auto;background:#333}
        .story header{position:absolute;top:8px;left:0;right:0}.story .sponsored{color:#ddd}
        .overlay{position:absolute;left:0;right:0;bottom:16px;text-align:center;padding:0 16px;text-shadow:0 1px 2px #000}
        .story .message{margin:0 0 8px}.story .cta{display:inline-block;margin-top:8px;background:#fff;border-radius:20px}
        .note{font-size:11px;color:#65676b;text-align:center}
        """
}
