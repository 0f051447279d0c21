import Foundation

/// Media bytes stored with a job when it is accepted, so the job needs nothing outside the database to run.
public struct StoredMedia: Sendable, Hashable {
    /// The SHA-256 of the bytes, in hex; also the key.
    public var digest: String
    /// The MIME type.
    public var contentType: String
    /// The bytes.
    public var data: Data

    /// Creates a value.
    public init(digest: String, contentType: String, data: Data) {
        self.digest = digest
        self.contentType = contentType
        self.data = data
    }

    /// The media source a stored request uses to refer to stored bytes: `stored:sha256:<hex>`.
    public var source: String { Self.sourcePrefix + digest }

    /// The prefix of stored-media sources.
    public static let sourcePrefix = "stored:sha256:"
}
