import AdPlatformKit

extension TikTokResponseParser {
    /// The preview in a `creative/ads_preview/create/` answer: `data.preview_link`, `data.iframe`, and the
    /// messages of `data.tips` as notes.
    public static func preview(
        from response: PlatformHTTPResponse, format: PreviewFormat, operation: String
    ) throws(AdPlatformError) -> PlatformPreview {
        let payload = try Self.data(from: response, operation: operation)
        guard let link = payload["preview_link"]?.stringValue, !link.isEmpty else {
            throw malformed("expected data.preview_link in the preview answer", response, operation)
        }
        var notes: [String] = []
        for tip in payload["tips"]?.arrayValue ?? [] {
            for message in tip["messages"]?.arrayValue ?? [] {
                if let text = message.stringValue { notes.append(text) }
            }
        }
        return PlatformPreview(
            format: format, url: link, embedHTML: payload["iframe"]?.stringValue ?? "", notes: notes)
    }
}
