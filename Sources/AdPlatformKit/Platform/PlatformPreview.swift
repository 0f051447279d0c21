/// One preview a platform rendered: the format, the link that shows it, and the HTML to embed it.
public struct PlatformPreview: Sendable, Hashable {
    /// The format shown.
    public var format: PreviewFormat
    /// The page that shows the preview (Meta's iframe `src`, TikTok's `preview_link`).
    public var url: String
    /// The platform's embed snippet, an `<iframe>`, as the platform sent it.
    public var embedHTML: String
    /// The platform's remarks on the preview (TikTok's `tips`); empty when none.
    public var notes: [String]

    /// Creates a preview.
    public init(format: PreviewFormat, url: String, embedHTML: String, notes: [String] = []) {
        self.format = format
        self.url = url
        self.embedHTML = embedHTML
        self.notes = notes
    }
}
