import Foundation

/// The bytes of an image or video to upload.
public struct MediaUpload: Sendable, Hashable {
    /// Image or video.
    public var kind: MediaReference.Kind
    /// The file name sent with the upload.
    public var fileName: String
    /// The MIME type, e.g. `image/png`.
    public var contentType: String
    /// The bytes.
    public var data: Data
    /// Pixel width, when known (Google image assets report it).
    public var width: Int?
    /// Pixel height, when known.
    public var height: Int?

    /// Creates an upload.
    public init(
        kind: MediaReference.Kind, fileName: String, contentType: String, data: Data, width: Int? = nil,
        height: Int? = nil
    ) {
        self.kind = kind
        self.fileName = fileName
        self.contentType = contentType
        self.data = data
        self.width = width
        self.height = height
    }
}
