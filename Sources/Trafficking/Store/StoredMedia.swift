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

    /// File extensions and their MIME types, one table for both directions.
    private static let types: [(fileExtension: String, contentType: String)] = [
        ("png", "image/png"), ("jpg", "image/jpeg"), ("jpeg", "image/jpeg"), ("gif", "image/gif"),
        ("webp", "image/webp"), ("mp4", "video/mp4"), ("mov", "video/quicktime"),
    ]

    /// The MIME type for a file name's extension; `application/octet-stream` when unknown.
    public static func contentType(forFileName fileName: String) -> String {
        let suffix = fileName.split(separator: ".").last?.lowercased() ?? ""
        return types.first { $0.fileExtension == suffix }?.contentType ?? "application/octet-stream"
    }

    /// The usual file extension for a MIME type; `bin` when unknown.
    public static func fileExtension(forContentType contentType: String) -> String {
        types.first { $0.contentType == contentType }?.fileExtension ?? "bin"
    }
}
