/// Media that exists on a platform, as later calls refer to it.
public struct UploadedMedia: Sendable, Hashable, Codable {
    /// Image or video.
    public var kind: MediaReference.Kind
    /// What the platform's ad or creative call takes: Meta image `hash`, TikTok `image_id`, Snapchat media id,
    /// Google asset resource name.
    public var reference: String
    /// The platform's entity id, where it differs from ``reference``.
    public var id: String
    /// A URL the platform serves it from, when it says.
    public var url: String?

    /// Creates uploaded media.
    public init(kind: MediaReference.Kind, reference: String, id: String, url: String? = nil) {
        self.kind = kind
        self.reference = reference
        self.id = id
        self.url = url
    }
}
