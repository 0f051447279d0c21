import AdPlatformKit
import Foundation

extension MetaResponseParser {
    /// The preview in a `previews` or `generatepreviews` answer, `{"data":[{"body":"<iframe src=…>"}]}`: the
    /// iframe as the embed HTML and its `src` as the link.
    public func preview(in body: JSONValue, format: PreviewFormat) throws(AdPlatformError) -> PlatformPreview {
        guard let html = body["data"]?[0]?["body"]?.stringValue, !html.isEmpty else {
            throw malformed("expected data[0].body with the preview iframe, got \(Self.excerpt(body))")
        }
        guard let source = Self.iframeSource(html) else {
            throw malformed("expected an <iframe src=\"…\"> in the preview body, got \(Self.excerpt(body))")
        }
        return PlatformPreview(format: format, url: source, embedHTML: html)
    }

    /// The `src` attribute of the first `<iframe>`, its HTML entities decoded; `nil` when there is none.
    static func iframeSource(_ html: String) -> String? {
        guard let frame = html.range(of: "<iframe", options: .caseInsensitive),
            let attribute = html.range(
                of: "src=\"", options: .caseInsensitive, range: frame.upperBound..<html.endIndex),
            let end = html[attribute.upperBound...].firstIndex(of: "\"")
        else { return nil }
        let raw = html[attribute.upperBound..<end]
        guard !raw.isEmpty else { return nil }
        return raw.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
