/// One preview format a platform renders, e.g. Meta `INSTAGRAM_STORY` or TikTok `IN_FEED`.
public struct PreviewFormat: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The platform's own value for the format, sent as it is.
    public var value: String
    /// A name for people, e.g. `Instagram story`.
    public var label: String
    /// The placement's width and height ratio, e.g. 9:16 for stories, for sizing a frame around it.
    public var aspectRatio: AspectRatio

    /// A width-to-height ratio.
    public struct AspectRatio: Sendable, Hashable, Codable {
        /// The width part.
        public var width: Int
        /// The height part.
        public var height: Int

        /// Creates a ratio.
        public init(width: Int, height: Int) {
            self.width = width
            self.height = height
        }
    }

    /// Creates a format.
    public init(value: String, label: String, aspectRatio: AspectRatio) {
        self.value = value
        self.label = label
        self.aspectRatio = aspectRatio
    }

    /// The platform value.
    public var description: String { value }
}
