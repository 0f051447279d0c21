import AdPlatformKit
import Foundation

/// The local previews as the server first renders them (the page's script then keeps them in step with the
/// form): Google Search, Meta Feed, TikTok in-feed and Snapchat Snap Ad, from the draft's text, all escaped.
struct StudioPreview {
    /// The headlines as Google joins them.
    var googleHeadline: String
    /// The first headline.
    var headline: String
    /// The first description.
    var description: String
    /// The primary text.
    var primaryText: String
    /// The page or brand name, or a placeholder.
    var brand: String
    /// The landing page's host, as a display URL and link domain.
    var domain: String
    /// The call to action's words.
    var callToAction: String
    /// The image to show: a `data:` URI or URL; `nil` shows a placeholder.
    var image: String?
    /// Why each platform without a preview API is rendered here, from its capabilities.
    var notes: [Note]

    /// One platform's preview note.
    struct Note {
        /// The platform.
        var platform: String
        /// Whether the platform renders its own previews (a "Platform preview" button is offered).
        var hasPreviewAPI: Bool
        /// The capability note.
        var note: String
    }

    /// The previews of a draft.
    init(draft: StudioDraft, registry: PlatformRegistry) {
        let headlines = draft.headlines
        googleHeadline = headlines.isEmpty ? "Your headline" : headlines.prefix(3).joined(separator: " | ")
        headline = headlines.first ?? "Your headline"
        description = draft.descriptions.first ?? ""
        primaryText = draft.value("primary-text")
        let brand = draft.value("brand")
        self.brand = brand.isEmpty ? "Your brand" : brand
        let host = URL(string: draft.value("link-url"))?.host ?? ""
        domain = host.isEmpty ? "example.com" : host
        callToAction = CallToAction(rawValue: draft.value("cta")).map { StudioView.words($0.rawValue) } ?? "Learn more"
        let source = draft.imageSource ?? ""
        image = source.hasPrefix("data:image/") ? source : nil
        notes = registry.all.map {
            Note(
                platform: $0.id.rawValue, hasPreviewAPI: $0.capabilities.previews.hasPreviewAPI,
                note: $0.capabilities.previews.note)
        }
    }
}
