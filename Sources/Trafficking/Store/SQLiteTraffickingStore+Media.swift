import AdPlatformKit
import Crypto
import Foundation
import GRDB

extension SQLiteTraffickingStore {
    /// Stores bytes under their SHA-256 once: storing the same bytes again changes nothing and returns the stored
    /// value, with the content type first stored.
    public func storeMedia(_ data: Data, contentType: String) async throws -> StoredMedia {
        let digest = SHA256.hash(data: data).map { Self.hexDigits[Int($0 >> 4)] + Self.hexDigits[Int($0 & 0x0f)] }
            .joined()
        let row = MediaBlobRow(digest: digest, contentType: contentType, data: data, createdAt: clock.now)
        let storedType = try await write { db in
            try row.insert(db, onConflict: .ignore)
            return try String.fetchOne(
                db, MediaBlobRow.select(MediaBlobRow.Columns.contentType).filter(key: digest))
        }
        return StoredMedia(digest: digest, contentType: storedType ?? contentType, data: data)
    }

    /// Stored media by its SHA-256 in hex (either case), or `nil`.
    public func media(digest: String) async throws -> StoredMedia? {
        try await read { db in
            try MediaBlobRow.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM media_blobs WHERE digest = ?"), arguments: [digest.lowercased()]
            )?.media
        }
    }

    private static let hexDigits = (0..<16).map { String($0, radix: 16) }
}
