/// An image or video a creative shows, before upload: where to read it from.
public struct MediaReference: Sendable, Hashable, Codable {
    /// Whether it is an image or a video.
    public enum Kind: String, Sendable, Hashable, ClosedSetDecodable {
        /// A still image (PNG, JPEG).
        case image
        /// A video.
        case video

        /// `media kind`.
        public static let valueKind = "media kind"
    }

    /// Whether it is an image or a video.
    public var kind: Kind
    /// A file path (relative to the request file) or an `http(s)` URL.
    public var source: String

    /// Creates a reference.
    public init(kind: Kind, source: String) {
        self.kind = kind
        self.source = source
    }

    /// The last path component of ``source``, used as the upload file name.
    public var fileName: String {
        let trimmed = source.split(separator: "?").first.map(String.init) ?? source
        return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }
}
