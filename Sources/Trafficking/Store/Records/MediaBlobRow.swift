import Foundation
import GRDB

/// A row of `media_blobs`: media bytes keyed by their SHA-256.
struct MediaBlobRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "media_blobs"

    var digest: String
    var contentType: String
    var data: Data
    var createdAt: Date

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case digest
        case contentType = "content_type"
        case data
        case createdAt = "created_at"
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// The public value.
    var media: StoredMedia { StoredMedia(digest: digest, contentType: contentType, data: data) }
}
