/// Which media a platform's ad format shows.
public struct MediaSupport: Sendable, Hashable, Codable {
    /// Whether images can be shown.
    public var images: Bool
    /// Whether videos can be shown.
    public var videos: Bool
    /// Whether a creative needs at least one image or video (Snapchat's top snap, TikTok's single image).
    public var required: Bool
    /// The placement, for messages, e.g. `Google search results (text only)`.
    public var placement: String

    /// Creates media support.
    public init(images: Bool, videos: Bool, required: Bool, placement: String) {
        self.images = images
        self.videos = videos
        self.required = required
        self.placement = placement
    }

    /// Whether a kind of media can be shown.
    public func supports(_ kind: MediaReference.Kind) -> Bool {
        switch kind {
        case .image: images
        case .video: videos
        }
    }
}
